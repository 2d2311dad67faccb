import { DATE_RE } from "./appointments.schemas.ts";
import { shiftDate } from "./calendar.ts";
import { dateInZone, formatDateTime, zonedMidnight } from "./time-zone.ts";

/**
 * Pure time arithmetic for appointments (no clock, no database): the server stores what these
 * answer, and the web may use them to show the same thing. See appointments.schemas.ts for the
 * time model (instants for timed appointments, dates for all-day ones).
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// The zone arithmetic is time-zone.ts's and the day arithmetic calendar.ts's; the names this
// module always exported stay, so the server's imports need no change.
export { dateInZone, zonedMidnight };

/** A calendar date moved by whole days (no time zone involved). */
export const addDaysToDate = shiftDate;

/** "02/03/2026 14:30" in the time zone; "02/03/2026" for a date. */
export function formatForMessage(value: string, timeZone: string): string {
  if (DATE_RE.test(value)) return value.split("-").reverse().join("/");
  return formatDateTime(value, timeZone);
}

/** What the database keeps about when an appointment happens. */
export type AppointmentTimes = {
  allDay: boolean;
  startsAt: string;
  endsAt: string;
  startDate: string | null;
  endDate: string | null;
};

export type FieldProblem = { field: "startsAt" | "endsAt"; message: string };

/** An appointment lasts at most this long (a typo in a year should not make a 10-year event). */
export const MAX_SPAN_DAYS = 366;

/**
 * Turns what a client sent into stored times, or names the field that is wrong. All-day: dates
 * (the end is the last day, default the first). Timed: date-times with offset (already checked by
 * the schema), the end strictly after the start, default start + the type's duration.
 */
export function resolveTimes(
  input: { allDay: boolean; startsAt: string; endsAt: string | null | undefined },
  defaultMinutes: number,
  timeZone: string,
): { times: AppointmentTimes } | { problem: FieldProblem } {
  const isDate = (v: string) => DATE_RE.test(v);
  if (input.allDay) {
    if (!isDate(input.startsAt)) {
      return { problem: { field: "startsAt", message: "para dia inteiro, informe a data no formato AAAA-MM-DD" } };
    }
    const last = input.endsAt ?? input.startsAt;
    if (!isDate(last)) {
      return { problem: { field: "endsAt", message: "para dia inteiro, informe o último dia no formato AAAA-MM-DD" } };
    }
    if (last < input.startsAt) {
      return { problem: { field: "endsAt", message: "o último dia não pode ser antes do primeiro" } };
    }
    if (last > addDaysToDate(input.startsAt, MAX_SPAN_DAYS - 1)) {
      return { problem: { field: "endsAt", message: `no máximo ${MAX_SPAN_DAYS} dias` } };
    }
    return {
      times: {
        allDay: true,
        startsAt: zonedMidnight(input.startsAt, timeZone),
        endsAt: zonedMidnight(addDaysToDate(last, 1), timeZone),
        startDate: input.startsAt,
        endDate: last,
      },
    };
  }
  if (isDate(input.startsAt)) {
    return { problem: { field: "startsAt", message: "informe data e hora com fuso, ou marque dia inteiro" } };
  }
  if (input.endsAt != null && isDate(input.endsAt)) {
    return { problem: { field: "endsAt", message: "informe data e hora com fuso, ou marque dia inteiro" } };
  }
  const start = Date.parse(input.startsAt);
  const end = input.endsAt == null ? start + defaultMinutes * MINUTE : Date.parse(input.endsAt);
  if (end <= start) return { problem: { field: "endsAt", message: "o fim deve ser depois do início" } };
  if (end - start > MAX_SPAN_DAYS * DAY)
    return { problem: { field: "endsAt", message: `no máximo ${MAX_SPAN_DAYS} dias` } };
  return {
    times: {
      allDay: false,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(end).toISOString(),
      startDate: null,
      endDate: null,
    },
  };
}

/** A window bound of the agenda: a date-time, or a date read as 00:00 in the company's time zone. */
export function windowBound(value: string, timeZone: string): string {
  return DATE_RE.test(value) ? zonedMidnight(value, timeZone) : new Date(value).toISOString();
}
