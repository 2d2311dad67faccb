import "../i18n/index.ts";
import { Badge, Group, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Priority, TicketSummary } from "../../../../shared/tickets.schemas.ts";

const PRIORITY_COLORS: Record<Priority, string> = { low: "gray", normal: "blue", high: "orange", urgent: "red" };

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <Badge color={PRIORITY_COLORS[priority]} variant="light">
      {/* Read as "Prioridade: Alta"; seen as "ALTA". */}
      <VisuallyHidden>{t("tickets.fields.priority")}: </VisuallyHidden>
      {t(`tickets.priorities.${priority}`)}
    </Badge>
  );
}

/** Priority, "Atrasado" when open past its due date, "Encerrado" when closed. */
export function TicketBadges({ ticket }: { ticket: TicketSummary }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <PriorityBadge priority={ticket.priority} />
      {ticket.overdue && (
        <Badge color="red" variant="filled">
          {t("tickets.overdue")}
        </Badge>
      )}
      {ticket.status === "closed" && (
        <Badge color="gray" variant="outline">
          {t("tickets.status.closed")}
        </Badge>
      )}
    </Group>
  );
}
