import "../../i18n/index.ts";
import { Alert, Button, CopyButton, Group, List, Stack, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FEED_DAYS_AFTER, FEED_DAYS_BEFORE } from "../../../../../shared/appointments.schemas.ts";
import { useErrorMessage } from "../../../../app/error-message.ts";
import { formatDateTime } from "../../../../app/format.ts";
import { notifySuccess } from "../../../../app/notify.ts";
import { ModalShell } from "../../../../app/ui/modal-shell.tsx";
import { QueryError } from "../../../../app/ui/query-error.tsx";
import { calendarFeedQuery, useCreateCalendarFeed, useRevokeCalendarFeed } from "../../api/calendar-feed-api.ts";

/**
 * "Assinar no Google Agenda / Outlook": my private iCalendar address. Only its hash is kept on
 * the server, so the address is shown once, right after it is made; making it again or revoking
 * it stops the previous one.
 */
export function CalendarFeedModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ModalShell opened={opened} onClose={onClose} size="lg" title={t("appointments.feed.title")}>
      <FeedPanel />
    </ModalShell>
  );
}

function FeedPanel() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const status = useQuery({ ...calendarFeedQuery, staleTime: 0 });
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const active = status.data?.active ?? false;

  const onCreate = () => {
    setAlert(null);
    create.mutate(undefined, {
      onSuccess: (created) => setUrl(created.url),
      onError: (error) => setAlert(`${t("appointments.feed.failed")}: ${errorMessage(error)}`),
    });
  };
  const onRevoke = () => {
    setAlert(null);
    revoke.mutate(undefined, {
      onSuccess: () => {
        setUrl(null);
        notifySuccess(t("appointments.feed.revoked"));
      },
      onError: (error) => setAlert(errorMessage(error)),
    });
  };

  return (
    <Stack>
      <Text size="sm">{t("appointments.feed.intro", { before: FEED_DAYS_BEFORE, after: FEED_DAYS_AFTER })}</Text>
      {alert && (
        <Alert color="red" role="alert">
          {alert}
        </Alert>
      )}
      {status.isError && <QueryError error={status.error} onRetry={() => void status.refetch()} />}
      {status.data && (
        <Text size="sm" c="dimmed" role="status">
          {active
            ? `${t("appointments.feed.active", { date: formatDateTime(status.data.createdAt) })} ${
                status.data.lastUsedAt
                  ? t("appointments.feed.lastUsed", { date: formatDateTime(status.data.lastUsedAt) })
                  : t("appointments.feed.neverUsed")
              }`
            : t("appointments.feed.inactive")}
        </Text>
      )}
      {url && (
        <Stack gap="xs">
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t("appointments.feed.url")}
              value={url}
              readOnly
              style={{ flex: 1 }}
              onFocus={(event) => event.currentTarget.select()}
            />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button variant={copied ? "light" : "filled"} color={copied ? "green" : undefined} onClick={copy}>
                  {copied ? t("appointments.feed.copied") : t("appointments.feed.copy")}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Alert color="yellow">
            {t("appointments.feed.once")} {t("appointments.feed.secret")}
          </Alert>
          <List size="sm" spacing={4}>
            <List.Item>{t("appointments.feed.google")}</List.Item>
            <List.Item>{t("appointments.feed.outlook")}</List.Item>
          </List>
        </Stack>
      )}
      <Group justify="space-between">
        <div>
          {active && (
            <Button variant="subtle" color="red" onClick={onRevoke} loading={revoke.isPending}>
              {t("appointments.feed.revoke")}
            </Button>
          )}
        </div>
        <Stack gap={2} align="flex-end">
          <Button onClick={onCreate} loading={create.isPending} disabled={status.isPending}>
            {active ? t("appointments.feed.recreate") : t("appointments.feed.create")}
          </Button>
          {active && !url && (
            <Text size="xs" c="dimmed">
              {t("appointments.feed.recreateHint")}
            </Text>
          )}
        </Stack>
      </Group>
    </Stack>
  );
}
