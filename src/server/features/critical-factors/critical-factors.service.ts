import { countedTypeIds, daysOverdue, thresholds } from "../../../shared/critical-factors.rule.ts";
import type {
  CompanyCriticalFactors,
  CompanyCriticalFactorsQuery,
  CriticalTicket,
  PersonCriticalFactors,
  SectorCounts,
} from "../../../shared/critical-factors.schemas.ts";
import { type Priority, TICKET_AREAS, type TicketArea, tabOfArea } from "../../../shared/tickets.schemas.ts";
import { companyTimeZone } from "../../company-time.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { fieldError } from "../../errors.ts";
import { decodeCursor, pageOf } from "../../keyset.ts";
import { loadAccess, tabLevel, visiblePerson } from "../access/access.service.ts";
import { visibleAreas } from "../tickets/tickets.access.ts";
import { countsBySector } from "./critical-factors.counts.repository.ts";
import * as repo from "./critical-factors.repository.ts";
import { loadRule } from "./critical-factors.settings.service.ts";

/** The rule, the zone and today's limits, as applied to one answer. */
async function applied(ctx: AppContext, db: Executor = ctx.db) {
  const [rule, timeZone, typeIds] = await Promise.all([loadRule(db), companyTimeZone(db), repo.allTypeIds(db)]);
  const now = ctx.now();
  const limits = thresholds(now, rule, timeZone);
  return {
    now,
    rule,
    timeZone,
    limits,
    typeIds: countedTypeIds(rule, typeIds),
    summary: {
      today: limits.today,
      timeZone,
      thresholdDays: rule.thresholdDays,
      warnDays: rule.warnDays,
      criticalBefore: limits.criticalBefore,
      attentionBefore: limits.attentionBefore,
    },
  };
}

function toCritical(
  r: repo.CriticalRow,
  now: Date,
  limits: { criticalBefore: string },
  timeZone: string,
): CriticalTicket {
  return {
    id: r.id,
    number: r.number,
    area: r.area as TicketArea,
    subject: r.subject,
    person: { code: r.person_code, name: r.person_name },
    type: { id: r.type_id, name: r.type_name },
    sector: { id: r.sector_id, name: r.sector_name },
    responsible: r.responsible_user_id === null ? null : { id: r.responsible_user_id, name: r.responsible_name ?? "" },
    priority: r.priority as Priority,
    openedAt: r.opened_at,
    dueAt: r.due_at,
    daysOverdue: daysOverdue(r.due_at, now, timeZone),
    // The same threshold the queries use, so a ticket is never counted as one level and listed as the other.
    level: r.due_at < limits.criticalBefore ? "critical" : "attention",
  };
}

async function withSectorNames(db: Executor, counts: Map<number, repo.Counts>): Promise<SectorCounts[]> {
  const names = await repo.sectorNames(db, [...counts.keys()]);
  return names
    .map((s) => ({ sector: { id: s.id, name: s.name }, ...(counts.get(s.id) as repo.Counts) }))
    .sort((a, b) => a.sector.name.localeCompare(b.sector.name, "pt-BR"));
}

const total = (list: SectorCounts[]) => ({
  critical: list.reduce((n, s) => n + s.critical, 0),
  attention: list.reduce((n, s) => n + s.attention, 0),
});

/**
 * A person's critical factors: only tickets of the areas whose tab the user may see for the
 * person (the selected category's grants when `category` is given), so production tickets never
 * show without the Produção grant. 404 when the person is not visible.
 */
export async function personCriticalFactors(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  category?: number,
): Promise<PersonCriticalFactors> {
  const { row, categoryIds, access } = await visiblePerson(ctx, user, code);
  if (category !== undefined && !categoryIds.includes(category)) {
    throw fieldError("category", "person_lacks_category");
  }
  const areas = TICKET_AREAS.filter((area) => tabLevel(access, categoryIds, tabOfArea(area), category));
  const a = await applied(ctx);
  const rows =
    areas.length && a.typeIds?.length !== 0
      ? await repo.personTickets(ctx.db, row.id, [...areas], a.typeIds, a.limits.attentionBefore)
      : [];
  const tickets = rows.map((r) => toCritical(r, a.now, a.limits, a.timeZone));
  const counts = new Map<number, repo.Counts>();
  for (const t of tickets) {
    const c = counts.get(t.sector.id) ?? { critical: 0, attention: 0 };
    c[t.level] += 1;
    counts.set(t.sector.id, c);
  }
  const bySector = await withSectorNames(ctx.db, counts);
  return {
    critical: tickets.filter((t) => t.level === "critical"),
    attention: tickets.filter((t) => t.level === "attention"),
    bySector,
    counts: total(bySector),
    rule: a.summary,
  };
}

/**
 * Company-wide: across every person the user may see (and only the areas whose tab they have for
 * the person's categories), the counts per sector and a keyset page of tickets ordered by sector,
 * person and due date. Filters: sector and responsible user.
 */
export async function companyCriticalFactors(
  ctx: AppContext,
  user: AuthUser,
  query: CompanyCriticalFactorsQuery,
): Promise<CompanyCriticalFactors> {
  const cursor = decodeCursor(query.cursor, "cf", ["n", "n", "s", "n"] as const);
  const after = cursor && { sectorId: cursor[0], personId: cursor[1], dueAt: cursor[2], id: cursor[3] };
  const [access, a] = await Promise.all([loadAccess(ctx.db, user), applied(ctx)]);
  const visibility = visibleAreas(access);
  const empty = { bySector: [], counts: { critical: 0, attention: 0 }, items: [], nextCursor: null, rule: a.summary };
  const nothingVisible = visibility.service?.length === 0 && visibility.production?.length === 0;
  if (nothingVisible || a.typeIds?.length === 0) return empty;
  const filters: repo.Filters = {
    visibility,
    typeIds: a.typeIds,
    sectorId: query.sectorId,
    responsibleUserId: query.responsibleUserId,
  };
  const [counts, rows] = await Promise.all([
    countsBySector(ctx.db, filters, a.limits),
    repo.pageOfTickets(ctx.db, filters, a.limits, after, query.limit + 1),
  ]);
  const bySector = await withSectorNames(ctx.db, counts);
  const page = pageOf(rows, query.limit, "cf", (r) => [r.sector_id, r.person_id, r.due_at, r.id]);
  return {
    bySector,
    counts: total(bySector),
    items: page.rows.map((r) => toCritical(r, a.now, a.limits, a.timeZone)),
    nextCursor: page.nextCursor,
    rule: a.summary,
  };
}
