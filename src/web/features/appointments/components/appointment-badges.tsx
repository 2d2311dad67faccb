import "../i18n/index.ts";
import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Appointment } from "../../../../shared/appointments.schemas.ts";
import { formatDateTime } from "../../../app/format.ts";

/** Realizado, Excluído, Anterior (already over), Dia inteiro, and who holds the lock since when. */
export function AppointmentBadges({ appointment: a }: { appointment: Appointment }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={a.type.color} variant="dot" styles={{ root: { textTransform: "none" } }}>
        {a.type.name}
      </Badge>
      {a.allDay && (
        <Badge color="gray" variant="light">
          {t("appointments.badges.allDay")}
        </Badge>
      )}
      {a.status === "done" && (
        <Badge color="green" variant="light">
          {t("appointments.badges.done")}
        </Badge>
      )}
      {a.deletedAt && (
        <Badge color="red" variant="outline">
          {t("appointments.badges.deleted")}
        </Badge>
      )}
      {a.past && a.status === "open" && !a.deletedAt && (
        <Badge color="gray" variant="outline">
          {t("appointments.badges.past")}
        </Badge>
      )}
      {a.lock && (
        <Badge color="orange" variant="light" styles={{ root: { textTransform: "none" } }}>
          {t("appointments.badges.locked", { name: a.lock.user.name, date: formatDateTime(a.lock.since) })}
        </Badge>
      )}
    </Group>
  );
}
