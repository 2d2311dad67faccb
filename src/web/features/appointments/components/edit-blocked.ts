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
