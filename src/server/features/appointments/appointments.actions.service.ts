import type { Updateable } from "kysely";
import {
  deleteRefusal,
  lockRefusal,
  markDoneRefusal,
  type Refusal,
  type RuleActor,
  type RuleAppointment,
  type RuleClock,
  unlockRefusal,
} from "../../../shared/appointments.rules.ts";
import type {
  Appointment,
  DeleteAppointmentBody,
  LockAppointmentBody,
  MarkDoneBody,
} from "../../../shared/appointments.schemas.ts";
import { formatForMessage } from "../../../shared/appointments.time.ts";
import type { AuditAction, EventType } from "../../../shared/journal.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { AppointmentsTable, Trx } from "../../db/types.ts";
import { fieldError } from "../../errors.ts";
import { inTransaction, recordChange } from "../audit/journal.ts";
import { addNote } from "../tickets/tickets.notes.service.ts";
import { actorOf, appointmentFor, clockOf, refuse, staleAppointment } from "./appointments.access.ts";
import { appointmentEvent, auditedAppointment } from "./appointments.journal.ts";
import { ruleView } from "./appointments.mapping.ts";
import * as repo from "./appointments.repository.ts";
import { loadAppointment } from "./appointments.service.ts";

type Rule = (a: RuleAppointment, actor: RuleActor, clock: RuleClock) => Refusal | null;

/** How an action is journaled: its audit action and its domain event. */
type Journaled = { action: AuditAction; event: EventType };

/**
 * The shape of every action: in one transaction, the appointment (write access), the version
 * check when one is sent, the rule, then `change` (answering the columns to set, or null for
 * nothing to do). The update is conditional on the version read, so a concurrent change is 412.
 */
async function act(
  ctx: AppContext,
  user: AuthUser,
  id: number,
  version: number | undefined,
  rule: Rule,
  journaled: Journaled,
  change: (row: repo.AppointmentRow, trx: Trx, clock: RuleClock) => Promise<Updateable<AppointmentsTable> | null>,
): Promise<Appointment> {
  return inTransaction(ctx, async (trx) => {
    const { row, person } = await appointmentFor(ctx, user, id, "write", trx);
    const clock = await clockOf(ctx, trx);
    if (version !== undefined && version !== row.version) throw staleAppointment(row.version);
    const refusal = rule(ruleView(row, await repo.userName(trx, row.locked_by)), actorOf(user), clock);
    if (refusal) throw refuse(refusal);
    const set = await change(row, trx, clock);
    if (set && !(await repo.updateAppointment(trx, row.id, row.version, { ...set, updated_at: clock.now }))) {
      throw staleAppointment((await repo.findAppointment(trx, row.id))?.version ?? row.version);
    }
    const after = set ? await repo.findAppointment(trx, row.id) : row;
    recordChange(trx, ctx, {
      entity: "appointment",
      id: row.id,
      action: journaled.action,
      person: { id: person.row.id, code: person.row.code },
      before: auditedAppointment(row),
      after: after ? auditedAppointment(after) : null,
      events: [appointmentEvent(journaled.event, row.id)],
    });
    return loadAppointment(trx, row.id, actorOf(user), clock, true);
  });
}

// A soft delete is journaled as what it is to the user: the appointment deleted.
const DELETE: Journaled = { action: "delete", event: "appointment.deleted" };
const DONE: Journaled = { action: "done", event: "appointment.done" };
const LOCK: Journaled = { action: "lock", event: "appointment.locked" };
const UNLOCK: Journaled = { action: "unlock", event: "appointment.unlocked" };

/** Soft delete, with the reason; kept for the "excluídos" filter. */
export function deleteAppointment(ctx: AppContext, user: AuthUser, id: number, body: DeleteAppointmentBody) {
  return act(ctx, user, id, body.version, deleteRefusal, DELETE, async (_row, _trx, clock) => ({
    deleted_at: clock.now,
    deleted_by: user.id,
    delete_reason: body.reason,
  }));
}

/**
 * Marks it done (realizado) with the result. With `addNoteToTicket` the result also becomes a
 * parecer on the linked ticket, through the tickets service in this same transaction: if the
 * note is refused (ticket closed, no write access) nothing is written at all.
 */
export function markDone(ctx: AppContext, user: AuthUser, id: number, body: MarkDoneBody) {
  return act(ctx, user, id, body.version, markDoneRefusal, DONE, async (row, trx, clock) => {
    if (body.addNoteToTicket) {
      if (row.ticket_id === null) throw fieldError("addNoteToTicket", "appointment_without_ticket");
      const type = await repo.typeName(trx, row.type_id);
      const when = formatForMessage(row.start_date ?? row.starts_at, clock.timeZone);
      const text = `Agendamento realizado (${type}, ${when}: ${row.subject}).\n${body.result}`;
      await addNote(ctx, user, row.ticket_id, { text, close: false }, trx);
    }
    return { status: "done", done_at: clock.now, done_by: user.id, result: body.result };
  });
}

/** Locks it with a reason; as the holder, locking again only changes the reason. */
export function lockAppointment(ctx: AppContext, user: AuthUser, id: number, body: LockAppointmentBody) {
  return act(ctx, user, id, body.version, lockRefusal, LOCK, async (row, _trx, clock) => ({
    locked_by: user.id,
    locked_at: row.locked_by === user.id && row.locked_at ? row.locked_at : clock.now,
    lock_reason: body.reason,
  }));
}

/** Unlocks it (the holder or an administrator); unlocking an unlocked appointment changes nothing. */
export function unlockAppointment(ctx: AppContext, user: AuthUser, id: number) {
  return act(ctx, user, id, undefined, unlockRefusal, UNLOCK, async (row) =>
    row.locked_by === null ? null : { locked_by: null, locked_at: null, lock_reason: null },
  );
}
