import "../i18n/index.ts";
import { Box, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { addNoteBody, reopenTicketBody, type TicketSummary } from "../../../../shared/tickets.schemas.ts";
import { AttachmentPicker } from "../../../app/attachments/components/attachment-picker.tsx";
import { useUploads } from "../../../app/attachments/components/use-uploads.ts";
import { notifySuccess } from "../../../app/notify.ts";
import { TextPromptForm, TextPromptModal } from "../../../app/ui/text-prompt-modal.tsx";
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
    <TextPromptModal
      opened={opened}
      onClose={onClose}
      title={mode === "reopen" ? t("tickets.reopen.title", { number }) : t("tickets.note.title", { number })}
    >
      {ticket && <NotePrompt ticket={ticket} mode={mode} onDone={onClose} />}
    </TextPromptModal>
  );
}

function NotePrompt({ ticket, mode, onDone }: { ticket: TicketSummary; mode: Mode; onDone: () => void }) {
  const { t } = useTranslation();
  const addNote = useAddNote();
  const reopen = useReopenTicket();
  const errors = useTicketErrors(ticket);
  const uploads = useUploads();
  const [filesAlert, setFilesAlert] = useState<string | null>(null);
  const n = { number: ticket.number };

  const submit = (text: string, close: boolean, setFieldError: (field: string, message: string) => void) => {
    errors.clearAlert();
    setFilesAlert(null);
    if (mode === "note" && (uploads.uploading || uploads.failed)) {
      setFilesAlert(uploads.uploading ? t("attachments.waitUploads") : t("attachments.failedUploads"));
      return;
    }
    const onError = (error: unknown) => void errors.onError(error, ["text", "close"], setFieldError);
    if (mode === "reopen") {
      const body = reopenTicketBody.parse({ text, version: errors.version });
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
    const body = addNoteBody.parse({ text, close, version: errors.version });
    const attachments = uploads.keys.length > 0 ? uploads.keys : undefined;
    addNote.mutate(
      { ticket, body: { text: body.text, close: body.close, version: errors.version, attachments } },
      {
        onSuccess: () => {
          uploads.markSubmitted();
          notifySuccess(close ? t("tickets.note.closed", n) : t("tickets.note.added", n));
          onDone();
        },
        onError,
      },
    );
  };

  return (
    // A screenshot pasted anywhere in the form (the text included) becomes one of its files.
    <Box onPaste={mode === "note" ? uploads.onPaste : undefined}>
      <TextPromptForm
        alert={filesAlert ?? errors.alert}
        context={
          <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
            {ticket.subject}
          </Text>
        }
        field="text"
        label={mode === "reopen" ? t("tickets.reopen.text") : t("tickets.note.text")}
        description={t("tickets.note.textHint")}
        multiline={{ minRows: 5, maxRows: 14 }}
        option={
          mode === "note"
            ? {
                field: "close",
                label: t("tickets.note.close"),
                description: t("tickets.note.closeHint"),
                initialValue: false,
              }
            : undefined
        }
        validate={({ text, option }) =>
          mode === "reopen"
            ? zodResolver(reopenTicketBody)({ text, version: errors.version })
            : zodResolver(addNoteBody)({ text, close: option, version: errors.version })
        }
        submitLabel={({ option }) =>
          mode === "reopen"
            ? t("tickets.reopen.submit")
            : option
              ? t("tickets.note.submitClose")
              : t("tickets.note.submit")
        }
        submitColor={({ option }) => (mode === "note" && option ? "red" : undefined)}
        pending={addNote.isPending || reopen.isPending}
        onCancel={onDone}
        extra={mode === "note" ? <AttachmentPicker uploads={uploads} /> : undefined}
        onSubmit={({ text, option }, setFieldError) => submit(text, option, setFieldError)}
      />
    </Box>
  );
}
