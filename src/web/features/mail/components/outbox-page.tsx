import "../i18n/index.ts";
import { Anchor, Button, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { MAIL_STATUSES, type MailItem, type MailStatus } from "../../../../shared/mail.schemas.ts";
import { useErrorMessage } from "../../../app/error-message.ts";
import { formatDateTime } from "../../../app/format.ts";
import { notifyError, notifySuccess } from "../../../app/notify.ts";
import { formatPersonCode } from "../../../app/paths.ts";
import { LoadMore } from "../../../app/ui/load-more.tsx";
import { PageHeader } from "../../../app/ui/page-header.tsx";
import { PageLoader } from "../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../app/ui/query-error.tsx";
import { outboxQuery, useRetryMail } from "../api/mail-api.ts";
import { MailStatusBadge } from "./mail-status-badge.tsx";

const isStatus = (v: string | null): v is MailStatus => MAIL_STATUSES.some((s) => s === v);

/** Administrators: every message of the outbox, by status, with "Tentar novamente" on the failed ones. */
export function OutboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get("situacao");
  const status = isStatus(raw) ? raw : null;
  const outbox = useInfiniteQuery(outboxQuery(status));
  const items = outbox.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader title={t("mail.outbox.title")} />
      <Stack>
        <SegmentedControl
          aria-label={t("mail.outbox.filter")}
          value={status ?? "all"}
          onChange={(v) => setParams(v === "all" ? {} : { situacao: v }, { replace: true })}
          data={[
            { value: "all", label: t("mail.outbox.all") },
            ...MAIL_STATUSES.map((s) => ({ value: s, label: t(`mail.outbox.statuses.${s}`) })),
          ]}
          style={{ alignSelf: "flex-start" }}
        />
        {outbox.isPending && <PageLoader />}
        {outbox.isError && <QueryError error={outbox.error} onRetry={() => void outbox.refetch()} />}
        {outbox.isSuccess && items.length === 0 && <Text c="dimmed">{t("mail.outbox.empty")}</Text>}
        {items.length > 0 && <OutboxTable items={items} />}
        <LoadMore pages={outbox} />
      </Stack>
    </>
  );
}

function OutboxTable({ items }: { items: MailItem[] }) {
  const { t } = useTranslation();
  const retry = useRetryMail();
  const errorMessage = useErrorMessage();
  const onRetry = (mail: MailItem) =>
    retry.mutate(mail.id, {
      onSuccess: () => notifySuccess(t("mail.outbox.retried")),
      onError: (error) => notifyError(t("mail.outbox.retry"), errorMessage(error)),
    });
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover aria-label={t("mail.outbox.title")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("mail.outbox.createdAt")}</Table.Th>
            <Table.Th>{t("mail.outbox.subject")}</Table.Th>
            <Table.Th>{t("mail.outbox.recipients")}</Table.Th>
            <Table.Th>{t("mail.outbox.person")}</Table.Th>
            <Table.Th>{t("mail.outbox.statusColumn")}</Table.Th>
            <Table.Th>{t("mail.outbox.attempts")}</Table.Th>
            <Table.Th>{t("mail.outbox.lastError")}</Table.Th>
            <Table.Th>{t("common.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(m.createdAt)}</Table.Td>
              <Table.Td style={{ overflowWrap: "anywhere" }}>
                <Text size="sm">{m.subject}</Text>
                <Text size="xs" c="dimmed">
                  {t(`mail.outbox.kinds.${m.kind}`)}
                  {m.createdBy && ` · ${m.createdBy.name}`}
                </Text>
              </Table.Td>
              <Table.Td style={{ overflowWrap: "anywhere" }}>{[...m.to, ...m.cc].join(", ")}</Table.Td>
              <Table.Td>
                {m.person && (
                  <Anchor component={Link} to={`/pessoas/${m.person.code}`} size="sm">
                    {formatPersonCode(m.person.code)} · {m.person.name}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <MailStatusBadge status={m.status} />
                  {m.sentAt && <Text size="xs">{formatDateTime(m.sentAt)}</Text>}
                  {m.status === "queued" && m.nextAttemptAt && m.attempts > 0 && (
                    <Text size="xs" c="dimmed">
                      {t("mail.nextAttempt", { date: formatDateTime(m.nextAttemptAt) })}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>{m.attempts}</Table.Td>
              <Table.Td style={{ overflowWrap: "anywhere", maxWidth: 280 }}>
                <Text size="xs" c={m.status === "failed" ? "red" : "dimmed"}>
                  {m.lastError}
                </Text>
              </Table.Td>
              <Table.Td>
                {m.status === "failed" && (
                  <Button
                    size="xs"
                    variant="light"
                    aria-label={t("mail.outbox.retryItem", { subject: m.subject })}
                    loading={retry.isPending && retry.variables === m.id}
                    onClick={() => onRetry(m)}
                  >
                    {t("mail.outbox.retry")}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
