import { shiftDate } from "../../../../shared/calendar.ts";
import { companyTimeZone } from "../../../app/company-time-zone.ts";
import { formatDate, formatDateTime, isoToZoned, zonedToIso } from "../../../app/format.ts";

/**
 * Pure time work of the Agendamentos web side (no React, no FullCalendar): what the form and the
 * agenda send, and how an appointment reads. The model is the API's (appointments.schemas.ts):
 * a timed appointment is two instants, the end exclusive; an all-day one is two calendar dates,
 * the last day inclusive, sent as `YYYY-MM-DD` with `allDay: true`.
 */

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date moved by whole days, as text (shared/calendar.ts: never a day off). */
export { shiftDate };

/** What the list, the details and the agenda need to tell when an appointment happens. */
export type When = {
  allDay: boolean;
  startsAt: string;
  endsAt: string;
  startDate: string | null;
  endDate: string | null;
};

/**
 * "10/07/2026 14:30 – 15:30" (same day), "10/07/2026 23:00 – 11/07/2026 01:00" (across days);
 * all-day: "10/07/2026" or "10/07/2026 – 12/07/2026", dates only, as the company formats them.
 */
export function formatWhen(a: When, timeZone = companyTimeZone()): string {
  if (a.allDay && a.startDate) {
    const last = a.endDate ?? a.startDate;
    return last === a.startDate ? formatDate(a.startDate) : `${formatDate(a.startDate)} – ${formatDate(last)}`;
  }
  const start = formatDateTime(a.startsAt, timeZone);
  const end = formatDateTime(a.endsAt, timeZone);
  // Same calendar day: the end shows its time only.
  return start.slice(0, 10) === end.slice(0, 10) ? `${start} – ${end.slice(11)}` : `${start} – ${end}`;
}

/** What the form holds for the time fields: pickers' wall-clock strings ("YYYY-MM-DD HH:mm:ss") or dates. */
export type TimeValues = { allDay: boolean; start: string | null; end: string | null };

/** The form's time fields of an existing appointment (to edit it), in the company's zone. */
export function timeValuesOf(a: When, timeZone = companyTimeZone()): TimeValues {
  if (a.allDay) return { allDay: true, start: a.startDate, end: a.endDate };
  return { allDay: false, start: isoToZoned(a.startsAt, timeZone), end: isoToZoned(a.endsAt, timeZone) };
}

/**
 * The form's time fields as the API's `startsAt`/`endsAt`: instants for a timed appointment (the
 * end may be left empty: the type's duration), dates for an all-day one. A value the pickers did
 * not fill stays as it is ("" or a partial text) so the shared schema names the field.
 */
export function timeBodyOf(v: TimeValues, timeZone = companyTimeZone()) {
  if (v.allDay) {
    const day = (value: string | null) => (value ? value.slice(0, 10) : null);
    return { allDay: true, startsAt: day(v.start) ?? "", endsAt: day(v.end) };
  }
  return {
    allDay: false,
    startsAt: zonedToIso(v.start, timeZone) ?? v.start ?? "",
    endsAt: v.end ? (zonedToIso(v.end, timeZone) ?? v.end) : null,
  };
}

/**
 * Switching "dia inteiro" keeps the day the user already chose: a date-time becomes its date, a
 * date becomes 09:00 of that day (a working hour rather than midnight) and the end is cleared.
 */
export function toggleAllDay(v: TimeValues, allDay: boolean): TimeValues {
  if (allDay === v.allDay) return v;
  const day = v.start ? v.start.slice(0, 10) : null;
  if (allDay) return { allDay, start: day, end: v.end ? v.end.slice(0, 10) : day };
  return { allDay, start: day ? `${day} 09:00:00` : null, end: null };
}

/** An event as FullCalendar hands it over after a drag or a resize. */
export type CalendarMove = { allDay: boolean; startStr: string; endStr: string };

/**
 * A drop or a resize on the agenda → the PATCH body (with the version read with the event).
 * Timed: the instants, end exclusive; without an end (an all-day event dropped on the time grid)
 * the end is left out so the server applies the type's duration. All-day: FullCalendar's end is
 * exclusive (the day after), the API's is the last day.
 */
export function moveBody(move: CalendarMove, version: number) {
  if (move.allDay) {
    const first = move.startStr.slice(0, 10);
    const endDay = move.endStr.slice(0, 10);
    // An end on or before the first day (or none) means one day.
    const last = DATE_RE.test(endDay) && endDay > first ? shiftDate(endDay, -1) : first;
    return { allDay: true, startsAt: first, endsAt: last, version };
  }
  const iso = (value: string) => new Date(value).toISOString();
  return { allDay: false, startsAt: iso(move.startStr), endsAt: move.endStr ? iso(move.endStr) : null, version };
}

/** An appointment as a FullCalendar event input: dates for all-day ones (end exclusive), instants otherwise. */
export function eventTimes(a: When): { allDay: boolean; start: string; end: string } {
  if (a.allDay && a.startDate) {
    return { allDay: true, start: a.startDate, end: shiftDate(a.endDate ?? a.startDate, 1) };
  }
  return { allDay: false, start: a.startsAt, end: a.endsAt };
}

/**
 * The agenda's window for the server from FullCalendar's visible range (its `startStr`/`endStr`
 * carry the zone's offset, or are dates): instants, so `from`/`to` mean the same everywhere.
 */
export function windowOf(range: { startStr: string; endStr: string }): { from: string; to: string } {
  const at = (value: string, timeZone = companyTimeZone()) =>
    DATE_RE.test(value) ? (zonedToIso(`${value} 00:00:00`, timeZone) ?? value) : new Date(value).toISOString();
  return { from: at(range.startStr), to: at(range.endStr) };
}

/**
 * What the user types in a date field, the Brazilian way: "14/07/2026" (date) or, with time,
 * "14/07/2026 09:30" → the pickers' "YYYY-MM-DD" / "YYYY-MM-DD HH:mm:ss"; null until it is a
 * whole, existing date (so typing "31/02/2026" or half a time never sets a wrong value).
 */
export function parseTypedDate(text: string, withTime: boolean): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?\s*$/.exec(text);
  if (!m) return null;
  const [, d, mo, y, h, mi] = m;
  const day = Number(d);
  const month = Number(mo);
  const year = Number(y);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  const date = `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (!withTime) return h === undefined ? date : null;
  if (h === undefined || mi === undefined) return null;
  if (Number(h) > 23 || Number(mi) > 59) return null;
  return `${date} ${h.padStart(2, "0")}:${mi}:00`;
}
