import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { type Appointment, markDoneBody } from "../../../../shared/appointments.schemas.ts";
import { NOTE_MAX } from "../../../../shared/tickets.schemas.ts";
import { notifySuccess } from "../../../app/notify.ts";
import { zodResolver } from "../../../app/zod-form.ts";
import { useMarkDone } from "../api/appointments-api.ts";
import { formatWhen } from "../appointment-time.ts";
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
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t("appointments.markDone.title", { subject: appointment?.subject ?? "" })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {opened && appointment && <DoneForm appointment={appointment} onDone={onClose} />}
    </Modal>
  );
}

type Values = { result: string; addNoteToTicket: boolean };
const FIELDS = ["result", "addNoteToTicket"] as const;

function DoneForm({ appointment, onDone }: { appointment: Appointment; onDone: () => void }) {
  const { t } = useTranslation();
  const markDone = useMarkDone();
  const errors = useAppointmentErrors(appointment);
  const form = useForm<Values>({
    initialValues: { result: "", addNoteToTicket: appointment.ticket !== null },
    validate: (values) => zodResolver(markDoneBody)({ ...values, version: errors.version }),
  });
  const submit = form.onSubmit((values) => {
    errors.clearAlert();
    const body = markDoneBody.parse({
      ...values,
      addNoteToTicket: appointment.ticket !== null && values.addNoteToTicket,
      version: errors.version,
    });
    markDone.mutate(
      { appointment, body },
      {
        onSuccess: () => {
          notifySuccess(t("appointments.markDone.done"));
          onDone();
        },
        onError: (error) => void errors.onError(error, FIELDS, form.setFieldError),
      },
    );
  });
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
          label={t("appointments.markDone.result")}
          description={t("appointments.markDone.resultHint")}
          withAsterisk
          autosize
          minRows={4}
          maxRows={10}
          maxLength={NOTE_MAX}
          data-autofocus
          {...form.getInputProps("result")}
        />
        {appointment.ticket && (
          <Checkbox
            label={t("appointments.markDone.addNote", { number: appointment.ticket.number })}
            description={t("appointments.markDone.addNoteHint")}
            {...form.getInputProps("addNoteToTicket", { type: "checkbox" })}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={markDone.isPending}>
            {t("appointments.markDone.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
