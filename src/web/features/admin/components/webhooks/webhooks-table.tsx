import "../../i18n/index.ts";
import { ActionIcon, Badge, Button, Code, Group, Menu, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Webhook } from "../../../../../shared/webhooks.schemas.ts";
import { formatDateTime } from "../../../../app/format.ts";
import { ChevronDown } from "../../../../app/layout/icons.tsx";
import { ActiveBadge } from "../../../../app/ui/settings/active-badge.tsx";

export type WebhookAction = "edit" | "deliveries" | "rotate" | "remove";

type Props = { webhooks: Webhook[]; onAction: (action: WebhookAction, webhook: Webhook) => void };

/** How the receiver is doing: what waits, what was given up on, and when the worker tries again. */
function Health({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Group gap={4}>
        {webhook.pending > 0 && (
          <Badge variant="light" color="yellow">
            {t("webhooks.pending", { count: webhook.pending })}
          </Badge>
        )}
        {webhook.failed > 0 && (
          <Badge variant="light" color="red">
            {t("webhooks.failed", { count: webhook.failed })}
          </Badge>
        )}
        {webhook.pending === 0 && webhook.failed === 0 && (
          <Badge variant="light" color="green">
            {t("webhooks.upToDate")}
          </Badge>
        )}
      </Group>
      {webhook.failures > 0 && webhook.retryAt && (
        <Text size="xs" c="red.8">
          {t("webhooks.retryAt", { count: webhook.failures, time: formatDateTime(webhook.retryAt) })}
          {webhook.lastError ? ` — ${webhook.lastError}` : ""}
        </Text>
      )}
      {webhook.lastDeliveredAt && (
        <Text size="xs" c="dimmed">
          {t("webhooks.lastDelivered", { date: formatDateTime(webhook.lastDeliveredAt) })}
        </Text>
      )}
    </Stack>
  );
}

export function WebhooksTable({ webhooks, onAction }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover aria-label={t("webhooks.title")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("webhooks.url")}</Table.Th>
            <Table.Th>{t("webhooks.eventTypes")}</Table.Th>
            <Table.Th>{t("webhooks.user")}</Table.Th>
            <Table.Th>{t("webhooks.health")}</Table.Th>
            <Table.Th>{t("common.status")}</Table.Th>
            <Table.Th>{t("common.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {webhooks.map((webhook) => (
            <Table.Tr key={webhook.id}>
              <Table.Td style={{ overflowWrap: "anywhere", maxWidth: 320 }}>
                <Code>{webhook.url}</Code>
                {webhook.description && (
                  <Text size="sm" mt={4}>
                    {webhook.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{webhook.eventTypes.join(", ")}</Text>
              </Table.Td>
              <Table.Td>{webhook.username}</Table.Td>
              <Table.Td>
                <Health webhook={webhook} />
              </Table.Td>
              <Table.Td>
                <ActiveBadge
                  active={webhook.active}
                  label={webhook.active ? t("common.activeM") : t("common.inactiveM")}
                />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="xs" variant="light" onClick={() => onAction("deliveries", webhook)}>
                    {t("webhooks.deliveries")}
                  </Button>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t("webhooks.actionsFor", { url: webhook.url })}
                      >
                        <ChevronDown />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => onAction("edit", webhook)}>{t("common.edit")}</Menu.Item>
                      <Menu.Item onClick={() => onAction("rotate", webhook)}>{t("webhooks.rotate")}</Menu.Item>
                      <Menu.Item color="red" onClick={() => onAction("remove", webhook)}>
                        {t("webhooks.remove")}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
