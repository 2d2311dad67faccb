import "../i18n/index.ts";
import { Badge, Button, Group, Popover, Stack, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "../../../app/error-message.ts";
import { formatDateTime } from "../../../app/format.ts";
import { notifyError, notifySuccess } from "../../../app/notify.ts";
import { personCriticalQuery, personWatchersQuery, useToggleWatch } from "../api/watchers-api.ts";
import { CriticalDrawer } from "./critical-drawer.tsx";

function EyeIcon({ size = 16 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      aria-hidden="true"
    >
      <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" />
      <circle cx="12" cy="12" r="3" />
    </svg>
  );
}

/** The critical-factors badge: red for critical, yellow for attention; opens the panel. */
function CriticalBadge({ code, name }: { code: number; name: string }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const query = useQuery(personCriticalQuery(code));
  if (!query.data) return null;
  const { critical, attention } = query.data.counts;
  return (
    <>
      <UnstyledButton
        onClick={open}
        aria-label={t("critical.badgeLabel", {
          critical: t("critical.criticalCount", { count: critical }),
          attention: t("critical.attentionCount", { count: attention }),
        })}
        style={{ borderRadius: 8, display: "flex", gap: 6 }}
      >
        {critical + attention === 0 ? (
          <Badge color="gray" variant="light">
            {t("critical.none")}
          </Badge>
        ) : (
          <>
            {critical > 0 && (
              <Badge color="red" variant="filled">
                {t("critical.criticalCount", { count: critical })}
              </Badge>
            )}
            {/* A space between the two, so the visible text reads as the name does (WCAG 2.5.3). */}
            {critical > 0 && attention > 0 && " "}
            {attention > 0 && (
              <Badge color="yellow" variant="filled" autoContrast>
                {t("critical.attentionCount", { count: attention })}
              </Badge>
            )}
          </>
        )}
      </UnstyledButton>
      {opened && <CriticalDrawer opened={opened} onClose={close} name={name} data={query.data} />}
    </>
  );
}

/** Spy System: how many watch, who, and Monitorar / Deixar de monitorar. */
function WatchControl({ code }: { code: number }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const query = useQuery(personWatchersQuery(code));
  const toggle = useToggleWatch(code);
  const data = query.data;
  if (!data) return null;
  const onToggle = () =>
    toggle.mutate(!data.watching, {
      onSuccess: (list) => notifySuccess(t(list.watching ? "watch.watching" : "watch.stopped")),
      onError: (error) => notifyError(t(data.watching ? "watch.unwatch" : "watch.watch"), errorMessage(error)),
    });
  return (
    <Popover position="bottom-end" withArrow shadow="md" width={300}>
      <Popover.Target>
        <Button
          variant={data.watching ? "light" : "default"}
          leftSection={<EyeIcon />}
          aria-label={t("watch.eyeLabel", { count: data.count })}
        >
          {data.count}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text fw={600}>{t("watch.title")}</Text>
          <Text size="xs" c="dimmed">
            {t("watch.intro")}
          </Text>
          {data.items.length === 0 ? (
            <Text size="sm">{t("watch.nobody")}</Text>
          ) : (
            <Stack
              component="ul"
              gap={4}
              aria-label={t("watch.title")}
              style={{ listStyle: "none", margin: 0, padding: 0 }}
            >
              {data.items.map((w) => (
                <li key={w.user.id}>
                  <Text size="sm" span fw={w.me ? 600 : 400}>
                    {w.user.name}
                    {w.me ? ` (${t("watch.you")})` : ""}
                  </Text>{" "}
                  <Text size="xs" c="dimmed" span>
                    {t("watch.since", { date: formatDateTime(w.since).slice(0, 10) })}
                  </Text>
                </li>
              ))}
            </Stack>
          )}
          <Button
            variant={data.watching ? "default" : "filled"}
            onClick={onToggle}
            loading={toggle.isPending}
            leftSection={<EyeIcon />}
          >
            {t(data.watching ? "watch.unwatch" : "watch.watch")}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** The person header's critical-factors badge and Spy System eye (person-header.tsx, slot person-actions). */
export function PersonWatchControls({ code, name }: { code: number; name: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <CriticalBadge code={code} name={name} />
      <WatchControl code={code} />
    </Group>
  );
}
