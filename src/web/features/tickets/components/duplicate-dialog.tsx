import "../i18n/index.ts";
import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TicketSummary } from "../../../../shared/tickets.schemas.ts";
import { useErrorMessage } from "../../../app/error-message.ts";
import { notifyError, notifySuccess } from "../../../app/notify.ts";
import { ConfirmModal } from "../../../app/ui/confirm-modal.tsx";
import { useDuplicateTicket } from "../api/tickets-api.ts";

/** "Duplicar": asks first, then says the new ticket's number. */
export function DuplicateDialog({
  ticket,
  opened,
  onClose,
}: {
  ticket: TicketSummary | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const duplicate = useDuplicateTicket();
  const number = ticket?.number ?? "";

  const confirm = () => {
    if (!ticket) return;
    duplicate.mutate(ticket, {
      onSuccess: (created) =>
        notifySuccess(t("tickets.duplicate.done", { number: created.number, from: ticket.number })),
      onError: (error) => notifyError(t("tickets.duplicate.failed"), errorMessage(error)),
      onSettled: onClose,
    });
  };

  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={t("tickets.duplicate.title", { number })}
      message={t("tickets.duplicate.confirm", { number })}
      detail={
        ticket && (
          <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
            {ticket.subject}
          </Text>
        )
      }
      confirmLabel={t("tickets.duplicate.submit")}
      color="indigo"
      loading={duplicate.isPending}
      onConfirm={confirm}
    />
  );
}
