import "../i18n/index.ts";
import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../../../app/format.ts";
import { MY_TICKETS_PATH, ticketPersonPath } from "../../../app/paths.ts";
import { QueryError } from "../../../app/ui/query-error.tsx";
import { myTicketsQuery } from "../api/tickets-api.ts";

const SHOWN = 5;

/** The home page's "Meus atendimentos": the most urgent few, and the way to the whole list. */
export function MyTicketsHome() {
  const { t } = useTranslation();
  const titleId = useId();
  const list = useInfiniteQuery(myTicketsQuery());
  const first = list.data?.pages[0];
  const items = first?.items ?? [];
  const rest = items.length - SHOWN;
  return (
    <Card withBorder padding="lg" maw={640} component="section" aria-labelledby={titleId}>
      <Group justify="space-between" mb="xs">
        <Title id={titleId} order={2} size="h4">
          {t("tickets.my.title")}
        </Title>
        <Anchor component={Link} to={MY_TICKETS_PATH} size="sm">
          {t("tickets.my.seeAll")}
        </Anchor>
      </Group>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("tickets.my.homeEmpty")}
        </Text>
      )}
      {items.length > 0 && (
        <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }}>
          {items.slice(0, SHOWN).map((ticket) => (
            <li key={ticket.id}>
              {/* The subject wraps rather than ending in "…": the whole of it is what tells the tickets apart. */}
              <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
                <Text size="sm" style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                  <Anchor component={Link} to={ticketPersonPath(ticket)} fw={600}>
                    {t("tickets.number", { number: ticket.number })}
                  </Anchor>{" "}
                  {ticket.subject}
                  <Text span c="dimmed">
                    {" "}
                    — {ticket.person.name}
                  </Text>
                </Text>
                <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                  <Text size="xs" c={ticket.overdue ? "red.9" : "dimmed"}>
                    {formatDateTime(ticket.dueAt)}
                  </Text>
                  {ticket.overdue && (
                    <Badge color="red" size="xs" variant="filled">
                      {t("tickets.overdue")}
                    </Badge>
                  )}
                </Group>
              </Group>
            </li>
          ))}
          {rest > 0 && (
            <li>
              <Anchor component={Link} to={MY_TICKETS_PATH} size="sm">
                {first?.nextCursor ? t("tickets.my.moreMany") : t("tickets.my.more", { count: rest })}
              </Anchor>
            </li>
          )}
        </Stack>
      )}
    </Card>
  );
}
