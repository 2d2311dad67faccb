import "../i18n/index.ts";
import { Badge, Box, Group, Stack, Text, Timeline } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Attachment } from "../../../../shared/attachments.schemas.ts";
import type { TicketNote, TicketSummary } from "../../../../shared/tickets.schemas.ts";
import { filesQuery } from "../../../app/attachments/api/attachments-api.ts";
import { AttachmentList } from "../../../app/attachments/components/attachment-list.tsx";
import { formatDateTime } from "../../../app/format.ts";
import { DetailsDrawer } from "../../../app/ui/details-drawer.tsx";
import { LoadMore } from "../../../app/ui/load-more.tsx";
import { PageLoader } from "../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../app/ui/query-error.tsx";
import { ticketNotesQuery } from "../api/tickets-api.ts";
import { TicketBadges } from "./ticket-badges.tsx";

/** "Histórico": every note of the ticket, oldest first; automatic notes look different from people's. */
export function HistoryDrawer({
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
      size="lg"
      title={t("tickets.history.title", { number: ticket?.number ?? "" })}
    >
      {(item) => <History ticket={item} />}
    </DetailsDrawer>
  );
}

function History({ ticket }: { ticket: TicketSummary }) {
  const { t } = useTranslation();
  const notes = useInfiniteQuery(ticketNotesQuery(ticket.id));
  const items = notes.data?.pages.flatMap((p) => p.items) ?? [];
  // The files come in one list for the whole ticket, each with the parecer it came with.
  const files = useQuery(filesQuery({ kind: "ticket", id: ticket.id }));
  const byNote = new Map<number | null, Attachment[]>();
  for (const file of files.data?.items ?? []) byNote.set(file.noteId, [...(byNote.get(file.noteId) ?? []), file]);
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <TicketBadges ticket={ticket} />
        <Text fw={500} style={{ overflowWrap: "anywhere" }}>
          {ticket.subject}
        </Text>
      </Stack>
      <AttachmentList files={byNote.get(null) ?? []} label={t("attachments.ticketFiles")} />
      {notes.isPending && <PageLoader />}
      {notes.isError && <QueryError error={notes.error} onRetry={() => void notes.refetch()} />}
      {notes.isSuccess && items.length === 0 && <Text c="dimmed">{t("tickets.history.empty")}</Text>}
      {items.length > 0 && (
        <Timeline
          active={items.length}
          bulletSize={14}
          lineWidth={2}
          role="list"
          aria-label={t("tickets.history.label", { number: ticket.number })}
        >
          {items.map((note) => (
            <Timeline.Item
              key={note.id}
              role="listitem"
              color={note.kind === "system" ? "gray" : "indigo"}
              lineVariant={note.kind === "system" ? "dashed" : "solid"}
              title={<NoteTitle note={note} />}
            >
              <NoteText note={note} />
              <AttachmentList
                files={byNote.get(note.id) ?? []}
                label={t("tickets.history.noteFiles", { date: formatDateTime(note.createdAt) })}
              />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      <LoadMore pages={notes} />
    </Stack>
  );
}

function NoteTitle({ note }: { note: TicketNote }) {
  const { t } = useTranslation();
  const system = note.kind === "system";
  const name = note.author?.name ?? (system ? t("tickets.history.system") : t("tickets.history.unknownAuthor"));
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" fw={system ? 400 : 600} c={system ? "dimmed" : undefined}>
        {t("tickets.history.at", { name, date: formatDateTime(note.createdAt) })}
      </Text>
      {system && (
        <Badge size="xs" variant="outline" color="gray">
          {t("tickets.history.systemNote")}
        </Badge>
      )}
    </Group>
  );
}

/**
 * The note exactly as typed: a text node (React escapes it, so "<b>" stays "<b>"), with its line
 * breaks kept by CSS. Never HTML.
 */
function NoteText({ note }: { note: TicketNote }) {
  const system = note.kind === "system";
  return (
    <Box mt={4} p={system ? 0 : "xs"} bg={system ? undefined : "gray.0"} style={{ borderRadius: 6 }}>
      <Text
        size="sm"
        c={system ? "dimmed" : undefined}
        fs={system ? "italic" : undefined}
        style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
      >
        {note.text}
      </Text>
    </Box>
  );
}
