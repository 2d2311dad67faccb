import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import { TICKET_AREAS, type TicketArea } from "../../../shared/tickets.schemas.ts";
import type { Database, Executor, TicketsTable } from "../../db/types.ts";

/**
 * All SQL of critical factors. Every query reads open tickets through the partial indexes of
 * 0007-watchers-critical (hence `status = 'open'` spelled as a literal), or the running counts of
 * 0007-critical-counts; none walks tickets one by one in code.
 */

/** Category ids whose tickets of each area the user may see: null = every category, [] = none. */
export type AreaVisibility = Record<TicketArea, number[] | null>;

export type Filters = {
  visibility: AreaVisibility;
  /** Ticket types that count; null = every type. */
  typeIds: number[] | null;
  sectorId?: number | undefined;
  responsibleUserId?: number | undefined;
};

export type Limits = { criticalBefore: string; attentionBefore: string };
export type Counts = { critical: number; attention: number };

const OPEN = sql.lit("open");
type TicketEb = ExpressionBuilder<Database & { t: TicketsTable }, "t">;

/** The user may see the ticket's area for one of its person's categories. */
function ticketVisible(eb: TicketEb, visibility: AreaVisibility): Expression<SqlBool> {
  const branches = TICKET_AREAS.flatMap((area) => {
    const cats = visibility[area];
    if (cats === null) return [eb("t.area", "=", area)];
    if (!cats.length) return [];
    return [
      eb.and([
        eb("t.area", "=", area),
        eb.exists(
          eb
            .selectFrom("person_categories as pc")
            .select(eb.lit(1).as("one"))
            .whereRef("pc.person_id", "=", "t.person_id")
            .where("pc.category_id", "in", cats),
        ),
      ]),
    ];
  });
  return branches.length ? eb.or(branches) : eb.lit(false);
}

const everything = (v: AreaVisibility) => v.service === null && v.production === null;

/** Open tickets that pass the filters (visibility, counted types, sector, responsible). */
function openTickets(db: Executor, f: Filters) {
  let q = db.selectFrom("tickets as t").where("t.status", "=", OPEN);
  if (f.sectorId !== undefined) q = q.where("t.sector_id", "=", f.sectorId);
  if (f.responsibleUserId !== undefined) q = q.where("t.responsible_user_id", "=", f.responsibleUserId);
  if (f.typeIds) q = q.where("t.type_id", "in", f.typeIds);
  if (!everything(f.visibility)) q = q.where((eb) => ticketVisible(eb, f.visibility));
  return q;
}

/**
 * Open tickets due in [from, to) per sector, counted from the tickets: a few hours' worth, walked
 * by due date (index tickets_open_due). Sector and responsible are filtered here rather than in
 * SQL, where either would tempt the planner into walking that sector's or user's every ticket.
 */
async function liveBySector(db: Executor, f: Filters, from: string, to: string): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  if (from >= to) return result;
  const rows = await openTickets(db, { visibility: f.visibility, typeIds: f.typeIds })
    .where("t.due_at", ">=", from)
    .where("t.due_at", "<", to)
    .select((eb) => ["t.sector_id", "t.responsible_user_id", eb.fn.countAll<number>().as("n")])
    .groupBy(["t.sector_id", "t.responsible_user_id"])
    .execute();
  for (const r of rows) {
    if (f.sectorId !== undefined && r.sector_id !== f.sectorId) continue;
    if (f.responsibleUserId !== undefined && r.responsible_user_id !== f.responsibleUserId) continue;
    result.set(r.sector_id, (result.get(r.sector_id) ?? 0) + Number(r.n));
  }
  return result;
}

/** Where a running count is visible: its area's grant covers a category of its set (",1,3,"). */
function countsVisible(
  eb: ExpressionBuilder<Database & { c: { area: string; category_set: string } }, "c">,
  visibility: AreaVisibility,
): Expression<SqlBool> {
  const branches = TICKET_AREAS.flatMap((area) => {
    const cats = visibility[area];
    if (cats === null) return [eb("c.area", "=", area)];
    if (!cats.length) return [];
    return [eb.and([eb("c.area", "=", area), eb.or(cats.map((id) => eb("c.category_set", "like", `%,${id},%`)))])];
  });
  return branches.length ? eb.or(branches) : eb.lit(false);
}

/**
 * Critical and attention counts per sector, from the running counts (0007-critical-counts.ts;
 * the per-user ones when filtered by responsible), with the hours between a threshold's UTC day
 * start and the threshold itself (03:00 for São Paulo) counted live:
 *   count(due < T) = Σ months[< month(T)] + Σ days[month(T)-01 ≤ day < day(T)] + live[day(T) 00:00Z, T).
 */
export async function countsBySector(db: Executor, f: Filters, limits: Limits): Promise<Map<number, Counts>> {
  const dayX = limits.criticalBefore.slice(0, 10);
  const dayY = limits.attentionBefore.slice(0, 10);
  const [monthX, monthY] = [dayX.slice(0, 7), dayY.slice(0, 7)];
  const byUser = f.responsibleUserId !== undefined;
  // Typed as the per-user tables (a superset of columns): responsible_id is read only when byUser.
  const months = db
    .selectFrom(
      `${byUser ? "critical_factor_user_months" : "critical_factor_months"} as c` as "critical_factor_user_months as c",
    )
    .select([
      "c.sector_id",
      sql<number>`sum(case when c.due_month < ${monthX} then c.n else 0 end)`.as("before_x"),
      sql<number>`sum(c.n)`.as("before_y"),
    ])
    .where("c.due_month", "<", monthY);
  const days = db
    .selectFrom(
      `${byUser ? "critical_factor_user_counts" : "critical_factor_counts"} as c` as "critical_factor_user_counts as c",
    )
    .select([
      "c.sector_id",
      sql<number>`sum(case when c.due_day < ${dayX} then c.n else 0 end)`.as("before_x"),
      sql<number>`sum(case when c.due_day >= ${`${monthY}-01`} then c.n else 0 end)`.as("before_y"),
    ])
    .where("c.due_day", ">=", `${monthX}-01`)
    .where("c.due_day", "<", dayY);
  // The same filters on both: responsible (per-user tables), sector, counted types, visibility.
  const filtered = <Q extends typeof months | typeof days>(q: Q): Q => {
    let out = q as typeof months;
    if (f.responsibleUserId !== undefined) out = out.where("c.responsible_id", "=", f.responsibleUserId);
    if (f.sectorId !== undefined) out = out.where("c.sector_id", "=", f.sectorId);
    if (f.typeIds) out = out.where("c.type_id", "in", f.typeIds);
    if (!everything(f.visibility)) out = out.where((eb) => countsVisible(eb, f.visibility));
    return out.groupBy("c.sector_id") as Q;
  };
  const [base, liveX, liveY] = await Promise.all([
    Promise.all([filtered(months).execute(), filtered(days).execute()]).then(([m, d]) => [...m, ...d]),
    liveBySector(db, f, `${dayX}T00:00:00.000Z`, limits.criticalBefore),
    liveBySector(db, f, `${dayY}T00:00:00.000Z`, limits.attentionBefore),
  ]);
  const result = new Map<number, Counts>();
  const sectors = new Set([...base.map((r) => r.sector_id), ...liveX.keys(), ...liveY.keys()]);
  const sumOf = (sectorId: number, key: "before_x" | "before_y") =>
    base.filter((r) => r.sector_id === sectorId).reduce((n, r) => n + Number(r[key] ?? 0), 0);
  for (const sectorId of sectors) {
    const beforeX = sumOf(sectorId, "before_x") + (liveX.get(sectorId) ?? 0);
    const beforeY = sumOf(sectorId, "before_y") + (liveY.get(sectorId) ?? 0);
    if (beforeY !== 0) result.set(sectorId, { critical: beforeX, attention: beforeY - beforeX });
  }
  return result;
}

export type PageCursor = { sectorId: number; personId: number; dueAt: string; id: number };

/** One keyset page of critical and attention tickets, by sector, person, due (index tickets_open_sector_person_due). */
export async function pageOfTickets(
  db: Executor,
  f: Filters,
  limits: Limits,
  after: PageCursor | null,
  limit: number,
): Promise<CriticalRow[]> {
  let q = openTickets(db, f)
    .where("t.due_at", "<", limits.attentionBefore)
    .select(["t.id", "t.sector_id", "t.person_id", "t.due_at"]);
  if (after) {
    q = q.where((eb) =>
      eb(
        eb.refTuple("t.sector_id", "t.person_id", "t.due_at", "t.id"),
        ">",
        eb.tuple(after.sectorId, after.personId, after.dueAt, after.id),
      ),
    );
  }
  const page = await q
    .orderBy("t.sector_id")
    .orderBy("t.person_id")
    .orderBy("t.due_at")
    .orderBy("t.id")
    .limit(limit)
    .execute();
  if (!page.length) return [];
  const rows = await details(db)
    .where(
      "t.id",
      "in",
      page.map((r) => r.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return page.map((r) => byId.get(r.id)).filter((r): r is CriticalRow => r !== undefined);
}

/** A person's open tickets due before `before` in the areas given, most overdue first (index tickets_open_person_due). */
export function personTickets(
  db: Executor,
  personId: number,
  areas: TicketArea[],
  typeIds: number[] | null,
  before: string,
): Promise<CriticalRow[]> {
  let q = details(db)
    .where("t.person_id", "=", personId)
    .where("t.status", "=", OPEN)
    .where("t.due_at", "<", before)
    .where("t.area", "in", areas);
  if (typeIds) q = q.where("t.type_id", "in", typeIds);
  return q.orderBy("t.due_at").orderBy("t.id").limit(1000).execute();
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

export function sectorNames(db: Executor, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom("sectors").select(["id", "name"]).where("id", "in", ids).execute();
}

export async function allTypeIds(db: Executor): Promise<number[]> {
  return (await db.selectFrom("ticket_types").select("id").execute()).map((r) => r.id);
}
