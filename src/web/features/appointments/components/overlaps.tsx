import "../i18n/index.ts";
import { List, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TFunction } from "i18next";
import type { AppointmentOverlap, AppointmentWithOverlaps } from "../../../../shared/appointments.schemas.ts";
import { isoToZoned } from "../../../app/format.ts";
import { formatPersonCode } from "../../../app/paths.ts";
import { formatWhen, shiftDate } from "./appointment-time.ts";

/** An overlap carries instants only: an all-day one reads as its days in the company's zone. */
function whenOf(o: AppointmentOverlap): string {
  if (!o.allDay) return formatWhen({ ...o, startDate: null, endDate: null });
  const first = isoToZoned(o.startsAt)?.slice(0, 10) ?? null;
  const after = isoToZoned(o.endsAt)?.slice(0, 10);
  return formatWhen({ ...o, startDate: first, endDate: after ? shiftDate(after, -1) : first });
}

/**
 * The server saved the appointment but the responsible user already has another one at that
 * time: a warning that stays until closed (never an error; double bookings happen on purpose).
 */
export function notifyOverlaps(t: TFunction, saved: AppointmentWithOverlaps): void {
  if (saved.overlaps.length === 0) return;
  notifications.show({
    color: "yellow",
    autoClose: false,
    title: t("appointments.overlap.title"),
    closeButtonProps: { "aria-label": t("common.close") },
    message: (
      <>
        <Text size="sm">
          {t("appointments.overlap.intro", { name: saved.assignedUser.name, count: saved.overlaps.length })}
        </Text>
        <List size="sm" mt={4}>
          {saved.overlaps.map((o, i) => (
            <List.Item key={o.id ?? `hidden-${i}`}>
              {t("appointments.overlap.line", {
                when: whenOf(o),
                subject: o.person
                  ? `${o.subject ?? ""} (${formatPersonCode(o.person.code)} — ${o.person.name})`
                  : t("appointments.overlap.hidden"),
              })}
            </List.Item>
          ))}
        </List>
      </>
    ),
  });
}
