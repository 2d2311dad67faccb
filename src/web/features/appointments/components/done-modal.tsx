import "../i18n/index.ts";
import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Appointment, markDoneBody } from "../../../../shared/appointments.schemas.ts";
import { NOTE_MAX } from "../../../../shared/tickets.schemas.ts";
import { notifySuccess } from "../../../app/notify.ts";
import { TextPromptForm, TextPromptModal } from "../../../app/ui/text-prompt-modal.tsx";
import { zodResolver } from "../../../app/zod-form.ts";
import { useMarkDone } from "../api/appointments-api.ts";
import { formatWhen } from "./appointment-time.ts";
import { useAppointmentErrors } from "./use-appointment-errors.ts";

/** "Marcar como realizado": what happened, optionally also as a parecer on the linked ticket. */
export function DoneModal({
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
    <TextPromptModal
      opened={opened}
      onClose={onClose}
      title={t("appointments.markDone.title", { subject: appointment?.subject ?? "" })}
    >
      {appointment && <DonePrompt appointment={appointment} onDone={onClose} />}
    </TextPromptModal>
  );
}

function DonePrompt({ appointment, onDone }: { appointment: Appointment; onDone: () => void }) {
  const { t } = useTranslation();
  const markDone = useMarkDone();
  const errors = useAppointmentErrors(appointment);
  const bodyOf = (result: string, addNoteToTicket: boolean) => ({
    result,
    addNoteToTicket: appointment.ticket !== null && addNoteToTicket,
    version: errors.version,
  });
  return (
    <TextPromptForm
      alert={errors.alert}
      context={
        <Text size="sm" c="dimmed">
          {formatWhen(appointment)} · {appointment.subject}
        </Text>
      }
      field="result"
      label={t("appointments.markDone.result")}
      description={t("appointments.markDone.resultHint")}
      multiline={{ minRows: 4, maxRows: 10 }}
      maxLength={NOTE_MAX}
      option={
        appointment.ticket
          ? {
              field: "addNoteToTicket",
              label: t("appointments.markDone.addNote", { number: appointment.ticket.number }),
              description: t("appointments.markDone.addNoteHint"),
              initialValue: true,
            }
          : undefined
      }
      validate={({ text, option }) => zodResolver(markDoneBody)(bodyOf(text, option))}
      submitLabel={t("appointments.markDone.submit")}
      pending={markDone.isPending}
      onCancel={onDone}
      onSubmit={({ text, option }, setFieldError) => {
        errors.clearAlert();
        markDone.mutate(
          { appointment, body: markDoneBody.parse(bodyOf(text, option)) },
          {
            onSuccess: () => {
              notifySuccess(t("appointments.markDone.done"));
              onDone();
            },
            onError: (error) => void errors.onError(error, ["result", "addNoteToTicket"], setFieldError),
          },
        );
      }}
    />
  );
}
