import "../../i18n/index.ts";
import type { DatesSetArg, EventClickArg, EventDropArg, EventInput } from "@fullcalendar/core";
import ptBrLocale from "@fullcalendar/core/locales/pt-br";
import dayGridPlugin from "@fullcalendar/daygrid";
import interactionPlugin, { type EventResizeDoneArg } from "@fullcalendar/interaction";
import listPlugin from "@fullcalendar/list";
import FullCalendar from "@fullcalendar/react";
import timeGridPlugin from "@fullcalendar/timegrid";
import { Box } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { type CSSProperties, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Appointment } from "../../../../../shared/appointments.schemas.ts";
import { useCompanyTimeZone } from "../../../../app/company-time-zone.ts";
import { eventTimes } from "../appointment-time.ts";
import { intlTimeZonePlugin } from "./zone-plugin.ts";

const PLUGINS = [intlTimeZonePlugin, timeGridPlugin, dayGridPlugin, listPlugin, interactionPlugin];
// Brazilian 24-hour clock whatever the interface language, as everywhere in Vínculo.
const TIME_FORMAT = { hour: "2-digit", minute: "2-digit", hour12: false } as const;

/** sRGB relative luminance of "#rrggbb" (WCAG's formula). */
function luminance(hex: string): number {
  const channels = (hex.match(/[0-9a-f]{2}/gi) ?? ["00", "00", "00"]).slice(0, 3).map((c) => {
    const v = Number.parseInt(c, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const [r = 0, g = 0, b = 0] = channels;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Text on a type's colour that reaches 4.5:1 (WCAG 1.4.3): white up to the luminance where white
 * stops reaching it, black above (#141414 stops reaching it between 0.175 and 0.2: blue.6 is 4.4:1).
 */
export const textOn = (color: string): string => (luminance(color) <= 0.183 ? "#ffffff" : "#000000");

/**
 * What the agenda shows of an appointment; only those the server lets this user edit can be
 * dragged. A done one is drawn outlined and struck through, not faded (faded text fails contrast).
 */
function toEvent(a: Appointment): EventInput {
  const movable = a.actions.edit;
  const done = a.status === "done";
  return {
    id: String(a.id),
    title: `${a.subject} · ${a.person.name}`,
    ...eventTimes(a),
    backgroundColor: done ? "#f1f3f5" : a.type.color,
    borderColor: a.type.color,
    textColor: done ? "#343a40" : textOn(a.type.color),
    startEditable: movable,
    durationEditable: movable,
    classNames: a.status === "done" ? ["vinculo-appointment-done"] : [],
    extendedProps: { appointment: a },
  };
}

/** FullCalendar's own CSS variables in the app's colors (indigo buttons, today lightly marked). */
const CALENDAR_THEME = {
  "--fc-today-bg-color": "var(--mantine-color-indigo-0)",
  "--fc-button-bg-color": "var(--mantine-color-indigo-8)",
  "--fc-button-border-color": "var(--mantine-color-indigo-8)",
  "--fc-button-hover-bg-color": "var(--mantine-color-indigo-9)",
  "--fc-button-hover-border-color": "var(--mantine-color-indigo-9)",
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
  const timeZone = useCompanyTimeZone();
  const appointmentOf = (arg: { event: { extendedProps: Record<string, unknown> } }) =>
    arg.event.extendedProps.appointment as Appointment;
  // The same array while the data is the same: FullCalendar then leaves the events (and a drag) alone.
  // `redraw` after a refused move: FullCalendar's revert puts back the event as the drag began
  // (with its old version), and a reload equal to what is cached would leave it so; a new array
  // makes it read the current appointments again.
  const [redraw, setRedraw] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `redraw` is what asks for the new array.
  const current = useMemo(() => appointments.map(toEvent), [appointments, redraw]);
  // While an event is dragged or resized, what is shown stays as it was: a refetch (a colleague's
  // change arriving live) would redraw the calendar under the pointer and drop the drag. The drop
  // saves with the version it started from; if someone saved meanwhile, the server says so (412).
  const [held, setHeld] = useState<typeof current | null>(null);
  const events = held ?? current;
  // Kept if already held: the press took the snapshot, and a refetch since must not replace it.
  const hold = () => setHeld((before) => before ?? current);
  const withRedraw = <A extends CalendarMoveArg>(arg: A): A => ({
    ...arg,
    revert: () => {
      arg.revert();
      setRedraw((n) => n + 1);
    },
  });
  const release = () => setHeld(null);
  // Held from the press, not only from FullCalendar's drag start a few pixels later: a refetch landing
  // in between (the reload after a refused move, a colleague's change) redrew the event under the
  // pointer and the drag never began. Let go a task after the button is up: pointerup comes before
  // the mouseup on which FullCalendar drops, and the drop must still see the event it lifted.
  const holdWhilePressed = () => {
    hold();
    const later = () => setTimeout(release, 0);
    window.addEventListener("pointerup", later, { once: true });
    window.addEventListener("pointercancel", later, { once: true });
  };
  // A phone has no room for a week of columns: a day's grid and a list of the week instead.
  const phone = useMediaQuery("(max-width: 36em)") ?? false;
  return (
    <Box
      aria-label={t("appointments.agenda.calendarLabel")}
      role="region"
      style={CALENDAR_THEME}
      onPointerDownCapture={holdWhilePressed}
    >
      <style>
        {
          ".vinculo-appointment-done .fc-event-title, .vinculo-appointment-done .fc-list-event-title { text-decoration: line-through; }"
        }
      </style>
      <FullCalendar
        plugins={PLUGINS}
        timeZone={timeZone}
        locale={i18n.resolvedLanguage === "en" ? "en" : ptBrLocale}
        firstDay={0}
        key={phone ? "phone" : "wide"}
        initialView={phone ? "listWeek" : "timeGridWeek"}
        headerToolbar={
          phone
            ? { left: "prev,next", center: "title", right: "listWeek,timeGridDay" }
            : { left: "prev,next today", center: "title", right: "timeGridWeek,dayGridMonth" }
        }
        // Worded buttons instead of chevron icons (FullCalendar's icons are unnamed images).
        buttonIcons={false}
        nowIndicator
        scrollTime="07:00:00"
        contentHeight={640}
        eventTimeFormat={TIME_FORMAT}
        slotLabelFormat={TIME_FORMAT}
        dayMaxEvents
        events={events}
        editable
        eventDragStart={hold}
        eventDragStop={release}
        eventResizeStart={hold}
        eventResizeStop={release}
        eventDrop={(arg) => onMove(withRedraw(arg), appointmentOf(arg))}
        eventResize={(arg) => onMove(withRedraw(arg), appointmentOf(arg))}
        eventClick={(arg: EventClickArg) => {
          arg.jsEvent.preventDefault();
          onOpen(appointmentOf(arg));
        }}
        datesSet={(arg: DatesSetArg) => onRange({ startStr: arg.startStr, endStr: arg.endStr })}
      />
    </Box>
  );
}
