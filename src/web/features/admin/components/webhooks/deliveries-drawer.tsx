import "../../i18n/index.ts";
import { Alert, Badge, Button, Code, Group, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  WEBHOOK_DELIVERY_STATUSES,
  type Webhook,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
} from "../../../../../shared/webhooks.schemas.ts";
import { useErrorMessage } from "../../../../app/error-message.ts";
import { formatDateTime } from "../../../../app/format.ts";
import { notifySuccess } from "../../../../app/notify.ts";
import { formatPersonCode } from "../../../../app/paths.ts";
import { DetailsDrawer } from "../../../../app/ui/details-drawer.tsx";
import { LoadMore } from "../../../../app/ui/load-more.tsx";
import { PageLoader } from "../../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../../app/ui/query-error.tsx";
import { deliveriesQuery, useRetryDelivery } from "../../api/webhooks-api.ts";

const STATUS_COLOR: Record<WebhookDeliveryStatus, string> = {
  pending: "yellow",
  delivered: "green",
  failed: "red",
  skipped: "gray",
};

type Props = { webhook: Webhook | null; opened: boolean; onClose: () => void };

/** "Entregas": what went to the receiver, what waits and why, with "Reenviar" for what failed. */
export function DeliveriesDrawer({ webhook, opened, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <DetailsDrawer
      item={webhook}
      opened={opened}
      onClose={onClose}
      size="xl"
      title={webhook ? t("webhooks.deliveriesTitle", { url: webhook.url }) : ""}
    >
      {(item) => <Deliveries webhook={item} />}
    </DetailsDrawer>
  );
}

function Deliveries({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<WebhookDeliveryStatus | "all">("all");
  const deliveries = useInfiniteQuery(deliveriesQuery(webhook.id, status === "all" ? null : status));
  const retry = useRetryDelivery();
  const errorMessage = useErrorMessage();
  const items = deliveries.data?.pages.flatMap((p) => p.items) ?? [];

  const resend = (delivery: WebhookDelivery) =>
    retry.mutate(
      { webhookId: webhook.id, deliveryId: delivery.id },
      { onSuccess: () => notifySuccess(t("webhooks.retried", { id: delivery.id })) },
    );

  return (
    <Stack>
      <SegmentedControl
        aria-label={t("webhooks.statusFilter")}
        value={status}
        onChange={(value) => setStatus(value as WebhookDeliveryStatus | "all")}
        data={[
          { value: "all", label: t("webhooks.status.all") },
          ...WEBHOOK_DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`webhooks.status.${s}`) })),
        ]}
        fullWidth
      />
      {retry.isError && <Alert color="red">{errorMessage(retry.error)}</Alert>}
      {deliveries.isPending && <PageLoader />}
      {deliveries.isError && <QueryError error={deliveries.error} onRetry={() => void deliveries.refetch()} />}
      {deliveries.data && items.length === 0 && <Text c="dimmed">{t("webhooks.noDeliveries")}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table
            striped
            aria-label={t("webhooks.deliveries")}
            aria-busy={deliveries.isFetching && !deliveries.isFetchingNextPage}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("webhooks.event")}</Table.Th>
                <Table.Th>{t("webhooks.person")}</Table.Th>
                <Table.Th>{t("common.status")}</Table.Th>
                <Table.Th>{t("webhooks.attempts")}</Table.Th>
                <Table.Th>{t("webhooks.lastAttempt")}</Table.Th>
                <Table.Th>{t("webhooks.answer")}</Table.Th>
                <Table.Th>{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((delivery) => (
                <Table.Tr key={delivery.id}>
                  <Table.Td>
                    <Code>{delivery.eventType}</Code>
                    <Text size="xs" c="dimmed">
                      evt_{delivery.eventId}
                    </Text>
                  </Table.Td>
                  <Table.Td>{delivery.personCode === null ? "—" : formatPersonCode(delivery.personCode)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLOR[delivery.status]}>
                      {t(`webhooks.status.${delivery.status}`)}
                    </Badge>
                    {delivery.status === "skipped" && (
                      <Text size="xs" c="dimmed">
                        {t("webhooks.skippedHint")}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{delivery.attempts}</Table.Td>
                  <Table.Td>
                    {delivery.lastAttemptAt ? formatDateTime(delivery.lastAttemptAt) : t("common.never")}
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: "anywhere", maxWidth: 220 }}>
                    {delivery.lastStatus ?? ""} {delivery.lastError ?? ""}
                  </Table.Td>
                  <Table.Td>
                    {(delivery.status === "failed" || delivery.status === "pending") && (
                      <Group gap={4}>
                        <Button
                          size="xs"
                          variant="light"
                          aria-label={t("webhooks.retryDelivery", { id: delivery.id })}
                          loading={retry.isPending && retry.variables?.deliveryId === delivery.id}
                          onClick={() => resend(delivery)}
                        >
                          {t("webhooks.retry")}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore pages={deliveries} />
    </Stack>
  );
}
