import {
  AGENDA_MAX_DAYS,
  type AgendaQuery,
  type AgendaResponse,
  type Appointment,
  type PersonAppointmentsQuery,
} from "../../../shared/appointments.schemas.ts";
import { windowBound } from "../../../shared/appointments.time.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { fieldError } from "../../errors.ts";
import { decodeCursor, pageOf } from "../../keyset.ts";
import { loadAccess, personForTab, tabLevel } from "../access/access.service.ts";
import { actorOf, clockOf, visibleTabCategories } from "./appointments.access.ts";
import { toAppointment } from "./appointments.mapping.ts";
import * as repo from "./appointments.repository.ts";

const DAY = 86_400_000;
/** The agenda answers at most this many appointments (a month of a busy team fits). */
export const AGENDA_CAP = 2000;

/**
 * The person's Agendamentos tab: open (soonest first) or done (latest first); those that ended
 * before now and deleted ones only when asked (includePast, includeDeleted).
 */
export async function listPersonAppointments(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  query: PersonAppointmentsQuery,
): Promise<{ items: Appointment[]; nextCursor: string | null }> {
  const person = await personForTab(ctx, user, code, "appointments", "read", query.category);
  const canWrite = tabLevel(person.access, person.categoryIds, "appointments", query.category) === "write";
  const clock = await clockOf(ctx);
  const tag = query.status === "done" ? "ad" : "ao";
  const after = decodeCursor(query.cursor, tag, ["s", "n"] as const);
  const rows = await repo.listByPerson(ctx.db, {
    personId: person.row.id,
    status: query.status,
    includePast: query.includePast,
    includeDeleted: query.includeDeleted,
    now: clock.now,
    after: after ? { at: after[0], id: after[1] } : null,
    limit: query.limit + 1,
  });
  const page = pageOf(rows, query.limit, tag, (r) => [r.starts_at, r.id]);
  const actor = actorOf(user);
  return { items: page.rows.map((r) => toAppointment(r, actor, clock, canWrite)), nextCursor: page.nextCursor };
}

/**
 * The agenda: not deleted appointments overlapping [from, to) of persons whose Agendamentos tab
 * the user has (administrators: all); everyone's, one user's or the caller's own.
 */
export async function listAgenda(ctx: AppContext, user: AuthUser, query: AgendaQuery): Promise<AgendaResponse> {
  const clock = await clockOf(ctx);
  const from = windowBound(query.from, clock.timeZone);
  const to = windowBound(query.to, clock.timeZone);
  if (to <= from) throw fieldError("to", "window_end_before_start");
  if (Date.parse(to) - Date.parse(from) > AGENDA_MAX_DAYS * DAY) {
    throw fieldError("to", "window_too_long", { days: AGENDA_MAX_DAYS });
  }
  if (query.mine && query.assignedUserId !== undefined && query.assignedUserId !== user.id) {
    throw fieldError("assignedUserId", "mine_or_assignee");
  }
  const access = await loadAccess(ctx.db, user);
  const categoryIds = visibleTabCategories(access);
  const rows = await repo.listWindow(ctx.db, {
    from,
    to,
    assignedUserId: query.mine ? user.id : (query.assignedUserId ?? null),
    status: query.status ?? null,
    categoryIds,
    limit: AGENDA_CAP + 1,
  });
  const actor = actorOf(user);
  // Write access per person: the best level over the person's categories, as the tab decides it.
  const personCats = await repo.categoriesOfPersons(
    ctx.db,
    rows.map((r) => r.person_id),
  );
  return {
    items: rows
      .slice(0, AGENDA_CAP)
      .map((r) =>
        toAppointment(r, actor, clock, tabLevel(access, personCats.get(r.person_id) ?? [], "appointments") === "write"),
      ),
    truncated: rows.length > AGENDA_CAP,
  };
}

/** Active users, for the agenda's filter and the form's "responsável". */
export async function listAssignees(ctx: AppContext): Promise<{ items: { id: number; name: string }[] }> {
  return { items: await repo.activeUsers(ctx.db) };
}
