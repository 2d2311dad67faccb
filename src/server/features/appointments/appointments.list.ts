import {
  AGENDA_MAX_DAYS,
  type AgendaQuery,
  type AgendaResponse,
  type Appointment,
  type PersonAppointmentsQuery,
} from "../../../shared/appointments.schemas.ts";
import { MAX_SPAN_DAYS, windowBound } from "../../../shared/appointments.time.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { badRequest } from "../../errors.ts";
import { loadAccess, tabLevel } from "../access/access.service.ts";
import { personForTab } from "../persons/persons.service.ts";
import { actorOf, clockOf, visibleTabCategories } from "./appointments.access.ts";
import { toAppointment } from "./appointments.mapping.ts";
import * as repo from "./appointments.repository.ts";

const DAY = 86_400_000;
/** The agenda answers at most this many appointments (a month of a busy team fits). */
export const AGENDA_CAP = 2000;

const encode = (value: [string, number]) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A keyset cursor: [starts_at, id]; anything else is a 400 naming `cursor`. */
function decode(cursor: string | undefined): repo.StartCursor | null {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && typeof v[0] === "string" && Number.isSafeInteger(v[1])) return { at: v[0], id: v[1] };
  } catch {
    // fall through
  }
  throw badRequest("cursor", "cursor inválido");
}

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
  const rows = await repo.listByPerson(ctx.db, {
    personId: person.row.id,
    status: query.status,
    includePast: query.includePast,
    includeDeleted: query.includeDeleted,
    now: clock.now,
    after: decode(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const actor = actorOf(user);
  return {
    items: page.map((r) => toAppointment(r, actor, clock, canWrite)),
    nextCursor: rows.length > query.limit && last ? encode([last.starts_at, last.id]) : null,
  };
}

/**
 * The agenda: not deleted appointments overlapping [from, to) of persons whose Agendamentos tab
 * the user has (administrators: all); everyone's, one user's or the caller's own.
 */
export async function listAgenda(ctx: AppContext, user: AuthUser, query: AgendaQuery): Promise<AgendaResponse> {
  const clock = await clockOf(ctx);
  const from = windowBound(query.from, clock.timeZone);
  const to = windowBound(query.to, clock.timeZone);
  if (to <= from) throw badRequest("to", "o fim da janela deve ser depois do início");
  if (Date.parse(to) - Date.parse(from) > AGENDA_MAX_DAYS * DAY) {
    throw badRequest("to", `a janela tem no máximo ${AGENDA_MAX_DAYS} dias`);
  }
  if (query.mine && query.assignedUserId !== undefined && query.assignedUserId !== user.id) {
    throw badRequest("assignedUserId", "use mine=true ou assignedUserId, não os dois");
  }
  const access = await loadAccess(ctx.db, user);
  const categoryIds = visibleTabCategories(access);
  const rows = await repo.listWindow(ctx.db, {
    from,
    to,
    startsFrom: new Date(Date.parse(from) - (MAX_SPAN_DAYS + 1) * DAY).toISOString(),
    assignedUserId: query.mine ? user.id : (query.assignedUserId ?? null),
    status: query.status ?? null,
    categoryIds,
    limit: AGENDA_CAP + 1,
  });
  const actor = actorOf(user);
  // Write access per person: the best level over the person's categories, as the tab decides it.
  const personCats = await personCategoryMap(
    ctx,
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

async function personCategoryMap(ctx: AppContext, personIds: number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>();
  const ids = [...new Set(personIds)];
  // Chunks keep the IN list well under SQLite's and PostgreSQL's parameter limits.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ctx.db
      .selectFrom("person_categories")
      .select(["person_id", "category_id"])
      .where("person_id", "in", ids.slice(i, i + 500))
      .execute();
    for (const r of rows) map.set(r.person_id, [...(map.get(r.person_id) ?? []), r.category_id]);
  }
  return map;
}

/** Active users, for the agenda's filter and the form's "responsável". */
export async function listAssignees(ctx: AppContext): Promise<{ items: { id: number; name: string }[] }> {
  return { items: await repo.activeUsers(ctx.db) };
}
