import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TicketSummary } from "../../../../shared/tickets.schemas.ts";
import { useErrorMessage } from "../../../app/error-message.ts";
import { notifyError, notifySuccess } from "../../../app/notify.ts";
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
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("tickets.duplicate.title", { number })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack>
        <Text size="sm">{t("tickets.duplicate.confirm", { number })}</Text>
        {ticket && (
          <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
            {ticket.subject}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t("common.cancel")}
          </Button>
          <Button onClick={confirm} loading={duplicate.isPending}>
            {t("tickets.duplicate.submit")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
