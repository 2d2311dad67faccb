import { Anchor, Drawer, Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Ticket, TicketSummary } from "../../../../shared/tickets.schemas.ts";
import { formatDateTime } from "../../../app/format.ts";
import { QueryError } from "../../../app/ui/query-error.tsx";
import { formatPersonCode, personPath } from "../../persons/person-code.ts";
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
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="md"
      title={t("tickets.details.title", { number: ticket?.number ?? "" })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {opened && ticket && <Details summary={ticket} />}
    </Drawer>
  );
}

function Details({ summary }: { summary: TicketSummary }) {
  const { t } = useTranslation();
  const details = useQuery({ ...ticketQuery(summary.id), staleTime: 0 });
  // The list's data at once; the fields only the details have arrive with the request.
  const ticket: TicketSummary & Partial<Ticket> = details.data ?? summary;
  const who = (ref: { name: string } | null | undefined) => ref?.name ?? "";
  const rows: [string, ReactNode][] = [
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
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={180}>{label}</Table.Th>
              <Table.Td style={{ overflowWrap: "anywhere" }}>{value === "" ? "—" : value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
