import { calendarDaysBetween, shiftDate } from "./calendar.ts";
import { DEFAULT_TIME_ZONE, dateInZone, isTimeZone, startOfDateInZone } from "./time-zone.ts";

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
export const FALLBACK_TIME_ZONE = DEFAULT_TIME_ZONE;

// The zone arithmetic (time-zone.ts) and the day arithmetic (calendar.ts), under the names this
// module always exported.
export { calendarDaysBetween, dateInZone, isTimeZone, startOfDateInZone };

/** A calendar date moved by whole days (no time zone involved). */
export const addCalendarDays = shiftDate;

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
    criticalBefore: startOfDateInZone(shiftDate(today, -rule.thresholdDays), timeZone).toISOString(),
    attentionBefore: startOfDateInZone(shiftDate(today, rule.warnDays + 1), timeZone).toISOString(),
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
