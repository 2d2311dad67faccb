import "../i18n/index.ts";
import type { TFunction } from "i18next";
import type { Appointment } from "../../../../shared/appointments.schemas.ts";
import { formatDateTime } from "../../../app/format.ts";

/**
 * Why "Editar" is off for this appointment, in the interface's language, from what the server
 * answered (`actions.edit` and the state it was computed from); null when editing is allowed.
 * The server checks again on save and its 409/423 sentence is shown if things changed since.
 */
export function editBlockedReason(t: TFunction, a: Appointment): string | null {
  if (a.actions.edit) return null;
  if (!a.canWrite) return t("appointments.editBlocked.readOnly");
  if (a.deletedAt) return t("appointments.editBlocked.deleted");
  if (a.status === "done") return t("appointments.editBlocked.done");
  if (a.past) return t("appointments.editBlocked.past");
  if (a.lock) {
    return t("appointments.editBlocked.locked", { name: a.lock.user.name, date: formatDateTime(a.lock.since) });
  }
  return t("errors.locked");
}

/**
 * Whether "Excluir" is offered. Not for one locked by someone else: only the lock holder may
 * delete it (the server answers 423), and the card already says who holds it. A done one still
 * offers it, and its dialog explains why it stays (the rule is about what it is, not who asks).
 */
export function deleteOffered(a: Appointment): boolean {
  if (!a.canWrite || a.deletedAt !== null) return false;
  return !(a.lock && !a.actions.delete && a.status !== "done");
}
