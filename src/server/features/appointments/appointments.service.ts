import type { Updateable } from "kysely";
import { editRefusal, moveRefusal, type RuleActor, type RuleClock } from "../../../shared/appointments.rules.ts";
import type {
  Appointment,
  AppointmentOverlap,
  AppointmentWithOverlaps,
  CreateAppointmentBody,
  UpdateAppointmentBody,
} from "../../../shared/appointments.schemas.ts";
import { addDaysToDate, resolveTimes } from "../../../shared/appointments.time.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { AppointmentsTable, Executor } from "../../db/types.ts";
import { fieldError } from "../../errors.ts";
import { loadAccess, personForTab } from "../access/access.service.ts";
import { inTransaction, recordChange } from "../audit/journal.ts";
import {
  actorOf,
  appointmentFor,
  appointmentNotFound,
  assignableUser,
  checkAddress,
  checkProduct,
  checkTicket,
  checkType,
  clockOf,
  refuse,
  staleAppointment,
  timesRefused,
  visibleTabCategories,
} from "./appointments.access.ts";
import { appointmentEvent, auditedAppointment } from "./appointments.journal.ts";
import { ruleView, toAppointment, toOverlap } from "./appointments.mapping.ts";
import * as repo from "./appointments.repository.ts";

/** The appointment's details as this user sees them. */
export async function loadAppointment(
  db: Executor,
  id: number,
  actor: RuleActor,
  clock: RuleClock,
  canWrite: boolean,
): Promise<Appointment> {
  const row = await repo.appointmentView(db, id);
  if (!row) throw appointmentNotFound();
  return toAppointment(row, actor, clock, canWrite);
}

export async function getAppointment(ctx: AppContext, user: AuthUser, id: number): Promise<Appointment> {
  const { canWrite } = await appointmentFor(ctx, user, id, "read");
  return loadAppointment(ctx.db, id, actorOf(user), await clockOf(ctx), canWrite);
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** Other appointments of the responsible user at the same time: a warning for the caller. */
async function overlapsOf(
  db: Executor,
  user: AuthUser,
  a: { id: number; assigned_user_id: number; starts_at: string; ends_at: string },
): Promise<AppointmentOverlap[]> {
  const access = await loadAccess(db, user);
  const rows = await repo.overlapping(db, {
    userId: a.assigned_user_id,
    startsAt: a.starts_at,
    endsAt: a.ends_at,
    exceptId: a.id,
    visibleCategoryIds: visibleTabCategories(access),
  });
  return rows.map(toOverlap);
}

/**
 * Creates an appointment for a person. It may be in the past (recording one that happened);
 * the answer lists the responsible user's overlapping appointments as a warning.
 */
export async function createAppointment(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  body: CreateAppointmentBody,
  category?: number,
): Promise<AppointmentWithOverlaps> {
  const at = ctx.now().toISOString();
  return inTransaction(ctx, async (trx) => {
    const person = await personForTab(ctx, user, code, "appointments", "write", category, trx);
    const clock = await clockOf(ctx, trx);
    const type = await checkType(trx, body.typeId);
    const resolved = resolveTimes(
      { allDay: body.allDay, startsAt: body.startsAt, endsAt: body.endsAt },
      type.durationMinutes,
      clock.timeZone,
    );
    if ("problem" in resolved) throw timesRefused(resolved.problem);
    if (body.remote && body.addressId != null) throw fieldError("addressId", "remote_without_address");
    const addressText = body.addressId == null ? null : await checkAddress(trx, body.addressId, person.row.id);
    if (body.productId != null) await checkProduct(trx, body.productId);
    if (body.ticketId != null) await checkTicket(ctx, user, trx, body.ticketId, person.row.id);
    const assignedUserId = body.assignedUserId ?? user.id;
    await assignableUser(trx, assignedUserId, person.categoryIds);
    const t = resolved.times;
    const values = {
      person_id: person.row.id,
      type_id: body.typeId,
      all_day: t.allDay ? 1 : 0,
      starts_at: t.startsAt,
      ends_at: t.endsAt,
      start_date: t.startDate,
      end_date: t.endDate,
      subject: body.subject,
      description: body.description,
      assigned_user_id: assignedUserId,
      address_id: body.addressId ?? null,
      address_text: addressText,
      remote: body.remote ? 1 : 0,
      product_id: body.productId ?? null,
      ticket_id: body.ticketId ?? null,
      status: "open",
      created_at: at,
      created_by: user.id,
      updated_at: at,
    };
    const id = await repo.insertAppointment(trx, values);
    const created = await repo.findAppointment(trx, id);
    recordChange(trx, ctx, {
      entity: "appointment",
      id,
      action: "create",
      person: { id: person.row.id, code: person.row.code },
      after: created ? auditedAppointment(created) : null,
      events: [appointmentEvent("appointment.created", id)],
    });
    const overlaps = await overlapsOf(trx, user, { id, ...values });
    return { ...(await loadAppointment(trx, id, actorOf(user), clock, true)), overlaps };
  });
}

/**
 * Edits an appointment while the rules allow (not deleted, done, past, nor locked by another
 * user), never moving it into the past; 412 when `version` is not the stored one. Times are
 * resolved again from what is sent merged with what is stored.
 */
export async function updateAppointment(
  ctx: AppContext,
  user: AuthUser,
  id: number,
  body: UpdateAppointmentBody,
): Promise<AppointmentWithOverlaps> {
  const at = ctx.now().toISOString();
  return inTransaction(ctx, async (trx) => {
    const { row, person } = await appointmentFor(ctx, user, id, "write", trx);
    const clock = await clockOf(ctx, trx);
    if (row.version !== body.version) throw staleAppointment(row.version);
    const refusal = editRefusal(ruleView(row, await repo.userName(trx, row.locked_by)), actorOf(user), clock);
    if (refusal) throw refuse(refusal);

    const set: Updateable<AppointmentsTable> = {};
    const typeId = body.typeId ?? row.type_id;
    if (body.typeId !== undefined && body.typeId !== row.type_id) {
      await checkType(trx, body.typeId);
      set.type_id = body.typeId;
    }
    const timesChanged = body.startsAt !== undefined || body.endsAt !== undefined || body.allDay !== undefined;
    if (timesChanged) {
      const allDay = body.allDay ?? row.all_day === 1;
      if (body.allDay !== undefined && allDay !== (row.all_day === 1) && body.startsAt === undefined) {
        throw fieldError("startsAt", allDay ? "all_day_start_required" : "timed_start_required");
      }
      const storedStart = row.all_day === 1 ? (row.start_date ?? "") : row.starts_at;
      const storedEnd = row.all_day === 1 ? row.end_date : row.ends_at;
      const startsAt = body.startsAt ?? storedStart;
      // A new start without an end keeps the length (a timed one its minutes, an all-day one its
      // days); an explicit null end goes back to the default (the type's duration, or one day).
      const keepLength = body.startsAt !== undefined && body.endsAt === undefined && allDay === (row.all_day === 1);
      let endsAt = body.endsAt !== undefined ? body.endsAt : body.startsAt !== undefined ? null : storedEnd;
      if (keepLength && allDay && row.start_date && row.end_date) {
        endsAt = addDaysToDate(startsAt, daysBetween(row.start_date, row.end_date));
      }
      const durationMinutes =
        keepLength && !allDay
          ? (Date.parse(row.ends_at) - Date.parse(row.starts_at)) / 60_000
          : (await repo.typeDuration(trx, typeId)).duration_minutes;
      const resolved = resolveTimes({ allDay, startsAt, endsAt }, durationMinutes, clock.timeZone);
      if ("problem" in resolved) throw timesRefused(resolved.problem);
      const moved = moveRefusal(resolved.times.endsAt, clock);
      if (moved) throw refuse(moved);
      const t = resolved.times;
      Object.assign(set, {
        all_day: t.allDay ? 1 : 0,
        starts_at: t.startsAt,
        ends_at: t.endsAt,
        start_date: t.startDate,
        end_date: t.endDate,
      });
    }
    if (body.subject !== undefined) set.subject = body.subject;
    if (body.description !== undefined) set.description = body.description;
    if (body.assignedUserId !== undefined && body.assignedUserId !== row.assigned_user_id) {
      await assignableUser(trx, body.assignedUserId, person.categoryIds);
      set.assigned_user_id = body.assignedUserId;
    }
    const remote = body.remote ?? row.remote === 1;
    if (remote && body.addressId != null) throw fieldError("addressId", "remote_without_address");
    if (body.remote !== undefined) set.remote = remote ? 1 : 0;
    if (remote && row.address_text !== null) Object.assign(set, { address_id: null, address_text: null });
    if (body.addressId !== undefined && body.addressId !== row.address_id) {
      set.address_id = body.addressId;
      set.address_text = body.addressId === null ? null : await checkAddress(trx, body.addressId, row.person_id);
    }
    if (body.productId !== undefined && body.productId !== row.product_id) {
      if (body.productId !== null) await checkProduct(trx, body.productId);
      set.product_id = body.productId;
    }
    if (body.ticketId !== undefined && body.ticketId !== row.ticket_id) {
      if (body.ticketId !== null) await checkTicket(ctx, user, trx, body.ticketId, row.person_id);
      set.ticket_id = body.ticketId;
    }

    if (Object.keys(set).length) {
      set.updated_at = at;
      if (!(await repo.updateAppointment(trx, row.id, row.version, set))) {
        throw staleAppointment((await repo.findAppointment(trx, row.id))?.version ?? row.version);
      }
    }
    const current = await repo.findAppointment(trx, row.id);
    if (!current) throw appointmentNotFound();
    recordChange(trx, ctx, {
      entity: "appointment",
      id: row.id,
      action: "update",
      person: { id: person.row.id, code: person.row.code },
      before: auditedAppointment(row),
      after: auditedAppointment(current),
      events: [appointmentEvent("appointment.changed", row.id)],
    });
    return {
      ...(await loadAppointment(trx, row.id, actorOf(user), clock, true)),
      overlaps: await overlapsOf(trx, user, current),
    };
  });
}
