import { addDays, isValidIsoDate } from "../../../shared/calendar.ts";
import { searchTerms } from "../../../shared/search-text.ts";
import type { QueueFilter, QueuePage, QueueQuery } from "../../../shared/ticket-queues.schemas.ts";
import type { TicketArea, TicketSummary } from "../../../shared/tickets.schemas.ts";
import { dateInZone, startOfDateInZone } from "../../../shared/time-zone.ts";
import { companyTimeZone } from "../../company-time.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { fieldError } from "../../errors.ts";
import { decodeCursor, pageOf } from "../../keyset.ts";
import { loadAccess } from "../access/access.service.ts";
import { visibleAreas } from "./tickets.access.ts";
import { toSummary } from "./tickets.mapping.ts";
import * as repo from "./tickets.queue.repository.ts";

/** The company's calendar around `now`: the instants the due and opening filters stand for. */
export type QueueClock = { now: Date; timeZone: string; today: string };

export async function queueClock(ctx: AppContext): Promise<QueueClock> {
  const timeZone = await companyTimeZone(ctx.db);
  const now = ctx.now();
  return { now, timeZone, today: dateInZone(now, timeZone) };
}

const startOf = (date: string, timeZone: string) => startOfDateInZone(date, timeZone).toISOString();

/** The start of the day after `date`; none after 9999-12-31 (the calendar ends there: no upper bound). */
function endOf(date: string, timeZone: string): string | undefined {
  const next = addDays(date, 1);
  return isValidIsoDate(next) ? startOf(next, timeZone) : undefined;
}

/** The Monday after `date`'s week (weeks run Monday to Sunday, as Brazilian calendars print them). */
function nextMonday(date: string): string {
  // A calendar date's weekday, read at UTC midnight (no zone can move it): 0 on Mondays.
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, 7 - weekday);
}

/**
 * What a filter must be beyond its schema (an opening period that ends before it starts is a 400):
 * checked for every queue, and before a saved view is stored, so a refused view writes nothing.
 */
export function checkQueueFilter(filter: Pick<QueueFilter, "openedFrom" | "openedTo">): void {
  if (filter.openedFrom && filter.openedTo && filter.openedTo < filter.openedFrom) {
    throw fieldError("openedTo", "opened_period_reversed");
  }
}

/** A filter (from the URL or a saved view) as the repository's WHERE for this user. */
export async function queueWhere(
  ctx: AppContext,
  user: AuthUser,
  area: TicketArea,
  filter: QueueFilter,
  clock: QueueClock,
): Promise<repo.QueueWhere> {
  checkQueueFilter(filter);
  const access = await loadAccess(ctx.db, user);
  const { timeZone, today } = clock;
  const due = (() => {
    const startToday = startOf(today, timeZone);
    switch (filter.due) {
      case "overdue":
        return { dueTo: clock.now.toISOString() };
      case "today":
        return { dueFrom: startToday, dueTo: startOf(addDays(today, 1), timeZone) };
      case "week":
        return { dueFrom: startToday, dueTo: startOf(nextMonday(today), timeZone) };
      default:
        return {};
    }
  })();
  const responsible = filter.responsible === "me" ? user.id : filter.responsible === "none" ? null : filter.responsible;
  const digits = /^\d{1,9}$/.test(filter.q) ? Number(filter.q) : null;
  return {
    area,
    status: filter.status,
    visibility: visibleAreas(access),
    sectorId: filter.sectorId,
    typeId: filter.typeId,
    productId: filter.productId,
    responsible,
    priority: filter.priority,
    ...due,
    openedFrom: filter.openedFrom ? startOf(filter.openedFrom, timeZone) : undefined,
    openedTo: filter.openedTo ? endOf(filter.openedTo, timeZone) : undefined,
    terms: digits === null ? searchTerms(filter.q) : [],
    number: digits,
  };
}

/** A closed queue has no "most urgent": by due it is served newest-opened first. */
const servedSort = (filter: QueueFilter): repo.ServedSort =>
  filter.sort === "due" && filter.status === "closed" ? "opened_desc" : filter.sort;

const keyOf = (r: { due_at: string; opened_at: string; id: number }, sort: repo.ServedSort) =>
  [sort === "due" ? r.due_at : r.opened_at, r.id] as const;

/**
 * A queue across persons: one area's tickets the user may see (the area's tab on one of the
 * person's categories), filtered and sorted as asked, one keyset page at a time. The cursor is
 * tagged with the sort, so a cursor of one order is refused by another.
 */
export async function listQueue(ctx: AppContext, user: AuthUser, query: QueueQuery): Promise<QueuePage> {
  const clock = await queueClock(ctx);
  const where = await queueWhere(ctx, user, query.area, query, clock);
  const sort = servedSort(query);
  const tag = `q${sort}`;
  const after = decodeCursor(query.cursor, tag, ["s", "n"] as const);
  const rows = await repo.queuePage(
    ctx.db,
    where,
    sort,
    after ? { at: after[0], id: after[1] } : null,
    query.limit + 1,
  );
  const page = pageOf(rows, query.limit, tag, (r) => keyOf(r, sort));
  return { items: page.rows.map((r) => toSummary(r, clock.now)), nextCursor: page.nextCursor };
}

/** How many tickets a filter finds for this user now, counting at most `cap`. */
export async function countQueue(
  ctx: AppContext,
  user: AuthUser,
  area: TicketArea,
  filter: QueueFilter,
  cap: number,
  clock: QueueClock,
): Promise<number> {
  return repo.queueCount(ctx.db, await queueWhere(ctx, user, area, filter, clock), cap);
}

/** My internal contacts due by the end of today (company time zone), of both areas, soonest first. */
export async function listContactsDue(ctx: AppContext, user: AuthUser, limit: number): Promise<TicketSummary[]> {
  const clock = await queueClock(ctx);
  const access = await loadAccess(ctx.db, user);
  const rows = await repo.contactsDue(ctx.db, {
    userId: user.id,
    before: startOf(addDays(clock.today, 1), clock.timeZone),
    visibility: visibleAreas(access),
    limit,
  });
  return rows.map((r) => toSummary(r, clock.now));
}

/** The sectors of the open tickets this user is responsible for ("my sectors" on the home page). */
export const sectorsOfMine = (ctx: AppContext, user: AuthUser): Promise<number[]> =>
  repo.sectorsOfResponsible(ctx.db, user.id);
