import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import { TICKET_AREAS } from "../../../shared/tickets.schemas.ts";
import { likeAny, prepared } from "../../db/prepared.ts";
import type { Database, Dialect, Executor } from "../../db/types.ts";
import { type AreaVisibility, seesEverything, type VisibilityParams, visibilityParams } from "../../db/visibility.ts";
import {
  type Counts,
  type Filters,
  type Limits,
  openTicketsParams,
  type TypesParams,
  typeCounts,
  typesParams,
} from "./critical-factors.repository.ts";

/**
 * Critical and attention counts per sector (the badge and the company page's totals): the
 * running counts of 0007-critical-counts plus the live hours before each threshold.
 */

const liveCounts = prepared(
  "critical.live",
  (db, p: VisibilityParams & TypesParams & { from: string; to: string }, dialect) =>
    openTicketsParams(db, p, dialect)
      .where("t.due_at", ">=", p.from)
      .where("t.due_at", "<", p.to)
      .select((eb) => ["t.sector_id", "t.responsible_user_id", eb.fn.countAll<number>().as("n")])
      .groupBy(["t.sector_id", "t.responsible_user_id"]),
);

/**
 * Open tickets due in [from, to) per sector, counted from the tickets: a few hours' worth, walked
 * by due date (index tickets_open_due). Sector and responsible are filtered here rather than in
 * SQL, where either would tempt the planner into walking that sector's or user's every ticket.
 */
async function liveBySector(db: Executor, f: Filters, from: string, to: string): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  if (from >= to) return result;
  const rows = await liveCounts(db, { ...visibilityParams(f.visibility), ...typesParams(f.typeIds), from, to });
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
  const [base, liveX, liveY] = await Promise.all([
    runningCounts(db, f, dayX, dayY),
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

type SectorSums = { sector_id: number; before_x: number; before_y: number };

/** Σ months and Σ days of the formula above, per sector: compiled when unfiltered, else built. */
async function runningCounts(db: Executor, f: Filters, dayX: string, dayY: string): Promise<SectorSums[]> {
  const [monthX, monthY] = [dayX.slice(0, 7), dayY.slice(0, 7)];
  if (f.sectorId === undefined && f.responsibleUserId === undefined) {
    const p: CountsParams = {
      ...countsVisibilityParams(f.visibility),
      ...typesParams(f.typeIds),
      monthX,
      monthY,
      dayX,
      dayY,
      monthXStart: `${monthX}-01`,
      monthYStart: `${monthY}-01`,
    };
    const [months, days] = await Promise.all([monthCounts(db, p), dayCounts(db, p)]);
    return [...months, ...days];
  }
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
    if (!seesEverything(f.visibility)) out = out.where((eb) => countsVisible(eb, f.visibility));
    return out.groupBy("c.sector_id") as Q;
  };
  const [m, d] = await Promise.all([filtered(months).execute(), filtered(days).execute()]);
  return [...m, ...d];
}

/** countsVisible's rule as parameters: per area, every set, or the LIKE patterns of its categories. */
type CountsVisibility = {
  seesAll: number;
  serviceAll: number;
  servicePatterns: string[];
  productionAll: number;
  productionPatterns: string[];
};

const patternsOf = (cats: number[] | null) => (cats ?? []).map((id) => `%,${id},%`);

const countsVisibilityParams = (v: AreaVisibility): CountsVisibility => ({
  seesAll: seesEverything(v) ? 1 : 0,
  serviceAll: v.service === null ? 1 : 0,
  servicePatterns: patternsOf(v.service),
  productionAll: v.production === null ? 1 : 0,
  productionPatterns: patternsOf(v.production),
});

const AREA_COUNT_PARAMS = {
  service: { all: "serviceAll", patterns: "servicePatterns" },
  production: { all: "productionAll", patterns: "productionPatterns" },
} as const;

function countsVisibleParams(
  eb: ExpressionBuilder<Database & { c: { area: string; category_set: string } }, "c">,
  p: CountsVisibility,
  dialect: Dialect,
): Expression<SqlBool> {
  return eb.or([
    eb(eb.val(p.seesAll), "=", eb.lit(1)),
    ...TICKET_AREAS.map((area) =>
      eb.and([
        eb("c.area", "=", area),
        eb.or([
          eb(eb.val(p[AREA_COUNT_PARAMS[area].all]), "=", eb.lit(1)),
          likeAny(eb.ref("c.category_set"), p[AREA_COUNT_PARAMS[area].patterns], dialect),
        ]),
      ]),
    ),
  ]);
}

type CountsParams = CountsVisibility &
  TypesParams & {
    monthX: string;
    monthY: string;
    dayX: string;
    dayY: string;
    monthXStart: string;
    monthYStart: string;
  };

const monthCounts = prepared("critical.months", (db, p: CountsParams, dialect) =>
  db
    .selectFrom("critical_factor_months as c")
    .select([
      "c.sector_id",
      sql<number>`sum(case when c.due_month < ${p.monthX} then c.n else 0 end)`.as("before_x"),
      sql<number>`sum(c.n)`.as("before_y"),
    ])
    .where("c.due_month", "<", p.monthY)
    .where((eb) => typeCounts(eb.ref("c.type_id"), p, dialect))
    .where((eb) => countsVisibleParams(eb, p, dialect))
    .groupBy("c.sector_id"),
);

const dayCounts = prepared("critical.days", (db, p: CountsParams, dialect) =>
  db
    .selectFrom("critical_factor_counts as c")
    .select([
      "c.sector_id",
      sql<number>`sum(case when c.due_day < ${p.dayX} then c.n else 0 end)`.as("before_x"),
      sql<number>`sum(case when c.due_day >= ${p.monthYStart} then c.n else 0 end)`.as("before_y"),
    ])
    .where("c.due_day", ">=", p.monthXStart)
    .where("c.due_day", "<", p.dayY)
    .where((eb) => typeCounts(eb.ref("c.type_id"), p, dialect))
    .where((eb) => countsVisibleParams(eb, p, dialect))
    .groupBy("c.sector_id"),
);
