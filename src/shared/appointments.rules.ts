import type { AppointmentActions } from "./appointments.schemas.ts";
import { formatForMessage } from "./appointments.time.ts";
import type { ReasonParams } from "./errors.ts";
import { renderTemplate } from "./reasons/render.ts";
import { type WorkReason, workReasons } from "./reasons/work.ts";

/**
 * The rules of Agendamentos (DESIGN.md "Appointments"), pure: the server refuses with them and
 * answers `actions` from them, and the web can show the same reasons. Each check answers null
 * (allowed) or the refusal, with the API error code (409 conflicts, 423 locked), the reason
 * (shared/reasons/work.ts) and its params, and the pt-BR message made from them, so the server's
 * error body and the web say the same thing.
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
  reason: WorkReason;
  params?: ReasonParams;
  /** The reason's pt-BR template filled with the params. */
  message: string;
  details?: { lockedBy: { id: number; name: string }; lockedAt: string; reason: string };
};

function refusal(code: RefusalCode, reason: WorkReason, params?: ReasonParams, details?: Refusal["details"]): Refusal {
  return {
    code,
    status: code === "locked" ? 423 : 409,
    reason,
    ...(params ? { params } : {}),
    message: renderTemplate(workReasons[reason], params),
    ...(details ? { details } : {}),
  };
}

/** Ended before now. An appointment under way is not past. */
export const isPast = (a: Pick<RuleAppointment, "endsAt">, now: string): boolean => a.endsAt < now;

const lockedByOther = (a: RuleAppointment, actor: RuleActor): boolean => a.lock !== null && a.lock.userId !== actor.id;

const deleted = (): Refusal => refusal("appointment_deleted", "appointment_deleted");

const done = (reason: "appointment_done_edit" | "appointment_done_delete" | "appointment_done_again"): Refusal =>
  refusal("appointment_done", reason);

type LockReason =
  | "appointment_locked_edit"
  | "appointment_locked_delete"
  | "appointment_locked_done"
  | "appointment_locked_lock"
  | "appointment_locked_unlock";

function locked(a: RuleAppointment, clock: RuleClock, reason: LockReason): Refusal {
  const lock = a.lock as RuleLock;
  return refusal(
    "locked",
    reason,
    { name: lock.userName, since: formatForMessage(lock.since, clock.timeZone), lockReason: lock.reason },
    { lockedBy: { id: lock.userId, name: lock.userName }, lockedAt: lock.since, reason: lock.reason },
  );
}

function past(a: RuleAppointment, clock: RuleClock): Refusal {
  return refusal("appointment_past", "appointment_past", {
    end: formatForMessage(a.endDate ?? a.endsAt, clock.timeZone),
  });
}

export function editRefusal(a: RuleAppointment, actor: RuleActor, clock: RuleClock): Refusal | null {
  if (a.deletedAt !== null) return deleted();
  if (a.status === "done") return done("appointment_done_edit");
  if (isPast(a, clock.now)) return past(a, clock);
  if (lockedByOther(a, actor)) return locked(a, clock, "appointment_locked_edit");
  return null;
}

/** A new end (exclusive, UTC ISO) before now would move the appointment into the past. */
export function moveRefusal(newEndsAt: string, clock: RuleClock): Refusal | null {
  if (!isPast({ endsAt: newEndsAt }, clock.now)) return null;
  return refusal("appointment_past", "appointment_move_past");
}

export function deleteRefusal(a: RuleAppointment, actor: RuleActor, clock: RuleClock): Refusal | null {
  if (a.deletedAt !== null) return deleted();
  if (a.status === "done") return done("appointment_done_delete");
  if (lockedByOther(a, actor)) return locked(a, clock, "appointment_locked_delete");
  return null;
}

export function markDoneRefusal(a: RuleAppointment, actor: RuleActor, clock: RuleClock): Refusal | null {
  if (a.deletedAt !== null) return deleted();
  if (a.status === "done") return done("appointment_done_again");
  if (lockedByOther(a, actor)) return locked(a, clock, "appointment_locked_done");
  return null;
}

export function lockRefusal(a: RuleAppointment, actor: RuleActor, clock: RuleClock): Refusal | null {
  if (a.deletedAt !== null) return deleted();
  if (lockedByOther(a, actor)) return locked(a, clock, "appointment_locked_lock");
  return null;
}

/** Not locked: nothing to do (allowed). Locked: the holder or an administrator. */
export function unlockRefusal(a: RuleAppointment, actor: RuleActor, clock: RuleClock): Refusal | null {
  if (a.lock === null || !lockedByOther(a, actor) || actor.isAdmin) return null;
  return locked(a, clock, "appointment_locked_unlock");
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
