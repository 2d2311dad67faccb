import type { Level } from "../../../shared/access.schemas.ts";
import type { Refusal, RuleActor, RuleClock } from "../../../shared/appointments.rules.ts";
import { type FieldProblem, MAX_SPAN_DAYS } from "../../../shared/appointments.time.ts";
import type { WorkReason } from "../../../shared/reasons/work.ts";
import { companyTimeZone } from "../../company-time.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { AppError, fail, fieldError, reasonMessage } from "../../errors.ts";
import { personByIdForTab, tabLevel, type UserAccess, type VisiblePerson } from "../access/access.service.ts";
import { assignableUser as assignableTo, ticketFor } from "../tickets/tickets.access.ts";
import { addressLine } from "./appointments.mapping.ts";
import * as repo from "./appointments.repository.ts";

export const appointmentNotFound = () => fail("not_found", "appointment_not_found");

export const staleAppointment = (currentVersion: number) =>
  fail("stale_version", "appointment_changed", undefined, { currentVersion });

/** A rule's refusal as the API error (409 with the rule's code, 423 with who holds the lock). */
export const refuse = (r: Refusal) => fail(r.code, r.reason, r.params, r.details);

/** What resolveTimes (shared/appointments.time.ts) may answer, by the reason of each sentence. */
const TIME_REASONS: WorkReason[] = [
  "all_day_start_format",
  "all_day_end_format",
  "last_day_before_first",
  "span_too_long",
  "date_time_with_zone",
  "end_not_after_start",
];

/**
 * resolveTimes names the field and says why in pt-BR; the 400 names the reason of that sentence
 * too (its templates are the same sentences), so the web can say it in English.
 */
export function timesRefused(problem: FieldProblem): AppError {
  const params = { days: MAX_SPAN_DAYS };
  const reason = TIME_REASONS.find((r) => reasonMessage(r, params) === problem.message);
  if (!reason) throw new Error(`resolveTimes answered a problem with no reason: ${problem.message}`);
  return fieldError(problem.field, reason, reason === "span_too_long" ? params : undefined);
}

export const actorOf = (user: AuthUser): RuleActor => ({ id: user.id, isAdmin: user.isAdmin });

/** The time of the request and the company's time zone, read once per request. */
export async function clockOf(ctx: AppContext, db: Executor = ctx.db): Promise<RuleClock> {
  return { now: ctx.now().toISOString(), timeZone: await companyTimeZone(db) };
}

export type AppointmentAccess = { row: repo.AppointmentRow; person: VisiblePerson; canWrite: boolean };

/**
 * An appointment for this user, through its person's Agendamentos tab: a person the user cannot
 * see → 404 (the appointment does not exist for them); visible without the tab, or read-only
 * asking to write → 403.
 */
export async function appointmentFor(
  ctx: AppContext,
  user: AuthUser,
  id: number,
  need: Level,
  db: Executor = ctx.db,
): Promise<AppointmentAccess> {
  const row = await repo.findAppointment(db, id);
  if (!row) throw appointmentNotFound();
  const person = await personByIdForTab(ctx, user, row.person_id, "appointments", need, undefined, db).catch(
    (error: unknown) => {
      throw error instanceof AppError && error.code === "not_found" ? appointmentNotFound() : error;
    },
  );
  return { row, person, canWrite: tabLevel(person.access, person.categoryIds, "appointments") === "write" };
}

/** The responsible user must be active and see the person's Agendamentos, or they would never find it. */
export async function assignableUser(db: Executor, userId: number, personCategoryIds: number[]): Promise<void> {
  await assignableTo(db, "assignedUserId", userId, personCategoryIds, "appointments");
}

/** The type, active; its default duration. */
export async function checkType(db: Executor, typeId: number): Promise<{ durationMinutes: number }> {
  const type = await repo.activeType(db, typeId);
  if (!type) throw fieldError("typeId", "unknown_appointment_type");
  return { durationMinutes: type.duration_minutes };
}

/** One of the person's addresses, as the line the appointment keeps. */
export async function checkAddress(db: Executor, addressId: number, personId: number): Promise<string> {
  const address = await repo.addressOf(db, addressId);
  if (!address || address.person_id !== personId) throw fieldError("addressId", "unknown_address");
  return addressLine(address);
}

export async function checkProduct(db: Executor, productId: number): Promise<void> {
  if (!(await repo.activeProduct(db, productId))) throw fieldError("productId", "unknown_product");
}

/** A ticket of the same person that this user may see (its area's tab); anything else is 400 ticketId. */
export async function checkTicket(
  ctx: AppContext,
  user: AuthUser,
  db: Executor,
  ticketId: number,
  personId: number,
): Promise<void> {
  const ticket = await ticketFor(ctx, user, ticketId, "read", db).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) return null;
    throw error;
  });
  if (!ticket) throw fieldError("ticketId", "unknown_ticket");
  if (ticket.row.person_id !== personId) throw fieldError("ticketId", "ticket_of_other_person");
}

/** Category ids whose persons' appointments this user may see (the Agendamentos tab); null = all (administrator). */
export function visibleTabCategories(access: UserAccess): number[] | null {
  if (access.isAdmin) return null;
  return [...access.byCategory.entries()].filter(([, tabs]) => tabs.has("appointments")).map(([id]) => id);
}
