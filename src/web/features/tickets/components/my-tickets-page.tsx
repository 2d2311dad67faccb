import "../i18n/index.ts";
import { Anchor, Badge, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TicketSummary } from "../../../../shared/tickets.schemas.ts";
import { formatDateTime } from "../../../app/format.ts";
import { formatPersonCode, ticketPersonPath } from "../../../app/paths.ts";
import { LoadMore } from "../../../app/ui/load-more.tsx";
import { PageHeader } from "../../../app/ui/page-header.tsx";
import { PageLoader } from "../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../app/ui/query-error.tsx";
import { myTicketsQuery } from "../api/tickets-api.ts";
import { PriorityBadge } from "./ticket-badges.tsx";

/** /meus-atendimentos: open tickets I am responsible for, and those whose internal contact with me is due. */
export function MyTicketsPage() {
  const { t } = useTranslation();
  const list = useInfiniteQuery(myTicketsQuery());
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      <PageHeader title={t("tickets.my.title")} />
      <Text c="dimmed" mt={-8}>
        {t("tickets.my.intro")}
      </Text>
      {list.isPending && <PageLoader />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && <Text py="md">{t("tickets.my.empty")}</Text>}
      {items.length > 0 && <MyTicketsTable items={items} />}
      <LoadMore pages={list} />
    </Stack>
  );
}

function MyTicketsTable({ items }: { items: TicketSummary[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={t("tickets.my.label")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("tickets.my.person")}</Table.Th>
            <Table.Th>{t("tickets.my.ticket")}</Table.Th>
            <Table.Th>{t("tickets.fields.subject")}</Table.Th>
            <Table.Th>{t("tickets.fields.priority")}</Table.Th>
            <Table.Th>{t("tickets.my.due")}</Table.Th>
            <Table.Th>{t("tickets.my.internalContact")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((ticket) => (
            <Table.Tr key={ticket.id}>
              <Table.Td>
                {/* Named by what it shows, then the tab it opens (WCAG 2.5.3: the visible text in the name). */}
                <Anchor component={Link} to={ticketPersonPath(ticket)}>
                  <Text span ff="monospace" size="sm" mr={6}>
                    {formatPersonCode(ticket.person.code)}
                  </Text>
                  {ticket.person.name}
                  <VisuallyHidden>{t("tickets.my.openOf", { tab: t(`tickets.title.${ticket.area}`) })}</VisuallyHidden>
                </Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Text size="sm" fw={600}>
                  {t("tickets.number", { number: ticket.number })}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`tickets.title.${ticket.area}`)}
                </Text>
              </Table.Td>
              <Table.Td style={{ overflowWrap: "anywhere" }}>{ticket.subject}</Table.Td>
              <Table.Td>
                <PriorityBadge priority={ticket.priority} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Text size="sm" c={ticket.overdue ? "red.9" : undefined}>
                  {formatDateTime(ticket.dueAt)}
                </Text>
                {ticket.overdue && (
                  <Badge color="red" variant="filled" size="sm">
                    {t("tickets.overdue")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {ticket.internalContactAt ? (
                  <>
                    <Text size="sm">{formatDateTime(ticket.internalContactAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {ticket.internalContactUser?.name ?? ""}
                    </Text>
                  </>
                ) : (
                  "—"
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
