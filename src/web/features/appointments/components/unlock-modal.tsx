import "../i18n/index.ts";
import { useTranslation } from "react-i18next";
import type { Appointment } from "../../../../shared/appointments.schemas.ts";
import { formatDateTime } from "../../../app/format.ts";
import { notifySuccess } from "../../../app/notify.ts";
import { ConfirmModal } from "../../../app/ui/confirm-modal.tsx";
import { useUnlockAppointment } from "../api/appointments-api.ts";
import { useAppointmentErrors } from "./use-appointment-errors.ts";

/** "Desbloquear": the holder or an administrator; says whose lock it is before lifting it. */
export function UnlockModal({
  appointment,
  opened,
  onClose,
}: {
  appointment: Appointment | null;
  opened: boolean;
  onClose: () => void;
}) {
  // Mounted per opening, so the error hook starts from the appointment as the list read it.
  return opened && appointment ? <UnlockConfirm appointment={appointment} onClose={onClose} /> : null;
}

function UnlockConfirm({ appointment, onClose }: { appointment: Appointment; onClose: () => void }) {
  const { t } = useTranslation();
  const unlock = useUnlockAppointment();
  const errors = useAppointmentErrors(appointment);
  const lock = errors.current.lock;
  const confirm = () => {
    errors.clearAlert();
    unlock.mutate(
      { appointment },
      {
        onSuccess: () => {
          notifySuccess(t("appointments.lock.unlocked"));
          onClose();
        },
        onError: (error) => void errors.onError(error),
      },
    );
  };
  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title={t("appointments.lock.unlockTitle", { subject: appointment.subject })}
      message={
        lock
          ? t("appointments.lock.unlockConfirm", {
              name: lock.user.name,
              date: formatDateTime(lock.since),
              reason: lock.reason,
            })
          : null
      }
      confirmLabel={t("appointments.lock.unlockSubmit")}
      color="indigo"
      loading={unlock.isPending}
      confirmDisabled={!lock}
      error={errors.alert}
      errorTitle={t("appointments.lock.unlockFailed")}
      onConfirm={confirm}
    />
  );
}
