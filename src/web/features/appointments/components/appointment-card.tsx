import "../i18n/index.ts";
import { Button, Group, Text, Tooltip } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Appointment } from "../../../../shared/appointments.schemas.ts";
import { ItemCard, Meta, MoreActions, MetaSep as Sep } from "../../../app/ui/item-card.tsx";
import { AppointmentBadges } from "./appointment-badges.tsx";
import type { AppointmentAction } from "./appointment-dialogs.tsx";
import { formatWhen } from "./appointment-time.ts";
import { deleteOffered, editBlockedReason } from "./edit-blocked.ts";

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
  const canDelete = deleteOffered(a);
  return (
    <ItemCard
      label={t("appointments.itemLabel", s)}
      style={a.deletedAt ? { opacity: 0.75 } : undefined}
      actions={
        <>
          {a.actions.markDone && (
            <Button size="xs" onClick={() => onAction("done")} aria-label={t("appointments.actions.doneOf", s)}>
              {t("appointments.actions.done")}
            </Button>
          )}
          {a.canWrite && a.deletedAt === null && (
            // Off with its reason (tooltip and description) rather than hidden: the user learns why,
            // on hover, on keyboard focus and on a touch alike.
            <Tooltip
              label={blocked}
              disabled={!blocked}
              multiline
              w={280}
              withArrow
              events={{ hover: true, focus: true, touch: true }}
            >
              <Button
                size="xs"
                variant="light"
                data-disabled={blocked ? true : undefined}
                aria-disabled={blocked ? true : undefined}
                aria-describedby={blocked ? reasonId : undefined}
                onClick={(event) => (blocked ? event.preventDefault() : onAction("edit"))}
                aria-label={t("appointments.actions.editOf", s)}
              >
                {t("common.edit")}
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
            {t("common.details")}
          </Button>
          <MoreActions
            label={t("appointments.actions.moreOf", s)}
            items={[
              a.actions.lock && { label: t("appointments.actions.lock"), onClick: () => onAction("lock") },
              a.actions.unlock && { label: t("appointments.actions.unlock"), onClick: () => onAction("unlock") },
              canDelete && { label: t("common.delete"), color: "red", onClick: () => onAction("delete") },
            ]}
          />
        </>
      }
    >
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
    </ItemCard>
  );
}
