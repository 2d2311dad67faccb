import { type Expression, type Insertable, type SelectQueryBuilder, type SqlBool, sql, type Updateable } from "kysely";
import type { TicketArea } from "../../../shared/tickets.schemas.ts";
import { inArray, prepared } from "../../db/prepared.ts";
import type { CriticalFactorSettingsTable, Database, Dialect, Executor, TicketsTable } from "../../db/types.ts";
import {
  type AreaVisibility,
  seesEverything,
  type TicketsEb,
  ticketVisible,
  ticketVisibleParams,
  type VisibilityParams,
  visibilityParams,
} from "../../db/visibility.ts";

/**
 * The SQL of critical factors: the rule's settings row, the pages of tickets and their details
 * (the counts per sector: critical-factors.counts.repository.ts). Every query reads open tickets
 * through the partial indexes of 0007-watchers-critical (hence `status = 'open'` spelled as a
 * literal), or the running counts of 0007-critical-counts; none walks tickets one by one in code.
 *
 * The shapes every page asks (a person's factors; the company page unfiltered; the live hours)
 * are compiled once (db/prepared.ts), with the visibility and the counted types as parameters;
 * the company page filtered by sector or responsible is built per call, so each filter keeps the
 * index it needs.
 */

export type { AreaVisibility };

export type Filters = {
  visibility: AreaVisibility;
  /** Ticket types that count; null = every type. */
  typeIds: number[] | null;
  sectorId?: number | undefined;
  responsibleUserId?: number | undefined;
};

export type Limits = { criticalBefore: string; attentionBefore: string };
export type Counts = { critical: number; attention: number };

export const OPEN = sql.lit("open");

/** The counted types as parameters: `allTypes` = 1 when every type counts (typeIds null). */
export type TypesParams = { allTypes: number; typeIds: number[] };

export const typesParams = (typeIds: number[] | null): TypesParams => ({
  allTypes: typeIds ? 0 : 1,
  typeIds: typeIds ?? [],
});

/** The type at `ref` counts: every type, or one of `typeIds`. */
export const typeCounts = (ref: Expression<unknown>, p: TypesParams, dialect: Dialect) =>
  sql<SqlBool>`(${p.allTypes} = 1 or ${inArray(ref, p.typeIds, dialect)})`;

/** Open tickets of the visibility and counted types as parameters (the compiled queries' openTickets). */
export function openTicketsParams(db: Executor, p: VisibilityParams & TypesParams, dialect: Dialect) {
  return db
    .selectFrom("tickets as t")
    .where("t.status", "=", OPEN)
    .where((eb) => typeCounts(eb.ref("t.type_id"), p, dialect))
    .where((eb) => ticketVisibleParams(eb as unknown as TicketsEb, p, dialect));
}

/** Open tickets that pass the filters (visibility, counted types, sector, responsible). */
export function openTickets(db: Executor, f: Filters) {
  let q = db.selectFrom("tickets as t").where("t.status", "=", OPEN);
  if (f.sectorId !== undefined) q = q.where("t.sector_id", "=", f.sectorId);
  if (f.responsibleUserId !== undefined) q = q.where("t.responsible_user_id", "=", f.responsibleUserId);
  if (f.typeIds) q = q.where("t.type_id", "in", f.typeIds);
  if (!seesEverything(f.visibility)) q = q.where((eb) => ticketVisible(eb, f.visibility));
  return q;
}

export type PageCursor = { sectorId: number; personId: number; dueAt: string; id: number };

type PageParams = VisibilityParams & TypesParams & { attentionBefore: string; limit: number };
type AfterParams = PageParams & { afterSector: number; afterPerson: number; afterDue: string; afterId: number };

type PageRow = { id: number; sector_id: number; person_id: number; due_at: string };

const bySectorPersonDue = (q: SelectQueryBuilder<Database & { t: TicketsTable }, "t", PageRow>, limit: number) =>
  q.orderBy("t.sector_id").orderBy("t.person_id").orderBy("t.due_at").orderBy("t.id").limit(limit);

const afterCursor = (eb: TicketsEb, after: { sectorId: number; personId: number; dueAt: string; id: number }) =>
  eb(
    eb.refTuple("t.sector_id", "t.person_id", "t.due_at", "t.id"),
    ">",
    eb.tuple(after.sectorId, after.personId, after.dueAt, after.id),
  );

const pageQuery = (db: Executor, p: PageParams, dialect: Dialect) =>
  openTicketsParams(db, p, dialect)
    .where("t.due_at", "<", p.attentionBefore)
    .select(["t.id", "t.sector_id", "t.person_id", "t.due_at"]);

// The unfiltered company page (first and next pages), compiled once.
const firstPage = prepared("critical.page", (db, p: PageParams, dialect) =>
  bySectorPersonDue(pageQuery(db, p, dialect), p.limit),
);
const nextPage = prepared("critical.page_after", (db, p: AfterParams, dialect) =>
  bySectorPersonDue(
    pageQuery(db, p, dialect).where((eb) =>
      afterCursor(eb as unknown as TicketsEb, {
        sectorId: p.afterSector,
        personId: p.afterPerson,
        dueAt: p.afterDue,
        id: p.afterId,
      }),
    ),
    p.limit,
  ),
);

const detailsByIds = prepared("critical.details", (db, p: { ids: number[] }, dialect) =>
  details(db).where((eb) => inArray(eb.ref("t.id"), p.ids, dialect)),
);

/** One keyset page of critical and attention tickets, by sector, person, due (index tickets_open_sector_person_due). */
export async function pageOfTickets(
  db: Executor,
  f: Filters,
  limits: Limits,
  after: PageCursor | null,
  limit: number,
): Promise<CriticalRow[]> {
  let page: { id: number }[];
  if (f.sectorId === undefined && f.responsibleUserId === undefined) {
    const p: PageParams = {
      ...visibilityParams(f.visibility),
      ...typesParams(f.typeIds),
      attentionBefore: limits.attentionBefore,
      limit,
    };
    page = after
      ? await nextPage(db, {
          ...p,
          afterSector: after.sectorId,
          afterPerson: after.personId,
          afterDue: after.dueAt,
          afterId: after.id,
        })
      : await firstPage(db, p);
  } else {
    let q = openTickets(db, f)
      .where("t.due_at", "<", limits.attentionBefore)
      .select(["t.id", "t.sector_id", "t.person_id", "t.due_at"]);
    if (after) q = q.where((eb) => afterCursor(eb as unknown as TicketsEb, after));
    page = await bySectorPersonDue(q, limit).execute();
  }
  if (!page.length) return [];
  const rows = await detailsByIds(db, { ids: page.map((r) => r.id) });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return page.map((r) => byId.get(r.id)).filter((r): r is CriticalRow => r !== undefined);
}

type PersonParams = TypesParams & { personId: number; areas: TicketArea[]; before: string };

const personOpenTickets = prepared("critical.person", (db, p: PersonParams, dialect) =>
  details(db)
    .where("t.person_id", "=", p.personId)
    .where("t.status", "=", OPEN)
    .where("t.due_at", "<", p.before)
    .where((eb) => inArray(eb.ref("t.area"), p.areas, dialect))
    .where((eb) => typeCounts(eb.ref("t.type_id"), p, dialect))
    .orderBy("t.due_at")
    .orderBy("t.id")
    .limit(1000),
);

/** A person's open tickets due before `before` in the areas given, most overdue first (index tickets_open_person_due). */
export function personTickets(
  db: Executor,
  personId: number,
  areas: TicketArea[],
  typeIds: number[] | null,
  before: string,
): Promise<CriticalRow[]> {
  return personOpenTickets(db, { ...typesParams(typeIds), personId, areas, before });
}

/** Ticket rows with the names the panel shows. */
function details(db: Executor) {
  return db
    .selectFrom("tickets as t")
    .innerJoin("persons as p", "p.id", "t.person_id")
    .innerJoin("ticket_types as ty", "ty.id", "t.type_id")
    .innerJoin("sectors as s", "s.id", "t.sector_id")
    .leftJoin("users as ru", "ru.id", "t.responsible_user_id")
    .select([
      "t.id",
      "t.number",
      "t.area",
      "t.subject",
      "t.person_id",
      "p.code as person_code",
      "p.name as person_name",
      "t.type_id",
      "ty.name as type_name",
      "t.sector_id",
      "s.name as sector_name",
      "t.responsible_user_id",
      "ru.name as responsible_name",
      "t.priority",
      "t.opened_at",
      "t.due_at",
    ]);
}

export type CriticalRow = Awaited<ReturnType<ReturnType<typeof details>["executeTakeFirstOrThrow"]>>;

const sectorsByIds = prepared("critical.sectors", (db, p: { ids: number[] }, dialect) =>
  db
    .selectFrom("sectors")
    .select(["id", "name"])
    .where((eb) => inArray(eb.ref("id"), p.ids, dialect)),
);

export function sectorNames(db: Executor, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return sectorsByIds(db, { ids });
}

const typeIdsQuery = prepared("critical.type_ids", (db) => db.selectFrom("ticket_types").select("id"));

export async function allTypeIds(db: Executor): Promise<number[]> {
  return (await typeIdsQuery(db, {})).map((r) => r.id);
}

// ——— the rule's settings (one row, id 1) ———

const settingsQuery = prepared("critical.settings", (db) =>
  db.selectFrom("critical_factor_settings").selectAll().where("id", "=", 1),
);

export async function settingsRow(db: Executor) {
  const [row] = await settingsQuery(db, {});
  return row;
}

export async function insertSettings(
  db: Executor,
  values: Omit<Insertable<CriticalFactorSettingsTable>, "id">,
): Promise<void> {
  await db
    .insertInto("critical_factor_settings")
    .values({ id: 1, ...values })
    .execute();
}

/** Writes the row only if it is still at `version`; false when another save came first. */
export async function updateSettings(
  db: Executor,
  version: number,
  values: Updateable<CriticalFactorSettingsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("critical_factor_settings")
    .set(values)
    .where("id", "=", 1)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
