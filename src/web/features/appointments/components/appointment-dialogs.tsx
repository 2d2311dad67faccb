import type { Appointment, AppointmentWithOverlaps } from "../../../../shared/appointments.schemas.ts";
import { AppointmentDetailsDrawer } from "./appointment-details-drawer.tsx";
import { AppointmentFormModal } from "./appointment-form-modal.tsx";
import { DoneModal } from "./done-modal.tsx";
import { ReasonModal } from "./reason-modal.tsx";
import { UnlockModal } from "./unlock-modal.tsx";

export type AppointmentAction = "new" | "edit" | "details" | "done" | "lock" | "unlock" | "delete";

/** The dialog about one appointment; the appointment outlives the closing, so the dialog keeps its text while it fades. */
export type OpenDialog = { action: AppointmentAction; appointment: Appointment | null; opened: boolean };

export const closedDialog: OpenDialog = { action: "new", appointment: null, opened: false };

/**
 * Every dialog of an appointment, for the person's tab and for the Agenda; only the one asked
 * for is open. `code`/`categoryId` are the person's for "Novo agendamento" (the tab only).
 */
export function AppointmentDialogs({
  code,
  categoryId,
  dialog,
  onOpen,
  onClose,
  onSaved,
}: {
  code: number | null;
  categoryId: number | null;
  dialog: OpenDialog;
  onOpen: (action: AppointmentAction, appointment: Appointment) => void;
  onClose: () => void;
  onSaved?: (saved: AppointmentWithOverlaps) => void;
}) {
  const { action, appointment } = dialog;
  const is = (a: AppointmentAction) => dialog.opened && action === a;
  return (
    <>
      {code !== null && (
        <AppointmentFormModal
          appointment={null}
          code={code}
          categoryId={categoryId}
          opened={is("new")}
          onClose={onClose}
          onSaved={onSaved}
        />
      )}
      <AppointmentFormModal
        appointment={appointment}
        code={appointment?.person.code ?? 0}
        categoryId={categoryId}
        opened={is("edit") && appointment !== null}
        onClose={onClose}
        onSaved={onSaved}
      />
      <AppointmentDetailsDrawer appointment={appointment} opened={is("details")} onClose={onClose} onAction={onOpen} />
      <DoneModal appointment={appointment} opened={is("done")} onClose={onClose} />
      <ReasonModal kind="delete" appointment={appointment} opened={is("delete")} onClose={onClose} />
      <ReasonModal kind="lock" appointment={appointment} opened={is("lock")} onClose={onClose} />
      <UnlockModal appointment={appointment} opened={is("unlock")} onClose={onClose} />
    </>
  );
}
