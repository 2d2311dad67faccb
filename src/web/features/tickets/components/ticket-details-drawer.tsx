import "../i18n/index.ts";
import { Anchor } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Ticket, TicketSummary } from "../../../../shared/tickets.schemas.ts";
import { formatDateTime } from "../../../app/format.ts";
import { formatPersonCode, personPath } from "../../../app/paths.ts";
import { DetailsDrawer } from "../../../app/ui/details-drawer.tsx";
import { type DetailRow, DetailsTable } from "../../../app/ui/details-table.tsx";
import { QueryError } from "../../../app/ui/query-error.tsx";
import { ticketQuery } from "../api/tickets-api.ts";
import { PriorityBadge } from "./ticket-badges.tsx";

/** "Detalhes": the ticket's main data, read fresh from the server (who closed it, what it duplicates). */
export function TicketDetailsDrawer({
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
    <DetailsDrawer
      item={ticket}
      opened={opened}
      onClose={onClose}
      title={t("tickets.details.title", { number: ticket?.number ?? "" })}
    >
      {(summary) => <Details summary={summary} />}
    </DetailsDrawer>
  );
}

function Details({ summary }: { summary: TicketSummary }) {
  const { t } = useTranslation();
  const details = useQuery({ ...ticketQuery(summary.id), staleTime: 0 });
  // The list's data at once; the fields only the details have arrive with the request.
  const ticket: TicketSummary & Partial<Ticket> = details.data ?? summary;
  const who = (ref: { name: string } | null | undefined) => ref?.name ?? "";
  const rows: DetailRow[] = [
    [t("tickets.fields.number"), ticket.number],
    [
      t("tickets.fields.person"),
      <Anchor key="person" component={Link} to={personPath(ticket.person.code)}>
        {formatPersonCode(ticket.person.code)} — {ticket.person.name}
      </Anchor>,
    ],
    [t("tickets.fields.area"), t(`tickets.title.${ticket.area}`)],
    [t("tickets.fields.status"), t(`tickets.status.${ticket.status}`)],
    [t("tickets.fields.subject"), ticket.subject],
    [t("tickets.fields.type"), ticket.type.name],
    [t("tickets.fields.product"), ticket.product?.name ?? ""],
    [t("tickets.fields.sector"), ticket.sector.name],
    [t("tickets.fields.responsible"), who(ticket.responsible)],
    [t("tickets.fields.priority"), <PriorityBadge key="priority" priority={ticket.priority} />],
    [t("tickets.fields.channel"), ticket.channel ? t(`tickets.channels.${ticket.channel}`) : ""],
    [t("tickets.fields.contactName"), ticket.contactName ?? ""],
    [t("tickets.fields.openedAt"), formatDateTime(ticket.openedAt)],
    [t("tickets.fields.openedBy"), who(ticket.openedBy)],
    [t("tickets.fields.dueAt"), `${formatDateTime(ticket.dueAt)}${ticket.overdue ? ` (${t("tickets.overdue")})` : ""}`],
    [t("tickets.fields.internalContactAt"), formatDateTime(ticket.internalContactAt)],
    [t("tickets.fields.internalContactUser"), who(ticket.internalContactUser)],
    [t("tickets.fields.closedAt"), formatDateTime(ticket.closedAt)],
    [t("tickets.fields.closedBy"), who(ticket.closedBy)],
    [
      t("tickets.fields.duplicatedFrom"),
      ticket.duplicatedFrom ? t("tickets.number", { number: ticket.duplicatedFrom.number }) : "",
    ],
    [t("tickets.fields.noteCount"), ticket.noteCount],
    [t("tickets.fields.lastNoteAt"), formatDateTime(ticket.lastNoteAt)],
  ];
  return (
    <>
      {details.isError && <QueryError error={details.error} onRetry={() => void details.refetch()} />}
      <DetailsTable rows={rows} />
    </>
  );
}
