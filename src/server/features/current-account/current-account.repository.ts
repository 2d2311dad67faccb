import { type Selectable, sql } from "kysely";
import type { EntryStatus } from "../../../shared/current-account.schemas.ts";
import type { CommissionClosingsTable, CommissionItemsTable, Executor } from "../../db/types.ts";

/** Whose entries a list shows: a seller's account, optionally only those coming from one customer. */
export type EntryFilter = {
  sellerId: number;
  customerId: number | null;
  status: EntryStatus;
  closingId: number | null;
};

export type ClosingRow = Selectable<CommissionClosingsTable>;
export type ItemRow = Selectable<CommissionItemsTable>;

function entryView(db: Executor) {
  return db
    .selectFrom("commission_entries as e")
    .innerJoin("persons as s", "s.id", "e.seller_person_id")
    .leftJoin("persons as p", "p.id", "e.person_id")
    .leftJoin("commission_closings as cl", "cl.id", "e.closing_id")
    .selectAll("e")
    .select([
      "s.code as seller_code",
      "s.name as seller_name",
      "p.code as person_code",
      "p.name as person_name",
      "cl.external_id as closing_external_id",
      "cl.period_start as closing_period_start",
      "cl.period_end as closing_period_end",
      "cl.closed_on as closing_closed_on",
    ]);
}
export type EntryRow = Awaited<ReturnType<ReturnType<typeof entryView>["executeTakeFirstOrThrow"]>>;

export function findEntry(db: Executor, id: number): Promise<EntryRow | undefined> {
  return entryView(db).where("e.id", "=", id).executeTakeFirst();
}

export function itemsOf(db: Executor, entryId: number): Promise<ItemRow[]> {
  return db
    .selectFrom("commission_items")
    .selectAll()
    .where("entry_id", "=", entryId)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

/**
 * The filter as WHERE clauses that one index serves: (closing, date, id) for a closing,
 * (seller, person, status, date, id) for a customer's entries, (seller, status, date, id) otherwise.
 */
function where<Q extends ReturnType<typeof entryView>>(query: Q, f: EntryFilter): Q {
  // A closing belongs to one seller and holds only closed entries (the service checked both):
  // naming it alone keeps the planner on the closing's index instead of the seller's whole history.
  let q =
    f.closingId !== null
      ? query.where("e.closing_id", "=", f.closingId)
      : query.where("e.seller_person_id", "=", f.sellerId).where("e.status", "=", f.status);
  if (f.customerId !== null) q = q.where("e.person_id", "=", f.customerId);
  return q as Q;
}

/** A page of entries, newest first. */
export function entries(
  db: Executor,
  f: EntryFilter & { after: { date: string; id: number } | null; limit: number },
): Promise<EntryRow[]> {
  let query = where(entryView(db), f);
  const after = f.after;
  if (after) query = query.where((eb) => eb(eb.refTuple("e.date", "e.id"), "<", eb.tuple(after.date, after.id)));
  return query.orderBy("e.date", "desc").orderBy("e.id", "desc").limit(f.limit).execute();
}

/** A page of items of the filter's entries: entries newest first, items in their order. */
export function items(
  db: Executor,
  f: EntryFilter & { after: { date: string; entryId: number; itemId: number } | null; limit: number },
) {
  // The literal `item_count > 0` (not a parameter) is what lets both databases pick the partial
  // "…_items" indexes, which hold only entries that have items.
  let query = where(entryView(db), f)
    .where(sql<boolean>`e.item_count > 0`)
    .innerJoin("commission_items as i", "i.entry_id", "e.id")
    .select([
      "i.id as item_id",
      "i.product as item_product",
      "i.quantity_milli as item_quantity_milli",
      "i.base_cents as item_base_cents",
      "i.rate_ppm as item_rate_ppm",
      "i.amount_cents as item_amount_cents",
    ]);
  const after = f.after;
  if (after) {
    // One index range (entries up to and including the cursor's), minus the items of the cursor's
    // entry already shown: an OR of two ranges would make the database sort the whole account.
    query = query
      .where((eb) => eb(eb.refTuple("e.date", "e.id"), "<=", eb.tuple(after.date, after.entryId)))
      .where((eb) =>
        eb.not(eb.and([eb("e.date", "=", after.date), eb("e.id", "=", after.entryId), eb("i.id", "<=", after.itemId)])),
      );
  }
  return query.orderBy("e.date", "desc").orderBy("e.id", "desc").orderBy("i.id", "asc").limit(f.limit).execute();
}

/** Count, credits and debits over every entry of the filter. */
export async function totals(db: Executor, f: EntryFilter) {
  let query = db
    .selectFrom("commission_entries as e")
    .select([
      (eb) => eb.fn.countAll<number>().as("n"),
      sql<number>`coalesce(sum(case when e.amount_cents > 0 then e.amount_cents else 0 end), 0)`.as("credit"),
      sql<number>`coalesce(sum(case when e.amount_cents < 0 then -e.amount_cents else 0 end), 0)`.as("debit"),
    ])
    .where((eb) =>
      f.closingId !== null
        ? eb("e.closing_id", "=", f.closingId)
        : eb.and([eb("e.seller_person_id", "=", f.sellerId), eb("e.status", "=", f.status)]),
    );
  if (f.customerId !== null) query = query.where("e.person_id", "=", f.customerId);
  const row = await query.executeTakeFirstOrThrow();
  const creditCents = Number(row.credit);
  const debitCents = Number(row.debit);
  return { count: Number(row.n), creditCents, debitCents, balanceCents: creditCents - debitCents };
}

export function findClosing(db: Executor, id: number): Promise<ClosingRow | undefined> {
  return db.selectFrom("commission_closings").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * A seller's closings, newest period first; with `customerId`, only those holding entries from
 * that customer (read from the seller+person index, a closing appears once).
 */
export function closings(
  db: Executor,
  f: { sellerId: number; customerId: number | null; after: { end: string; id: number } | null; limit: number },
): Promise<ClosingRow[]> {
  let query = db.selectFrom("commission_closings as c").selectAll("c").where("c.seller_person_id", "=", f.sellerId);
  const customerId = f.customerId;
  if (customerId !== null) {
    query = query.where("c.id", "in", (eb) =>
      eb
        .selectFrom("commission_entries as e")
        .select("e.closing_id")
        .where("e.seller_person_id", "=", f.sellerId)
        .where("e.person_id", "=", customerId)
        .where("e.status", "=", "closed")
        .where("e.closing_id", "is not", null)
        .$narrowType<{ closing_id: number }>(),
    );
  }
  const after = f.after;
  if (after) query = query.where((eb) => eb(eb.refTuple("c.period_end", "c.id"), "<", eb.tuple(after.end, after.id)));
  return query.orderBy("c.period_end", "desc").orderBy("c.id", "desc").limit(f.limit).execute();
}

/** Entry count and Σ amount per closing (of one customer's entries, when given). */
export async function closingSums(db: Executor, closingIds: number[], customerId: number | null) {
  if (!closingIds.length) return new Map<number, { count: number; total: number }>();
  let query = db
    .selectFrom("commission_entries as e")
    .select([
      "e.closing_id",
      (eb) => eb.fn.countAll<number>().as("n"),
      sql<number>`coalesce(sum(e.amount_cents), 0)`.as("total"),
    ])
    .where("e.closing_id", "in", closingIds)
    .groupBy("e.closing_id");
  if (customerId !== null) query = query.where("e.person_id", "=", customerId);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.closing_id as number, { count: Number(r.n), total: Number(r.total) }]));
}

/** The roles of these categories, to tell whether the focused person is a seller. */
export function categoryRoles(db: Executor, categoryIds: number[]) {
  if (!categoryIds.length) return Promise.resolve([]);
  return db.selectFrom("categories").select(["id", "role"]).where("id", "in", categoryIds).execute();
}

/** The person a user is linked to (users.person_id), with whether it is a seller (a category of one of these roles). */
export function linkedPerson(db: Executor, userId: number, sellerRoles: readonly string[]) {
  return db
    .selectFrom("users as u")
    .innerJoin("persons as p", "p.id", "u.person_id")
    .select([
      "p.id",
      "p.code",
      "p.name",
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom("person_categories as pc")
              .innerJoin("categories as c", "c.id", "pc.category_id")
              .select("pc.person_id")
              .whereRef("pc.person_id", "=", "p.id")
              .where("c.role", "in", sellerRoles),
          )
          .as("is_seller"),
    ])
    .where("u.id", "=", userId)
    .executeTakeFirst();
}
