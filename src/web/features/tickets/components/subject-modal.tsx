import "../i18n/index.ts";
import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SUBJECT_MAX, type TicketSummary, updateTicketBody } from "../../../../shared/tickets.schemas.ts";
import { notifySuccess } from "../../../app/notify.ts";
import { TextPromptForm, TextPromptModal } from "../../../app/ui/text-prompt-modal.tsx";
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
    <TextPromptModal
      opened={opened}
      onClose={onClose}
      title={t("tickets.subject.title", { number: ticket?.number ?? "" })}
    >
      {ticket && <SubjectPrompt ticket={ticket} onDone={onClose} />}
    </TextPromptModal>
  );
}

function SubjectPrompt({ ticket, onDone }: { ticket: TicketSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateTicket();
  const errors = useTicketErrors(ticket);
  const bodyOf = (subject: string) => ({ subject, version: errors.version });
  return (
    <TextPromptForm
      alert={errors.alert}
      context={
        <div>
          <Text size="sm" c="dimmed">
            {t("tickets.subject.current")}
          </Text>
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {errors.current.subject}
          </Text>
        </div>
      }
      field="subject"
      label={t("tickets.subject.new")}
      initialValue={ticket.subject}
      maxLength={SUBJECT_MAX}
      validate={({ text }) => {
        const found = zodResolver(updateTicketBody)(bodyOf(text));
        if (!found.subject && text.trim() === errors.current.subject) found.subject = t("tickets.subject.same");
        return found;
      }}
      submitLabel={t("tickets.subject.submit")}
      pending={update.isPending}
      onCancel={onDone}
      onSubmit={({ text }, setFieldError) => {
        errors.clearAlert();
        update.mutate(
          { ticket, body: updateTicketBody.parse(bodyOf(text)) },
          {
            onSuccess: () => {
              notifySuccess(t("tickets.subject.done"));
              onDone();
            },
            onError: (error) => void errors.onError(error, ["subject"], setFieldError),
          },
        );
      }}
    />
  );
}
