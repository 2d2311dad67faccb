import { Button, Card, Group, Menu, Stack, Text, Tooltip } from "@mantine/core";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import type { Appointment } from "../../../../shared/appointments.schemas.ts";
import { ChevronDown } from "../../../app/layout/icons.tsx";
import { formatWhen } from "../appointment-time.ts";
import { AppointmentBadges } from "./appointment-badges.tsx";
import type { AppointmentAction } from "./appointment-dialogs.tsx";
import { editBlockedReason } from "./edit-blocked.ts";

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text span size="sm">
      <Text span c="dimmed">
        {label}:
      </Text>{" "}
      {children}
    </Text>
  );
}

const Sep = () => (
  <Text span c="dimmed" aria-hidden="true" mx={6}>
    ·
  </Text>
);

/** Where: the address as it read when chosen, "Remoto", or not said. */
export function placeOf(t: (key: "appointments.remote" | "appointments.noPlace") => string, a: Appointment) {
  if (a.remote) return t("appointments.remote");
  return a.address?.text ?? t("appointments.noPlace");
}

/** One appointment of the tab: when, badges, subject, responsible/place/product/ticket, actions. */
export function AppointmentCard({
  appointment: a,
  onAction,
}: {
  appointment: Appointment;
  onAction: (action: AppointmentAction) => void;
}) {
  const { t } = useTranslation();
  const reasonId = useId();
  const s = { subject: a.subject };
  const blocked = a.canWrite ? editBlockedReason(t, a) : null;
  const canDelete = a.canWrite && a.deletedAt === null;
  const hasMore = a.actions.lock || a.actions.unlock || canDelete;
  return (
    <Card
      withBorder
      padding="sm"
      component="li"
      aria-label={t("appointments.itemLabel", s)}
      style={a.deletedAt ? { opacity: 0.75 } : undefined}
    >
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={4} style={{ flex: "1 1 420px", minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={700} size="sm" c="indigo.7">
              {formatWhen(a)}
            </Text>
            <AppointmentBadges appointment={a} />
          </Group>
          <Text fw={500} style={{ overflowWrap: "anywhere" }} td={a.deletedAt ? "line-through" : undefined}>
            {a.subject}
          </Text>
          <Text size="sm" component="div">
            <Meta label={t("appointments.fields.responsible")}>{a.assignedUser.name}</Meta>
            <Sep />
            <Meta label={t("appointments.fields.place")}>{placeOf(t, a)}</Meta>
            {a.product && (
              <>
                <Sep />
                <Meta label={t("appointments.fields.product")}>{a.product.name}</Meta>
              </>
            )}
            {a.ticket && (
              <>
                <Sep />
                <Meta label={t("appointments.fields.ticket")}>{a.ticket.number}</Meta>
              </>
            )}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {a.actions.markDone && (
            <Button size="xs" onClick={() => onAction("done")} aria-label={t("appointments.actions.doneOf", s)}>
              {t("appointments.actions.done")}
            </Button>
          )}
          {a.canWrite && a.deletedAt === null && (
            // Off with its reason (tooltip and description) rather than hidden: the user learns why.
            <Tooltip label={blocked} disabled={!blocked} multiline w={280} withArrow>
              <Button
                size="xs"
                variant="light"
                data-disabled={blocked ? true : undefined}
                aria-disabled={blocked ? true : undefined}
                aria-describedby={blocked ? reasonId : undefined}
                onClick={(event) => (blocked ? event.preventDefault() : onAction("edit"))}
                aria-label={t("appointments.actions.editOf", s)}
              >
                {t("appointments.actions.edit")}
              </Button>
            </Tooltip>
          )}
          {blocked && (
            <span id={reasonId} hidden>
              {blocked}
            </span>
          )}
          <Button
            size="xs"
            variant="default"
            onClick={() => onAction("details")}
            aria-label={t("appointments.actions.detailsOf", s)}
          >
            {t("appointments.actions.details")}
          </Button>
          {hasMore && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button
                  size="xs"
                  variant="subtle"
                  rightSection={<ChevronDown size={12} />}
                  aria-label={t("appointments.actions.moreOf", s)}
                >
                  {t("appointments.actions.more")}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {a.actions.lock && (
                  <Menu.Item onClick={() => onAction("lock")}>{t("appointments.actions.lock")}</Menu.Item>
                )}
                {a.actions.unlock && (
                  <Menu.Item onClick={() => onAction("unlock")}>{t("appointments.actions.unlock")}</Menu.Item>
                )}
                {canDelete && (
                  <Menu.Item color="red" onClick={() => onAction("delete")}>
                    {t("appointments.actions.delete")}
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
    </Card>
  );
}
