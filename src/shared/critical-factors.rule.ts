/**
 * The critical-factor rule (DESIGN.md "Critical factors"), pure: no clock, no database.
 *
 * Days are calendar days in the company's time zone, never 24-hour periods and never UTC days:
 *
 *   daysOverdue = today − dueDate
 *
 * where `today` is the calendar date of "now" and `dueDate` the calendar date of the ticket's due
 * instant, both read in the company's time zone (America/Sao_Paulo by default). A ticket due today
 * is 0 days overdue; due yesterday, 1; due tomorrow, −1. With N = thresholdDays and M = warnDays,
 * an open ticket whose type counts is
 *
 *   critical   when daysOverdue >  N      (its due date is more than N days past)
 *   attention  when −M ≤ daysOverdue ≤ N  (overdue by N days or fewer, or due within the next M days)
 *
 * and neither otherwise. The server never evaluates this row by row: `thresholds` turns it into
 * two instants X ≤ Y so that critical ⇔ due < X and attention ⇔ X ≤ due < Y, which an index on
 * open tickets by due answers. `classify` is the same rule applied to one ticket; the tests hold
 * the two to each other.
 */

export type CriticalRule = {
  /** N: more than N days past due is critical. */
  thresholdDays: number;
  /** M: due within the next M days needs attention. */
  warnDays: number;
  /** Ticket types that count; empty = every type. */
  includeTypeIds: readonly number[];
  /** Ticket types that never count; wins over `includeTypeIds`. */
  excludeTypeIds: readonly number[];
};

export type CriticalLevel = "critical" | "attention";

export const DEFAULT_RULE: CriticalRule = { thresholdDays: 5, warnDays: 2, includeTypeIds: [], excludeTypeIds: [] };
export const FALLBACK_TIME_ZONE = "America/Sao_Paulo";

const DAY_MS = 24 * 60 * 60 * 1000;

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

/** The wall-clock reading of an instant in a zone, as if it were UTC (ms). */
function wallClock(at: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const { type, value } of formatFor(timeZone).formatToParts(new Date(at))) p[type] = Number(value);
  return Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
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

/** The calendar date (`YYYY-MM-DD`) of an instant in a time zone. */
export function dateInZone(at: Date | string, timeZone: string): string {
  const ms = typeof at === "string" ? Date.parse(at) : at.getTime();
  return new Date(wallClock(ms, timeZone)).toISOString().slice(0, 10);
}

/** A calendar date moved by whole days (no time zone involved). */
export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (calendar dates): positive when `to` is later. */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
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
  for (const probe of [midnight - DAY_MS / 2, midnight + DAY_MS / 2]) {
    const offset = wallClock(probe, timeZone) - Math.floor(probe / 1000) * 1000;
    const candidate = midnight - offset;
    if (dateInZone(new Date(candidate), timeZone) === date && (best === null || candidate < best)) best = candidate;
  }
  // Neither offset lands on the date only if the zone skipped the whole day (Samoa, 2011).
  return new Date(best ?? midnight);
}

/** Calendar days the due date is past today, in the zone (negative: days until it is due). */
export function daysOverdue(dueAt: Date | string, now: Date, timeZone: string): number {
  return calendarDaysBetween(dateInZone(dueAt, timeZone), dateInZone(now, timeZone));
}

/** Whether tickets of this type count at all: in the include list (or it is empty) and not excluded. */
export function typeCounts(rule: Pick<CriticalRule, "includeTypeIds" | "excludeTypeIds">, typeId: number): boolean {
  if (rule.excludeTypeIds.includes(typeId)) return false;
  return rule.includeTypeIds.length === 0 || rule.includeTypeIds.includes(typeId);
}

/** The ticket types that count out of `allTypeIds`; null means "every type" (no filter needed). */
export function countedTypeIds(rule: CriticalRule, allTypeIds: readonly number[]): number[] | null {
  if (rule.includeTypeIds.length === 0 && rule.excludeTypeIds.length === 0) return null;
  return allTypeIds.filter((id) => typeCounts(rule, id));
}

export type Thresholds = {
  /** Today in the company's zone. */
  today: string;
  /** due < criticalBefore ⇔ critical (the start of today − N). */
  criticalBefore: string;
  /** criticalBefore ≤ due < attentionBefore ⇔ attention (the start of today + M + 1). */
  attentionBefore: string;
};

/** The rule as two instants (ISO UTC, the stored format of `due_at`), for indexed queries. */
export function thresholds(now: Date, rule: Pick<CriticalRule, "thresholdDays" | "warnDays">, timeZone: string) {
  const today = dateInZone(now, timeZone);
  return {
    today,
    criticalBefore: startOfDateInZone(addCalendarDays(today, -rule.thresholdDays), timeZone).toISOString(),
    attentionBefore: startOfDateInZone(addCalendarDays(today, rule.warnDays + 1), timeZone).toISOString(),
  } satisfies Thresholds;
}

/** The rule for one open ticket: critical, attention, or null (not a critical factor). */
export function classify(
  ticket: { dueAt: Date | string; typeId: number },
  now: Date,
  rule: CriticalRule,
  timeZone: string,
): CriticalLevel | null {
  if (!typeCounts(rule, ticket.typeId)) return null;
  const days = daysOverdue(ticket.dueAt, now, timeZone);
  if (days > rule.thresholdDays) return "critical";
  if (days >= -rule.warnDays) return "attention";
  return null;
}
