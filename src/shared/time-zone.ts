/**
 * Instants and the wall clock of a named time zone, by Intl alone (no time-zone library): the one
 * place both sides turn a UTC instant into the company's date and time and back. The server uses
 * it for due dates, agenda windows and digests; the web for what it shows, what the date pickers
 * send and the Agenda's FullCalendar zone. The company's zone is a setting (Configurações ›
 * Empresa); DEFAULT_TIME_ZONE only stands in until it is known.
 */

export const DEFAULT_TIME_ZONE = "America/Sao_Paulo";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A zone's clock reading: month 1–12, hour 0–23. */
export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
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
    formats.set(timeZone, format);
  }
  return format;
}

/** Whether the name is a time zone this runtime knows ("America/Sao_Paulo", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of the instant `at` (ms since the epoch) in the zone. */
export function wallClockAt(at: number, timeZone: string): WallClock {
  const p: Record<string, number> = {};
  for (const { type, value } of formatFor(timeZone).formatToParts(new Date(at))) {
    if (type !== "literal") p[type] = Number(value);
  }
  return {
    year: p.year ?? 1970,
    month: p.month ?? 1,
    day: p.day ?? 1,
    hour: p.hour ?? 0,
    minute: p.minute ?? 0,
    second: p.second ?? 0,
  };
}

/** A wall clock read as if it were UTC (ms): what the zone arithmetic below compares. */
const asUtc = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** Minutes the zone is ahead of UTC at the instant `at` (São Paulo: −180). */
export function offsetMinutesAt(at: number, timeZone: string): number {
  return Math.round((asUtc(wallClockAt(at, timeZone)) - Math.floor(at / 1000) * 1000) / MINUTE);
}

/**
 * The instant whose wall clock in the zone reads `wall` (a wall clock as UTC ms). Two passes: the
 * offset at the guessed instant, then at the corrected one (a daylight-saving change between).
 */
export function instantOfWall(wall: number, timeZone: string): number {
  const guess = wall - offsetMinutesAt(wall, timeZone) * MINUTE;
  return wall - offsetMinutesAt(guess, timeZone) * MINUTE;
}

const toMs = (at: Date | string | number) =>
  typeof at === "number" ? at : typeof at === "string" ? Date.parse(at) : at.getTime();
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function dateInZone(at: Date | string | number, timeZone: string): string {
  const w = wallClockAt(toMs(at), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/**
 * Today's calendar date where the company is: at 23:00 in São Paulo it is already tomorrow in UTC,
 * so `new Date().toISOString().slice(0, 10)` would be wrong for three hours a day.
 */
export const todayInZone = (now: Date = new Date(), timeZone = DEFAULT_TIME_ZONE): string => dateInZone(now, timeZone);

/** 00:00 of a calendar day in a time zone, as a UTC ISO instant. */
export function zonedMidnight(date: string, timeZone: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(instantOfWall(Date.UTC(y, m - 1, d), timeZone)).toISOString();
}

/**
 * The first instant of a calendar date in a time zone. Usually local midnight; on a day whose
 * midnight a daylight-saving change skips (Brazil's old rule moved clocks from 00:00 to 01:00), the
 * first instant that exists. Tries the offsets in force half a day either side and keeps the
 * earliest candidate that falls on the date.
 */
export function startOfDateInZone(date: string, timeZone: string): Date {
  const midnight = Date.parse(`${date}T00:00:00Z`);
  let best: number | null = null;
  for (const probe of [midnight - DAY / 2, midnight + DAY / 2]) {
    const candidate = midnight - offsetMinutesAt(probe, timeZone) * MINUTE;
    if (dateInZone(candidate, timeZone) === date && (best === null || candidate < best)) best = candidate;
  }
  // Neither offset lands on the date only if the zone skipped the whole day (Samoa, 2011).
  return new Date(best ?? midnight);
}

/**
 * What a date picker holds, a wall clock "2026-07-10 14:30[:00]" (no zone), as the instant it is
 * in the zone: "2026-07-10T17:30:00.000Z" in São Paulo, whatever the zone of the browser. Null
 * when the text is not a date-time.
 */
export function zonedToIso(local: string | null | undefined, timeZone = DEFAULT_TIME_ZONE): string | null {
  const m = local ? /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local) : null;
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  return new Date(instantOfWall(wall, timeZone)).toISOString();
}

/** An instant → its wall clock in the zone, "YYYY-MM-DD HH:mm:ss" (what the pickers hold); null when empty. */
export function isoToZoned(iso: string | null | undefined, timeZone = DEFAULT_TIME_ZONE): string | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  const w = wallClockAt(at, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/**
 * An instant as "dd/mm/aaaa HH:mm" (24-hour clock) in the zone: the Brazilian format of every
 * screen and message, whatever the interface language. "" when empty or not an instant.
 */
export function formatDateTime(iso: string | null | undefined, timeZone = DEFAULT_TIME_ZONE): string {
  if (!iso) return "";
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return "";
  const w = wallClockAt(at, timeZone);
  return `${pad(w.day)}/${pad(w.month)}/${w.year} ${pad(w.hour)}:${pad(w.minute)}`;
}
