import { type ExpressionBuilder, type Selectable, sql } from "kysely";
import type { Database, Dialect, Executor, PersonsTable } from "../../db/types.ts";

export type PersonRow = Selectable<PersonsTable>;

export async function nextPersonCode(db: Executor): Promise<number> {
  const row = await db
    .updateTable("sequences")
    .set((eb) => ({ value: eb("value", "+", 1) }))
    .where("name", "=", "person_code")
    .returning("value")
    .executeTakeFirstOrThrow();
  return row.value;
}

/** Keeps the counter ahead of codes that came from outside (ERP imports). */
export async function bumpPersonCode(db: Executor, atLeast: number): Promise<void> {
  await db
    .updateTable("sequences")
    .set({ value: atLeast })
    .where("name", "=", "person_code")
    .where("value", "<", atLeast)
    .execute();
}

export function findByCode(db: Executor, code: number) {
  return db.selectFrom("persons").selectAll().where("code", "=", code).executeTakeFirst();
}

export function findById(db: Executor, id: number) {
  return db.selectFrom("persons").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findByDocument(db: Executor, document: string) {
  return db.selectFrom("persons").select(["id", "code"]).where("document", "=", document).executeTakeFirst();
}

export async function categoryIdsOf(db: Executor, personId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("person_categories")
    .select("category_id")
    .where("person_id", "=", personId)
    .execute();
  return rows.map((r) => r.category_id);
}

export async function details(db: Executor, personId: number) {
  const [categories, characteristics, emails, phones] = await Promise.all([
    db
      .selectFrom("person_categories as pc")
      .innerJoin("categories as c", "c.id", "pc.category_id")
      .select(["c.id", "c.name", "c.role"])
      .where("pc.person_id", "=", personId)
      .orderBy("c.name")
      .execute(),
    db
      .selectFrom("person_characteristics as pc")
      .innerJoin("characteristics as c", "c.id", "pc.characteristic_id")
      .select(["c.id", "c.name", "c.color"])
      .where("pc.person_id", "=", personId)
      .orderBy("c.name")
      .execute(),
    db
      .selectFrom("person_emails")
      .select(["id", "address", "is_main"])
      .where("person_id", "=", personId)
      .orderBy("is_main", "desc")
      .orderBy("position")
      .execute(),
    db
      .selectFrom("person_phones")
      .select(["id", "number", "is_main"])
      .where("person_id", "=", personId)
      .orderBy("is_main", "desc")
      .orderBy("position")
      .execute(),
  ]);
  return { categories, characteristics, emails, phones };
}

export async function replaceCategories(db: Executor, personId: number, ids: number[]): Promise<void> {
  await db.deleteFrom("person_categories").where("person_id", "=", personId).execute();
  if (ids.length)
    await db
      .insertInto("person_categories")
      .values(ids.map((category_id) => ({ person_id: personId, category_id })))
      .execute();
}

export async function replaceCharacteristics(db: Executor, personId: number, ids: number[]): Promise<void> {
  await db.deleteFrom("person_characteristics").where("person_id", "=", personId).execute();
  if (ids.length)
    await db
      .insertInto("person_characteristics")
      .values(ids.map((characteristic_id) => ({ person_id: personId, characteristic_id })))
      .execute();
}

export async function replaceEmails(
  db: Executor,
  personId: number,
  emails: { address: string; isMain: boolean }[],
): Promise<void> {
  await db.deleteFrom("person_emails").where("person_id", "=", personId).execute();
  if (emails.length)
    await db
      .insertInto("person_emails")
      .values(
        emails.map((e, position) => ({ person_id: personId, address: e.address, is_main: e.isMain ? 1 : 0, position })),
      )
      .execute();
}

export async function replacePhones(
  db: Executor,
  personId: number,
  phones: { number: string; isMain: boolean }[],
): Promise<void> {
  await db.deleteFrom("person_phones").where("person_id", "=", personId).execute();
  if (phones.length)
    await db
      .insertInto("person_phones")
      .values(
        phones.map((p, position) => ({ person_id: personId, number: p.number, is_main: p.isMain ? 1 : 0, position })),
      )
      .execute();
}

export async function existingIds(
  db: Executor,
  table: "categories" | "characteristics",
  ids: number[],
): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom(table).select("id").where("id", "in", ids).where("is_active", "=", 1).execute();
  return new Set(rows.map((r) => r.id));
}

// ——— quick search ———

export type SearchFilter = {
  /** null = every category (administrator) */
  visibleCategoryIds: number[] | null;
  categoryId?: number | undefined;
  includeInactive: boolean;
};

type PersonsEb = ExpressionBuilder<Database & { p: Database["persons"] }, "p">;

function visibility(eb: PersonsEb, f: SearchFilter) {
  const conds = [];
  if (!f.includeInactive) conds.push(eb("p.is_active", "=", 1));
  const cats =
    f.categoryId !== undefined
      ? f.visibleCategoryIds === null || f.visibleCategoryIds.includes(f.categoryId)
        ? [f.categoryId]
        : []
      : f.visibleCategoryIds;
  if (cats !== null) {
    if (!cats.length) return eb.lit(false);
    conds.push(
      eb.exists(
        eb
          .selectFrom("person_categories as pc")
          .select(eb.lit(1).as("one"))
          .whereRef("pc.person_id", "=", "p.id")
          .where("pc.category_id", "in", cats),
      ),
    );
  }
  return eb.and(conds);
}

const summaryColumns = (eb: PersonsEb) =>
  [
    "p.id",
    "p.code",
    "p.kind",
    "p.name",
    "p.short_name",
    "p.document",
    "p.is_active",
    "p.sort_name",
    eb
      .selectFrom("person_emails as e")
      .select("e.address")
      .whereRef("e.person_id", "=", "p.id")
      .where("e.is_main", "=", 1)
      .limit(1)
      .as("main_email"),
    eb
      .selectFrom("person_phones as f")
      .select("f.number")
      .whereRef("f.person_id", "=", "p.id")
      .where("f.is_main", "=", 1)
      .limit(1)
      .as("main_phone"),
  ] as const;

export type SummaryRow = {
  id: number;
  code: number;
  kind: string;
  name: string;
  short_name: string | null;
  document: string | null;
  is_active: number;
  sort_name: string;
  main_email: string | null;
  main_phone: string | null;
};

/** Exact hits (code or document) that go first on the first page. */
export async function findExact(
  db: Executor,
  f: SearchFilter,
  exact: { code?: number | undefined; document?: string | undefined },
): Promise<SummaryRow[]> {
  if (exact.code === undefined && exact.document === undefined) return [];
  return (await db
    .selectFrom("persons as p")
    .select(summaryColumns)
    .where((eb) => {
      const ors = [];
      if (exact.code !== undefined) ors.push(eb("p.code", "=", exact.code));
      if (exact.document !== undefined) ors.push(eb("p.document", "=", exact.document));
      return eb.and([eb.or(ors), visibility(eb, f)]);
    })
    .orderBy("p.code")
    .limit(5)
    .execute()) as SummaryRow[];
}

/**
 * One page of matches, ordered by folded name then id (keyset). Terms of 3+
 * characters go to the trigram index (FTS5 on SQLite, pg_trgm GIN on
 * PostgreSQL); a query of only short terms is a name-prefix range on sort_name.
 */
export async function searchPage(
  db: Executor,
  dialect: Dialect,
  f: SearchFilter,
  q: { terms: string[]; excludeIds: number[]; after: [string, number] | null; limit: number },
): Promise<SummaryRow[]> {
  const long = q.terms.filter((t) => t.length >= 3);
  const short = q.terms.filter((t) => t.length < 3);
  let query = db
    .selectFrom("persons as p")
    .select(summaryColumns)
    .where((eb) => visibility(eb, f));

  if (long.length && dialect === "sqlite") {
    const match = long.map((t) => `"${t.replaceAll('"', '""')}"`).join(" AND ");
    query = query.where("p.id", "in", sql<number>`(select rowid from persons_fts where persons_fts match ${match})`);
  }
  for (const t of dialect === "postgres" ? long : []) {
    query = query.where("p.search_text", "like", `%${t}%`);
  }
  if (long.length) {
    for (const t of short) query = query.where("p.search_text", "like", `%${t}%`);
  } else if (short.length) {
    const prefix = short.join(" ");
    query = query.where("p.sort_name", ">=", prefix).where("p.sort_name", "<", `${prefix}\uffff`);
  }
  if (q.excludeIds.length) query = query.where("p.id", "not in", q.excludeIds);
  if (q.after) {
    const [name, id] = q.after;
    query = query.where((eb) =>
      eb.or([eb("p.sort_name", ">", name), eb.and([eb("p.sort_name", "=", name), eb("p.id", ">", id)])]),
    );
  }
  return (await query.orderBy("p.sort_name").orderBy("p.id").limit(q.limit).execute()) as SummaryRow[];
}
