import "../i18n/index.ts";
import { Alert, Button, Group, Stack, Text } from "@mantine/core";
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
import { TextPromptForm, TextPromptModal } from "../../../app/ui/text-prompt-modal.tsx";
import { zodResolver } from "../../../app/zod-form.ts";
import { useDeleteAppointment, useLockAppointment } from "../api/appointments-api.ts";
import { formatWhen } from "./appointment-time.ts";
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
    <TextPromptModal
      opened={opened}
      onClose={onClose}
      title={
        kind === "delete" ? t("appointments.delete.title", { subject }) : t("appointments.lock.title", { subject })
      }
    >
      {appointment && <ReasonPrompt kind={kind} appointment={appointment} onDone={onClose} />}
    </TextPromptModal>
  );
}

function ReasonPrompt({
  kind,
  appointment,
  onDone,
}: {
  kind: ReasonKind;
  appointment: Appointment;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteAppointment();
  const lock = useLockAppointment();
  const errors = useAppointmentErrors(appointment);
  const schema = kind === "delete" ? deleteAppointmentBody : lockAppointmentBody;
  const blocked = kind === "delete" ? deleteBlocked(t, errors.current) : null;

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
    <TextPromptForm
      alert={errors.alert}
      context={
        <Text size="sm" c="dimmed">
          {formatWhen(appointment)} · {appointment.subject}
        </Text>
      }
      field="reason"
      label={kind === "delete" ? t("appointments.delete.reason") : t("appointments.lock.reason")}
      description={kind === "delete" ? t("appointments.delete.hint") : t("appointments.lock.hint")}
      multiline={{ minRows: 2, maxRows: 6 }}
      maxLength={REASON_MAX}
      validate={({ text }) => zodResolver(schema)({ reason: text, version: errors.version })}
      submitLabel={kind === "delete" ? t("appointments.delete.submit") : t("appointments.lock.submit")}
      submitColor={() => (kind === "delete" ? "red" : undefined)}
      pending={remove.isPending || lock.isPending}
      onCancel={onDone}
      onSubmit={({ text }, setFieldError) => {
        errors.clearAlert();
        const body = schema.parse({ reason: text, version: errors.version });
        const options = {
          onSuccess: () => {
            notifySuccess(kind === "delete" ? t("appointments.delete.done") : t("appointments.lock.done"));
            onDone();
          },
          onError: (error: unknown) => void errors.onError(error, ["reason"], setFieldError),
        };
        if (kind === "delete") remove.mutate({ appointment, body }, options);
        else lock.mutate({ appointment, body }, options);
      }}
    />
  );
}
