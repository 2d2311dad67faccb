import "../i18n/index.ts";
import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TicketSummary } from "../../../../shared/tickets.schemas.ts";
import { formatDateTime } from "../../../app/format.ts";
import { ItemCard, Meta, MoreActions, MetaSep as Sep } from "../../../app/ui/item-card.tsx";
import { TicketBadges } from "./ticket-badges.tsx";

export type TicketAction = "note" | "reopen" | "history" | "details" | "subject" | "contact" | "duplicate";

/** One ticket of the list: number, badges, subject, type/sector/product/responsible, dates, actions. */
export function TicketCard({
  ticket,
  canWrite,
  onAction,
}: {
  ticket: TicketSummary;
  canWrite: boolean;
  onAction: (action: TicketAction) => void;
}) {
  const { t } = useTranslation();
  const number = t("tickets.number", { number: ticket.number });
  const open = ticket.status === "open";
  const n = { number: ticket.number };
  return (
    <ItemCard
      label={`${number}: ${ticket.subject}`}
      actions={
        <>
          {canWrite && open && (
            <Button size="xs" onClick={() => onAction("note")} aria-label={t("tickets.actions.noteOf", n)}>
              {t("tickets.actions.note")}
            </Button>
          )}
          {canWrite && !open && (
            <Button size="xs" onClick={() => onAction("reopen")} aria-label={t("tickets.actions.reopenOf", n)}>
              {t("tickets.actions.reopen")}
            </Button>
          )}
          <Button
            size="xs"
            variant="light"
            onClick={() => onAction("history")}
            aria-label={t("tickets.actions.historyOf", n)}
          >
            {t("tickets.actions.history")}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => onAction("details")}
            aria-label={t("tickets.actions.detailsOf", n)}
          >
            {t("common.details")}
          </Button>
          {canWrite && (
            <MoreActions
              label={t("tickets.actions.moreOf", n)}
              items={[
                open && { label: t("tickets.actions.subject"), onClick: () => onAction("subject") },
                open && { label: t("tickets.actions.internalContact"), onClick: () => onAction("contact") },
                { label: t("tickets.actions.duplicate"), onClick: () => onAction("duplicate") },
              ]}
            />
          )}
        </>
      }
    >
      <Group gap="xs" wrap="wrap">
        <Text fw={700} size="sm" c="indigo.7">
          {number}
        </Text>
        <TicketBadges ticket={ticket} />
      </Group>
      <Text fw={500} style={{ overflowWrap: "anywhere" }}>
        {ticket.subject}
      </Text>
      <Text size="sm" component="div">
        <Meta label={t("tickets.fields.type")}>{ticket.type.name}</Meta>
        <Sep />
        <Meta label={t("tickets.fields.sector")}>{ticket.sector.name}</Meta>
        {ticket.product && (
          <>
            <Sep />
            <Meta label={t("tickets.fields.product")}>{ticket.product.name}</Meta>
          </>
        )}
        <Sep />
        <Meta label={t("tickets.fields.responsible")}>{ticket.responsible?.name ?? t("tickets.noResponsible")}</Meta>
      </Text>
      <Text size="sm" c="dimmed" component="div">
        {ticket.openedBy
          ? t("tickets.openedAtBy", { date: formatDateTime(ticket.openedAt), name: ticket.openedBy.name })
          : t("tickets.openedAt", { date: formatDateTime(ticket.openedAt) })}
        <Sep />
        {open ? (
          <Text span size="sm" c={ticket.overdue ? "red.9" : "dimmed"} fw={ticket.overdue ? 600 : undefined}>
            {t("tickets.dueAt", { date: formatDateTime(ticket.dueAt) })}
          </Text>
        ) : (
          t("tickets.closedAt", { date: formatDateTime(ticket.closedAt) })
        )}
        {open && ticket.internalContactAt && (
          <>
            <Sep />
            {t("tickets.internalContactLine", {
              date: formatDateTime(ticket.internalContactAt),
              name: ticket.internalContactUser?.name ?? "—",
            })}
          </>
        )}
      </Text>
    </ItemCard>
  );
}
