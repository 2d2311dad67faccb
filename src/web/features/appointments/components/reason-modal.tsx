import { Alert, Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import {
  type Appointment,
  deleteAppointmentBody,
  lockAppointmentBody,
  REASON_MAX,
} from "../../../../shared/appointments.schemas.ts";
import { formatDateTime } from "../../../app/format.ts";
import { notifySuccess } from "../../../app/notify.ts";
import { zodResolver } from "../../../app/zod-form.ts";
import { useDeleteAppointment, useLockAppointment } from "../api/appointments-api.ts";
import { formatWhen } from "../appointment-time.ts";
import { useAppointmentErrors } from "./use-appointment-errors.ts";

export type ReasonKind = "delete" | "lock";

/**
 * Why deleting is refused, when the appointment as last read already says so (done, or locked
 * by someone else). If things changed since, the server refuses and its sentence is shown.
 */
function deleteBlocked(t: TFunction, a: Appointment): string | null {
  if (a.actions.delete) return null;
  if (a.status === "done") return t("appointments.delete.blockedDone");
  if (a.lock)
    return t("appointments.delete.blockedLocked", { name: a.lock.user.name, date: formatDateTime(a.lock.since) });
  return null;
}

/** "Excluir" (soft, kept for "Mostrar excluídos") and "Bloquear": both ask for the reason. */
export function ReasonModal({
  kind,
  appointment,
  opened,
  onClose,
}: {
  kind: ReasonKind;
  appointment: Appointment | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const subject = appointment?.subject ?? "";
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={
        kind === "delete" ? t("appointments.delete.title", { subject }) : t("appointments.lock.title", { subject })
      }
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {opened && appointment && <ReasonForm kind={kind} appointment={appointment} onDone={onClose} />}
    </Modal>
  );
}

function ReasonForm({ kind, appointment, onDone }: { kind: ReasonKind; appointment: Appointment; onDone: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteAppointment();
  const lock = useLockAppointment();
  const errors = useAppointmentErrors(appointment);
  const schema = kind === "delete" ? deleteAppointmentBody : lockAppointmentBody;
  const form = useForm<{ reason: string }>({
    initialValues: { reason: "" },
    validate: (values) => zodResolver(schema)({ ...values, version: errors.version }),
  });
  const blocked = kind === "delete" ? deleteBlocked(t, errors.current) : null;
  const pending = remove.isPending || lock.isPending;

  const submit = form.onSubmit((values) => {
    errors.clearAlert();
    const body = schema.parse({ ...values, version: errors.version });
    const options = {
      onSuccess: () => {
        notifySuccess(kind === "delete" ? t("appointments.delete.done") : t("appointments.lock.done"));
        onDone();
      },
      onError: (error: unknown) => void errors.onError(error, ["reason"], form.setFieldError),
    };
    if (kind === "delete") remove.mutate({ appointment, body }, options);
    else lock.mutate({ appointment, body }, options);
  });

  if (blocked) {
    return (
      <Stack>
        <Alert color="red" role="alert" title={t("appointments.delete.refused")}>
          {blocked}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.close")}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {errors.alert && (
          <Alert color="red" role="alert">
            {errors.alert}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {formatWhen(appointment)} · {appointment.subject}
        </Text>
        <Textarea
          label={kind === "delete" ? t("appointments.delete.reason") : t("appointments.lock.reason")}
          description={kind === "delete" ? t("appointments.delete.hint") : t("appointments.lock.hint")}
          withAsterisk
          autosize
          minRows={2}
          maxRows={6}
          maxLength={REASON_MAX}
          data-autofocus
          {...form.getInputProps("reason")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" color={kind === "delete" ? "red" : undefined} loading={pending}>
            {kind === "delete" ? t("appointments.delete.submit") : t("appointments.lock.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
