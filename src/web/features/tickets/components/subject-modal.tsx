import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { SUBJECT_MAX, type TicketSummary, updateTicketBody } from "../../../../shared/tickets.schemas.ts";
import { notifySuccess } from "../../../app/notify.ts";
import { zodResolver } from "../../../app/zod-form.ts";
import { useUpdateTicket } from "../api/tickets-api.ts";
import { useTicketErrors } from "./use-ticket-errors.ts";

/** "Alterar assunto": the server records the change in the history ("Assunto alterado de … para …"). */
export function SubjectModal({
  ticket,
  opened,
  onClose,
}: {
  ticket: TicketSummary | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t("tickets.subject.title", { number: ticket?.number ?? "" })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {opened && ticket && <SubjectForm ticket={ticket} onDone={onClose} />}
    </Modal>
  );
}

function SubjectForm({ ticket, onDone }: { ticket: TicketSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateTicket();
  const errors = useTicketErrors(ticket);
  const form = useForm({
    initialValues: { subject: ticket.subject },
    validate: (values) => {
      const found = zodResolver(updateTicketBody)({ subject: values.subject, version: errors.version });
      if (!found.subject && values.subject.trim() === errors.current.subject) found.subject = t("tickets.subject.same");
      return found;
    },
  });

  const submit = form.onSubmit((values) => {
    errors.clearAlert();
    const body = updateTicketBody.parse({ subject: values.subject, version: errors.version });
    update.mutate(
      { ticket, body },
      {
        onSuccess: () => {
          notifySuccess(t("tickets.subject.done"));
          onDone();
        },
        onError: (error) => void errors.onError(error, ["subject"], form.setFieldError),
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
        <div>
          <Text size="sm" c="dimmed">
            {t("tickets.subject.current")}
          </Text>
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {errors.current.subject}
          </Text>
        </div>
        <TextInput
          label={t("tickets.subject.new")}
          withAsterisk
          maxLength={SUBJECT_MAX}
          autoComplete="off"
          data-autofocus
          {...form.getInputProps("subject")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t("tickets.subject.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
