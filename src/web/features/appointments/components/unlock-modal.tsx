import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Appointment } from "../../../../shared/appointments.schemas.ts";
import { formatDateTime } from "../../../app/format.ts";
import { notifySuccess } from "../../../app/notify.ts";
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
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("appointments.lock.unlockTitle", { subject: appointment?.subject ?? "" })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {opened && appointment && <UnlockBody appointment={appointment} onDone={onClose} />}
    </Modal>
  );
}

function UnlockBody({ appointment, onDone }: { appointment: Appointment; onDone: () => void }) {
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
          onDone();
        },
        onError: (error) => void errors.onError(error),
      },
    );
  };
  return (
    <Stack>
      {errors.alert && (
        <Alert color="red" role="alert" title={t("appointments.lock.unlockFailed")}>
          {errors.alert}
        </Alert>
      )}
      {lock && (
        <Text size="sm">
          {t("appointments.lock.unlockConfirm", {
            name: lock.user.name,
            date: formatDateTime(lock.since),
            reason: lock.reason,
          })}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t("common.cancel")}
        </Button>
        <Button onClick={confirm} loading={unlock.isPending} disabled={!lock}>
          {t("appointments.lock.unlockSubmit")}
        </Button>
      </Group>
    </Stack>
  );
}
