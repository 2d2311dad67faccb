import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { addNoteBody, reopenTicketBody, type TicketSummary } from "../../../../shared/tickets.schemas.ts";
import { notifySuccess } from "../../../app/notify.ts";
import { zodResolver } from "../../../app/zod-form.ts";
import { useAddNote, useReopenTicket } from "../api/tickets-api.ts";
import { useTicketErrors } from "./use-ticket-errors.ts";

type Mode = "note" | "reopen";

/** "Parecer" (optionally closing the ticket with it) or "Reabrir" (a closed ticket, with a note saying why). */
export function NoteModal({
  ticket,
  mode,
  opened,
  onClose,
}: {
  ticket: TicketSummary | null;
  mode: Mode;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const number = ticket?.number ?? "";
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={mode === "reopen" ? t("tickets.reopen.title", { number }) : t("tickets.note.title", { number })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {opened && ticket && <NoteForm ticket={ticket} mode={mode} onDone={onClose} />}
    </Modal>
  );
}

type Values = { text: string; close: boolean };
const FIELDS = ["text", "close"] as const;

function NoteForm({ ticket, mode, onDone }: { ticket: TicketSummary; mode: Mode; onDone: () => void }) {
  const { t } = useTranslation();
  const addNote = useAddNote();
  const reopen = useReopenTicket();
  const errors = useTicketErrors(ticket);
  const form = useForm<Values>({
    initialValues: { text: "", close: false },
    validate: (values) =>
      mode === "reopen"
        ? zodResolver(reopenTicketBody)({ text: values.text, version: errors.version })
        : zodResolver(addNoteBody)({ ...values, version: errors.version }),
  });

  const submit = form.onSubmit((values) => {
    errors.clearAlert();
    const onError = (error: unknown) => void errors.onError(error, FIELDS, form.setFieldError);
    const n = { number: ticket.number };
    if (mode === "reopen") {
      const body = reopenTicketBody.parse({ text: values.text, version: errors.version });
      reopen.mutate(
        { ticket, body: { text: body.text, version: errors.version } },
        {
          onSuccess: () => {
            notifySuccess(t("tickets.reopen.done", n));
            onDone();
          },
          onError,
        },
      );
      return;
    }
    const body = addNoteBody.parse({ ...values, version: errors.version });
    addNote.mutate(
      { ticket, body: { text: body.text, close: body.close, version: errors.version } },
      {
        onSuccess: () => {
          notifySuccess(values.close ? t("tickets.note.closed", n) : t("tickets.note.added", n));
          onDone();
        },
        onError,
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
        <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
          {ticket.subject}
        </Text>
        <Textarea
          label={mode === "reopen" ? t("tickets.reopen.text") : t("tickets.note.text")}
          description={t("tickets.note.textHint")}
          withAsterisk
          autosize
          minRows={5}
          maxRows={14}
          data-autofocus
          {...form.getInputProps("text")}
        />
        {mode === "note" && (
          <Checkbox
            label={t("tickets.note.close")}
            description={t("tickets.note.closeHint")}
            {...form.getInputProps("close", { type: "checkbox" })}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button
            type="submit"
            color={mode === "note" && form.values.close ? "red" : undefined}
            loading={addNote.isPending || reopen.isPending}
          >
            {mode === "reopen"
              ? t("tickets.reopen.submit")
              : form.values.close
                ? t("tickets.note.submitClose")
                : t("tickets.note.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
