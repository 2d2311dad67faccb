import type { Tab } from "../../../shared/access.schemas.ts";
import { countedTypeIds, daysOverdue, thresholds } from "../../../shared/critical-factors.rule.ts";
import type {
  CompanyCriticalFactors,
  CompanyCriticalFactorsQuery,
  CriticalTicket,
  PersonCriticalFactors,
  SectorCounts,
} from "../../../shared/critical-factors.schemas.ts";
import type { Priority, TicketArea } from "../../../shared/tickets.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { badRequest } from "../../errors.ts";
import { loadAccess, tabLevel, type UserAccess } from "../access/access.service.ts";
import { visiblePerson } from "../persons/persons.service.ts";
import * as repo from "./critical-factors.repository.ts";
import { companyTimeZone, loadRule } from "./critical-settings.ts";

const TAB_OF: Record<TicketArea, Tab> = { service: "tickets", production: "production" };

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
    throw badRequest("category", "a pessoa não tem esta categoria");
  }
  const areas = (["service", "production"] as const).filter((area) =>
    tabLevel(access, categoryIds, TAB_OF[area], category),
  );
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

/** Category ids whose tickets of an area the user may see; null = all (administrator). */
function visibleFor(access: UserAccess, area: TicketArea): number[] | null {
  if (access.isAdmin) return null;
  return [...access.byCategory.entries()].filter(([, tabs]) => tabs.has(TAB_OF[area])).map(([id]) => id);
}

const encode = (c: repo.PageCursor) =>
  Buffer.from(JSON.stringify([c.sectorId, c.personId, c.dueAt, c.id])).toString("base64url");

function decode(cursor: string | undefined): repo.PageCursor | null {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(v) &&
      v.length === 4 &&
      Number.isSafeInteger(v[0]) &&
      Number.isSafeInteger(v[1]) &&
      typeof v[2] === "string" &&
      Number.isSafeInteger(v[3])
    ) {
      return { sectorId: v[0], personId: v[1], dueAt: v[2], id: v[3] };
    }
  } catch {
    // fall through
  }
  throw badRequest("cursor", "cursor inválido");
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
  const after = decode(query.cursor);
  const [access, a] = await Promise.all([loadAccess(ctx.db, user), applied(ctx)]);
  const visibility = { service: visibleFor(access, "service"), production: visibleFor(access, "production") };
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
    repo.countsBySector(ctx.db, filters, a.limits),
    repo.pageOfTickets(ctx.db, filters, a.limits, after, query.limit + 1),
  ]);
  const bySector = await withSectorNames(ctx.db, counts);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    bySector,
    counts: total(bySector),
    items: page.map((r) => toCritical(r, a.now, a.limits, a.timeZone)),
    nextCursor:
      rows.length > query.limit && last
        ? encode({ sectorId: last.sector_id, personId: last.person_id, dueAt: last.due_at, id: last.id })
        : null,
    rule: a.summary,
  };
}
