import type { Level } from "../../../shared/access.schemas.ts";
import type { Refusal, RuleActor, RuleClock } from "../../../shared/appointments.rules.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { AppError, badRequest } from "../../errors.ts";
import { loadAccess, tabLevel, type UserAccess } from "../access/access.service.ts";
import { personByIdForTab, type VisiblePerson } from "../persons/persons.service.ts";
import { getCompanySettings } from "../settings/company.service.ts";
import { ticketFor } from "../tickets/tickets.access.ts";
import { addressLine } from "./appointments.mapping.ts";
import * as repo from "./appointments.repository.ts";

export const appointmentNotFound = () => new AppError("not_found", "Agendamento não encontrado.");

export const staleAppointment = (currentVersion: number) =>
  new AppError("stale_version", "Outra pessoa alterou este agendamento; recarregue para ver as mudanças.", {
    currentVersion,
  });

/** A rule's refusal as the API error (409 with the rule's code, 423 with who holds the lock). */
export const refuse = (r: Refusal) => new AppError(r.code, r.message, r.details);

export const actorOf = (user: AuthUser): RuleActor => ({ id: user.id, isAdmin: user.isAdmin });

/** The time of the request and the company's time zone, read once per request. */
export async function clockOf(ctx: AppContext, db: Executor = ctx.db): Promise<RuleClock> {
  const { timeZone } = await getCompanySettings(db);
  return { now: ctx.now().toISOString(), timeZone };
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
  const u = await repo.activeUser(db, userId);
  if (!u) throw badRequest("assignedUserId", "usuário desconhecido ou inativo");
  const access = await loadAccess(db, {
    id: u.id,
    username: u.username,
    name: u.name,
    email: u.email,
    isAdmin: u.is_admin === 1,
  });
  if (!tabLevel(access, personCategoryIds, "appointments")) {
    throw badRequest("assignedUserId", `${u.name} não tem acesso a Agendamentos desta pessoa`);
  }
}

/** The type, active; its default duration. */
export async function checkType(db: Executor, typeId: number): Promise<{ durationMinutes: number }> {
  const type = await repo.activeType(db, typeId);
  if (!type) throw badRequest("typeId", "tipo de agendamento desconhecido ou inativo");
  return { durationMinutes: type.duration_minutes };
}

/** One of the person's addresses, as the line the appointment keeps. */
export async function checkAddress(db: Executor, addressId: number, personId: number): Promise<string> {
  const address = await repo.addressOf(db, addressId);
  if (!address || address.person_id !== personId) {
    throw badRequest("addressId", "endereço desconhecido ou de outra pessoa");
  }
  return addressLine(address);
}

export async function checkProduct(db: Executor, productId: number): Promise<void> {
  if (!(await repo.activeProduct(db, productId))) throw badRequest("productId", "produto desconhecido ou inativo");
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
  if (!ticket) throw badRequest("ticketId", "atendimento desconhecido");
  if (ticket.row.person_id !== personId) throw badRequest("ticketId", "o atendimento é de outra pessoa");
}

/** Category ids whose persons' appointments this user may see (the Agendamentos tab); null = all (administrator). */
export function visibleTabCategories(access: UserAccess): number[] | null {
  if (access.isAdmin) return null;
  return [...access.byCategory.entries()].filter(([, tabs]) => tabs.has("appointments")).map(([id]) => id);
}
