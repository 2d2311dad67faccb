import "../i18n/index.ts";
import { Button, Group, SegmentedControl, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TicketArea, TicketStatus, TicketSummary } from "../../../../shared/tickets.schemas.ts";
import { LoadMore } from "../../../app/ui/load-more.tsx";
import { PageLoader } from "../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../app/ui/query-error.tsx";
import { personTicketsQuery } from "../api/tickets-api.ts";
import { type TicketAction, TicketCard } from "./ticket-card.tsx";
import { TicketDialogs } from "./ticket-dialogs.tsx";

export type TicketsTabProps = { area: TicketArea; code: number; categoryId: number; canWrite: boolean };

/** The dialog about one ticket; the ticket outlives the closing, so the dialog keeps its text while it fades. */
export type OpenDialog = { action: TicketAction | "new"; ticket: TicketSummary | null; opened: boolean };

/**
 * Atendimentos (area "service") and Produção (area "production"): one machine, two tabs. Open or
 * closed, filtered on the server by subject words or number, newest first, "Carregar mais".
 */
export function TicketsTab({ area, code, categoryId, canWrite }: TicketsTabProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [status, setStatus] = useState<TicketStatus>("open");
  const [filter, setFilter] = useState("");
  const [q] = useDebouncedValue(filter.trim(), 300);
  // The previous answer stays on screen while a new filter loads: no flicker, and a menu open on a
  // ticket that is still listed stays open.
  const list = useInfiniteQuery({
    ...personTicketsQuery(code, categoryId, { area, status, q }),
    placeholderData: keepPreviousData,
  });
  const [dialog, setDialog] = useState<OpenDialog>({ action: "new", ticket: null, opened: false });

  const open = (action: OpenDialog["action"], ticket: TicketSummary | null = null) =>
    setDialog({ action, ticket, opened: true });
  const close = () => setDialog((d) => ({ ...d, opened: false }));

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  // The list no longer answers what is typed: dimmed and aria-busy from the keystroke, not only once
  // the debounced request has left.
  const stale = list.isPlaceholderData || q !== filter.trim();
  return (
    <section aria-labelledby={titleId}>
      <Group justify="space-between" mb="sm">
        <Title id={titleId} order={2} size="h4">
          {t(`tickets.title.${area}`)}
        </Title>
        {canWrite && <Button onClick={() => open("new")}>{t("tickets.create.title")}</Button>}
      </Group>
      <Group gap="md" mb="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label={t("tickets.statusFilter")}
          value={status}
          onChange={(value) => setStatus(value as TicketStatus)}
          data={[
            { value: "open", label: t("tickets.statuses.open") },
            { value: "closed", label: t("tickets.statuses.closed") },
          ]}
        />
        <TextInput
          label={t("tickets.filter")}
          placeholder={t("tickets.filterPlaceholder")}
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value)}
          w={360}
          maw="100%"
          autoComplete="off"
          spellCheck={false}
          type="search"
        />
      </Group>
      {list.isPending && <PageLoader />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && (
        <Text c="dimmed" py="md">
          {q ? t("tickets.noMatch", { q }) : t(`tickets.empty.${status}`)}
        </Text>
      )}
      {items.length > 0 && (
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: "none", opacity: stale ? 0.6 : 1 }}
          aria-busy={stale}
          aria-label={t(`tickets.listLabel.${area}`)}
        >
          {items.map((ticket) => (
            <TicketCard
              key={ticket.id}
              ticket={ticket}
              canWrite={canWrite}
              onAction={(action) => open(action, ticket)}
            />
          ))}
        </Stack>
      )}
      <LoadMore pages={list} />
      <TicketDialogs
        area={area}
        code={code}
        categoryId={categoryId}
        dialog={dialog}
        onClose={close}
        onCreated={() => {
          setStatus("open");
          setFilter("");
        }}
      />
    </section>
  );
}
