import type { AppointmentActions } from "./appointments.schemas.ts";
import { formatForMessage } from "./appointments.time.ts";

/**
 * The rules of Agendamentos (DESIGN.md "Appointments"), pure: the server refuses with them and
 * answers `actions` from them, and the web can show the same reasons. Each check answers null
 * (allowed) or the refusal, with the API error code (409 conflicts, 423 locked) and a pt-BR
 * message that says why.
 *
 * - Recording a past appointment is allowed (creating is not checked here).
 * - Editing: only while it is not deleted, not done, not past (ended before now) and not
 *   locked by someone else; moving it into the past (an end before now) is refused.
 * - Deleting (soft, with a reason): refused when done or locked by someone else.
 * - Marking done: refused when deleted, already done or locked by someone else.
 * - Locking: refused when deleted or locked by someone else (locking again as the holder
 *   just changes the reason).
 * - Unlocking: only the holder or an administrator.
 */

export type RuleActor = { id: number; isAdmin: boolean };

export type RuleLock = { userId: number; userName: string; since: string; reason: string };

export type RuleAppointment = {
  status: "open" | "done";
  deletedAt: string | null;
  /** Exclusive end, UTC ISO. */
  endsAt: string;
  /** For messages: an all-day appointment's last day, else null. */
  endDate: string | null;
  lock: RuleLock | null;
};

/** The time of the request and the company's time zone (for the dates in messages). */
export type RuleClock = { now: string; timeZone: string };

export type RefusalCode = "appointment_deleted" | "appointment_done" | "appointment_past" | "locked";

export type Refusal = {
  code: RefusalCode;
  /** 409 for the rules, 423 for a lock held by another user. */
  status: 409 | 423;
  message: string;
  details?: { lockedBy: { id: number; name: string }; lockedAt: string; reason: string };
};

/** Ended before now. An appointment under way is not past. */
export const isPast = (a: Pick<RuleAppointment, "endsAt">, now: string): boolean => a.endsAt < now;

const lockedByOther = (a: RuleAppointment, actor: RuleActor): boolean => a.lock !== null && a.lock.userId !== actor.id;

function deleted(): Refusal {
  return { code: "appointment_deleted", status: 409, message: "Agendamento excluído: não aceita alterações." };
}

function done(action: string): Refusal {
  return { code: "appointment_done", status: 409, message: `Agendamento já realizado: não pode ser ${action}.` };
}

function locked(a: RuleAppointment, clock: RuleClock, action: string): Refusal {
  const lock = a.lock as RuleLock;
  return {
    code: "locked",
    status: 423,
    message: `Agendamento bloqueado por ${lock.userName} desde ${formatForMessage(lock.since, clock.timeZone)} (${lock.reason}): ${action}.`,
    details: { lockedBy: { id: lock.userId, name: lock.userName }, lockedAt: lock.since, reason: lock.reason },
  };
}

function past(a: RuleAppointment, clock: RuleClock): Refusal {
  const end = a.endDate ?? a.endsAt;
  return {
    code: "appointment_past",
    status: 409,
    message: `Agendamento no passado (terminou em ${formatForMessage(end, clock.timeZone)}): não pode mais ser editado.`,
  };
}

export function editRefusal(a: RuleAppointment, actor: RuleActor, clock: RuleClock): Refusal | null {
  if (a.deletedAt !== null) return deleted();
  if (a.status === "done") return done("editado");
  if (isPast(a, clock.now)) return past(a, clock);
  if (lockedByOther(a, actor)) return locked(a, clock, "só quem bloqueou pode editá-lo");
  return null;
}

/** A new end (exclusive, UTC ISO) before now would move the appointment into the past. */
export function moveRefusal(newEndsAt: string, clock: RuleClock): Refusal | null {
  if (!isPast({ endsAt: newEndsAt }, clock.now)) return null;
  return {
    code: "appointment_past",
    status: 409,
    message: "Não é possível mover o agendamento para o passado: escolha um horário que ainda não terminou.",
  };
}

export function deleteRefusal(a: RuleAppointment, actor: RuleActor, clock: RuleClock): Refusal | null {
  if (a.deletedAt !== null) return deleted();
  if (a.status === "done") return done("excluído");
  if (lockedByOther(a, actor)) return locked(a, clock, "só quem bloqueou pode excluí-lo");
  return null;
}

export function markDoneRefusal(a: RuleAppointment, actor: RuleActor, clock: RuleClock): Refusal | null {
  if (a.deletedAt !== null) return deleted();
  if (a.status === "done") return done("marcado como realizado de novo");
  if (lockedByOther(a, actor)) return locked(a, clock, "só quem bloqueou pode marcá-lo como realizado");
  return null;
}

export function lockRefusal(a: RuleAppointment, actor: RuleActor, clock: RuleClock): Refusal | null {
  if (a.deletedAt !== null) return deleted();
  if (lockedByOther(a, actor)) return locked(a, clock, "aguarde o desbloqueio");
  return null;
}

/** Not locked: nothing to do (allowed). Locked: the holder or an administrator. */
export function unlockRefusal(a: RuleAppointment, actor: RuleActor, clock: RuleClock): Refusal | null {
  if (a.lock === null || !lockedByOther(a, actor) || actor.isAdmin) return null;
  return locked(a, clock, "só quem bloqueou ou um administrador pode desbloqueá-lo");
}

/** What the web may offer; `canWrite` is the user's level on the person's Agendamentos tab. */
export function actionsFor(
  a: RuleAppointment,
  actor: RuleActor,
  clock: RuleClock,
  canWrite: boolean,
): AppointmentActions {
  return {
    edit: canWrite && editRefusal(a, actor, clock) === null,
    delete: canWrite && deleteRefusal(a, actor, clock) === null,
    markDone: canWrite && markDoneRefusal(a, actor, clock) === null,
    lock: canWrite && a.lock === null && lockRefusal(a, actor, clock) === null,
    unlock: canWrite && a.lock !== null && unlockRefusal(a, actor, clock) === null,
  };
}
