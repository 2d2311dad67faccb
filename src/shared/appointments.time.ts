import { DATE_RE } from "./appointments.schemas.ts";

/**
 * Pure time arithmetic for appointments (no clock, no database): the server stores what these
 * answer, and the web may use them to show the same thing. See appointments.schemas.ts for the
 * time model (instants for timed appointments, dates for all-day ones).
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const partFormats = new Map<string, Intl.DateTimeFormat>();
function partsIn(timeZone: string, at: number): Record<string, number> {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partFormats.set(timeZone, format);
  }
  const out: Record<string, number> = {};
  for (const { type, value } of format.formatToParts(new Date(at))) out[type] = Number(value);
  return out;
}

/** Minutes the zone is ahead of UTC at that instant (São Paulo: -180). */
function offsetMinutes(timeZone: string, at: number): number {
  const p = partsIn(timeZone, at);
  const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return Math.round((wall - Math.floor(at / 1000) * 1000) / MINUTE);
}

/** 00:00 of a calendar day in a time zone, as a UTC ISO instant. */
export function zonedMidnight(date: string, timeZone: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  // Two rounds: the offset at the guess may differ from the one at the answer (a DST change).
  let at = wall - offsetMinutes(timeZone, wall) * MINUTE;
  at = wall - offsetMinutes(timeZone, at) * MINUTE;
  return new Date(at).toISOString();
}

/** The calendar day of an instant in a time zone, `YYYY-MM-DD`. */
export function dateInZone(iso: string, timeZone: string): string {
  const p = partsIn(timeZone, Date.parse(iso));
  const pad = (n: number | undefined, w = 2) => String(n ?? 0).padStart(w, "0");
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** A calendar date moved by whole days (no time zone involved). */
export function addDaysToDate(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY).toISOString().slice(0, 10);
}

/** "02/03/2026 14:30" in the time zone; "02/03/2026" for a date. */
export function formatForMessage(value: string, timeZone: string): string {
  if (DATE_RE.test(value)) return value.split("-").reverse().join("/");
  const p = partsIn(timeZone, Date.parse(value));
  const pad = (n: number | undefined) => String(n ?? 0).padStart(2, "0");
  return `${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}`;
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
