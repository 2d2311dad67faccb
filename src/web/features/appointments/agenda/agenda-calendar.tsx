import type { DatesSetArg, EventClickArg, EventDropArg, EventInput } from "@fullcalendar/core";
import ptBrLocale from "@fullcalendar/core/locales/pt-br";
import dayGridPlugin from "@fullcalendar/daygrid";
import interactionPlugin, { type EventResizeDoneArg } from "@fullcalendar/interaction";
import FullCalendar from "@fullcalendar/react";
import timeGridPlugin from "@fullcalendar/timegrid";
import { Box } from "@mantine/core";
import { type CSSProperties, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Appointment } from "../../../../shared/appointments.schemas.ts";
import { DEFAULT_TIME_ZONE } from "../../../app/format.ts";
import { eventTimes } from "../appointment-time.ts";
import { intlTimeZonePlugin } from "./zone-plugin.ts";

const PLUGINS = [intlTimeZonePlugin, timeGridPlugin, dayGridPlugin, interactionPlugin];
// Brazilian 24-hour clock whatever the interface language, as everywhere in Vínculo.
const TIME_FORMAT = { hour: "2-digit", minute: "2-digit", hour12: false } as const;

/** What the agenda shows of an appointment; only those the server lets this user edit can be dragged. */
function toEvent(a: Appointment): EventInput {
  const movable = a.actions.edit;
  return {
    id: String(a.id),
    title: `${a.subject} · ${a.person.name}`,
    ...eventTimes(a),
    backgroundColor: a.type.color,
    borderColor: a.type.color,
    startEditable: movable,
    durationEditable: movable,
    classNames: a.status === "done" ? ["vinculo-appointment-done"] : [],
    extendedProps: { appointment: a },
  };
}

/** FullCalendar's own CSS variables in the app's colors (indigo buttons, today lightly marked). */
const CALENDAR_THEME = {
  "--fc-today-bg-color": "var(--mantine-color-indigo-0)",
  "--fc-button-bg-color": "var(--mantine-color-indigo-6)",
  "--fc-button-border-color": "var(--mantine-color-indigo-6)",
  "--fc-button-hover-bg-color": "var(--mantine-color-indigo-7)",
  "--fc-button-hover-border-color": "var(--mantine-color-indigo-7)",
  "--fc-button-active-bg-color": "var(--mantine-color-indigo-9)",
  "--fc-button-active-border-color": "var(--mantine-color-indigo-9)",
} as CSSProperties;

export type CalendarMoveArg = EventDropArg | EventResizeDoneArg;

/**
 * Week (time grid) and month views of FullCalendar in the company's time zone (the Intl plugin),
 * Sunday first. Dragging or resizing an event hands the move to `onMove`, which saves it or
 * reverts it; a click opens the details.
 */
export function AgendaCalendar({
  appointments,
  onRange,
  onMove,
  onOpen,
}: {
  appointments: Appointment[];
  onRange: (range: { startStr: string; endStr: string }) => void;
  onMove: (arg: CalendarMoveArg, appointment: Appointment) => void;
  onOpen: (appointment: Appointment) => void;
}) {
  const { t, i18n } = useTranslation();
  const appointmentOf = (arg: { event: { extendedProps: Record<string, unknown> } }) =>
    arg.event.extendedProps.appointment as Appointment;
  // The same array while the data is the same: FullCalendar then leaves the events (and a drag) alone.
  const events = useMemo(() => appointments.map(toEvent), [appointments]);
  return (
    <Box aria-label={t("appointments.agenda.calendarLabel")} role="region" style={CALENDAR_THEME}>
      <style>
        {
          ".vinculo-appointment-done { opacity: 0.6; } .vinculo-appointment-done .fc-event-title { text-decoration: line-through; }"
        }
      </style>
      <FullCalendar
        plugins={PLUGINS}
        timeZone={DEFAULT_TIME_ZONE}
        locale={i18n.resolvedLanguage === "en" ? "en" : ptBrLocale}
        firstDay={0}
        initialView="timeGridWeek"
        headerToolbar={{ left: "prev,next today", center: "title", right: "timeGridWeek,dayGridMonth" }}
        nowIndicator
        scrollTime="07:00:00"
        contentHeight={640}
        eventTimeFormat={TIME_FORMAT}
        slotLabelFormat={TIME_FORMAT}
        dayMaxEvents
        events={events}
        editable
        eventDrop={(arg) => onMove(arg, appointmentOf(arg))}
        eventResize={(arg) => onMove(arg, appointmentOf(arg))}
        eventClick={(arg: EventClickArg) => {
          arg.jsEvent.preventDefault();
          onOpen(appointmentOf(arg));
        }}
        datesSet={(arg: DatesSetArg) => onRange({ startStr: arg.startStr, endStr: arg.endStr })}
      />
    </Box>
  );
}
