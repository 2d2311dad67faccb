import "../i18n/index.ts";
import { Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Appointment } from "../../../../shared/appointments.schemas.ts";
import { formatDateTime } from "../../../app/format.ts";
import { formatPersonCode, personPath, tabSlug } from "../../../app/paths.ts";
import { DetailsDrawer } from "../../../app/ui/details-drawer.tsx";
import { type DetailRow, DetailsTable } from "../../../app/ui/details-table.tsx";
import { QueryError } from "../../../app/ui/query-error.tsx";
import { appointmentQuery } from "../api/appointments-api.ts";
import { AppointmentBadges } from "./appointment-badges.tsx";
import { placeOf } from "./appointment-card.tsx";
import type { AppointmentAction } from "./appointment-dialogs.tsx";
import { formatWhen } from "./appointment-time.ts";
import { editBlockedReason } from "./edit-blocked.ts";

/** "Detalhes": everything about the appointment, read fresh, and what this user may do with it now. */
export function AppointmentDetailsDrawer({
  appointment,
  opened,
  onClose,
  onAction,
}: {
  appointment: Appointment | null;
  opened: boolean;
  onClose: () => void;
  onAction: (action: AppointmentAction, appointment: Appointment) => void;
}) {
  const { t } = useTranslation();
  return (
    <DetailsDrawer
      item={appointment}
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t("appointments.details.title")}
    >
      {(summary) => <Details summary={summary} onAction={onAction} />}
    </DetailsDrawer>
  );
}

function Details({
  summary,
  onAction,
}: {
  summary: Appointment;
  onAction: (action: AppointmentAction, appointment: Appointment) => void;
}) {
  const { t } = useTranslation();
  const details = useQuery({ ...appointmentQuery(summary.id), staleTime: 0 });
  // The list's data at once, the server's current one when it arrives (lock, version, actions).
  const a = details.data ?? summary;
  const who = (ref: { name: string } | null) => ref?.name ?? "";
  const rows: DetailRow[] = [
    [
      t("appointments.fields.person"),
      <Anchor key="person" component={Link} to={`${personPath(a.person.code)}?aba=${tabSlug("appointments")}`}>
        {formatPersonCode(a.person.code)} — {a.person.name}
      </Anchor>,
    ],
    [t("appointments.fields.subject"), a.subject],
    [t("appointments.fields.type"), a.type.name],
    [t("appointments.fields.when"), `${formatWhen(a)}${a.allDay ? ` (${t("appointments.badges.allDay")})` : ""}`],
    [t("appointments.fields.status"), t(`appointments.status.${a.status}`)],
    [t("appointments.fields.responsible"), a.assignedUser.name],
    [t("appointments.fields.place"), placeOf(t, a)],
    [t("appointments.fields.product"), a.product?.name ?? ""],
    [
      t("appointments.fields.ticket"),
      a.ticket ? t("appointments.ticketLabel", { number: a.ticket.number, subject: a.ticket.subject }) : "",
    ],
    [t("appointments.fields.description"), a.description ?? ""],
    [
      t("appointments.fields.lock"),
      a.lock
        ? t("appointments.lockLine", {
            name: a.lock.user.name,
            date: formatDateTime(a.lock.since),
            reason: a.lock.reason,
          })
        : "",
    ],
    [t("appointments.fields.result"), a.result ?? ""],
    [t("appointments.fields.doneAt"), formatDateTime(a.doneAt)],
    [t("appointments.fields.doneBy"), who(a.doneBy)],
    [t("appointments.fields.deletedAt"), formatDateTime(a.deletedAt)],
    [t("appointments.fields.deletedBy"), who(a.deletedBy)],
    [t("appointments.fields.deleteReason"), a.deleteReason ?? ""],
    [t("appointments.fields.createdAt"), formatDateTime(a.createdAt)],
    [t("appointments.fields.createdBy"), who(a.createdBy)],
  ];
  const blocked = a.canWrite ? editBlockedReason(t, a) : null;
  const s = { subject: a.subject };
  return (
    <Stack>
      {details.isError && <QueryError error={details.error} onRetry={() => void details.refetch()} />}
      <AppointmentBadges appointment={a} />
      <DetailsTable rows={rows} keepLineBreaks />
      {a.canWrite && a.deletedAt === null && (
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            disabled={blocked !== null}
            onClick={() => onAction("edit", a)}
            aria-label={t("appointments.actions.editOf", s)}
          >
            {t("common.edit")}
          </Button>
          {a.actions.markDone && (
            <Button size="xs" onClick={() => onAction("done", a)} aria-label={t("appointments.actions.doneOf", s)}>
              {t("appointments.actions.done")}
            </Button>
          )}
          {a.actions.lock && (
            <Button size="xs" variant="default" onClick={() => onAction("lock", a)}>
              {t("appointments.actions.lock")}
            </Button>
          )}
          {a.actions.unlock && (
            <Button size="xs" variant="default" onClick={() => onAction("unlock", a)}>
              {t("appointments.actions.unlock")}
            </Button>
          )}
          <Button size="xs" variant="subtle" color="red" onClick={() => onAction("delete", a)}>
            {t("common.delete")}
          </Button>
        </Group>
      )}
      {blocked && (
        <Text size="sm" c="dimmed">
          {blocked}
        </Text>
      )}
    </Stack>
  );
}
