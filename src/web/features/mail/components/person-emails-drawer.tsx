import "../i18n/index.ts";
import { Card, Group, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { MailItem } from "../../../../shared/mail.schemas.ts";
import type { Person } from "../../../../shared/persons.schemas.ts";
import { formatDateTime } from "../../../app/format.ts";
import { DetailsDrawer } from "../../../app/ui/details-drawer.tsx";
import { LoadMore } from "../../../app/ui/load-more.tsx";
import { PageLoader } from "../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../app/ui/query-error.tsx";
import { personEmailsQuery } from "../api/mail-api.ts";
import { MailStatusBadge } from "./mail-status-badge.tsx";

/** "E-mails": what was sent to the person, newest first, with the delivery status. */
export function PersonEmailsDrawer({
  person,
  opened,
  onClose,
}: {
  person: Person;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <DetailsDrawer
      item={person}
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t("mail.historyTitle", { name: person.name })}
    >
      {(shown) => <EmailList code={shown.code} />}
    </DetailsDrawer>
  );
}

function EmailList({ code }: { code: number }) {
  const { t } = useTranslation();
  const emails = useInfiniteQuery(personEmailsQuery(code));
  const items = emails.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      {emails.isPending && <PageLoader />}
      {emails.isError && <QueryError error={emails.error} onRetry={() => void emails.refetch()} />}
      {emails.isSuccess && items.length === 0 && <Text c="dimmed">{t("mail.empty")}</Text>}
      {items.length > 0 && (
        <Stack gap="sm" role="list" aria-label={t("mail.listLabel")}>
          {items.map((m) => (
            <EmailCard key={m.id} mail={m} />
          ))}
        </Stack>
      )}
      <LoadMore pages={emails} />
    </Stack>
  );
}

function EmailCard({ mail }: { mail: MailItem }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" role="listitem" aria-label={mail.subject}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600} style={{ overflowWrap: "anywhere" }}>
            {mail.subject}
          </Text>
          <MailStatusBadge status={mail.status} />
        </Group>
        <Text size="sm">{t("mail.toLine", { list: mail.to.join(", ") })}</Text>
        {mail.cc.length > 0 && <Text size="sm">{t("mail.ccLine", { list: mail.cc.join(", ") })}</Text>}
        <Text size="xs" c="dimmed">
          {t("mail.sentBy", { date: formatDateTime(mail.createdAt), name: mail.createdBy?.name ?? "—" })}
          {mail.sentAt && ` · ${t("mail.sentAt", { date: formatDateTime(mail.sentAt) })}`}
        </Text>
        <Text size="sm" lineClamp={4} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {mail.body}
        </Text>
      </Stack>
    </Card>
  );
}
