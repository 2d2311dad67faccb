/**
 * Calendar dates ("YYYY-MM-DD") and competence periods ("YYYY-MM") as text, never as Date: a due
 * date is a day on the calendar, not an instant. `new Date("2026-07-10")` is midnight UTC, which
 * São Paulo shows as 09/07/2026; so dates stay strings end to end, are formatted by slicing and are
 * moved by exact day numbers, with no time zone involved. Instants live in time-zone.ts.
 */

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** "YYYY-MM-DD" naming a day that exists (2026-02-30 and 2025-02-29 do not); year 0001–9999. */
export function isValidIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** "2026-07-10" → "10/07/2026" by slicing (no Date); invalid values are returned unchanged. */
export function formatIsoDate(value: string): string {
  if (!isValidIsoDate(value)) return value;
  return `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}`;
}

/** "10/07/2026" or "1/7/2026" → "2026-07-10", or null. Four-digit years only: "26" is ambiguous. */
export function parseBrDate(value: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (!match) return null;
  const iso = `${match[3]}-${(match[2] ?? "").padStart(2, "0")}-${(match[1] ?? "").padStart(2, "0")}`;
  return isValidIsoDate(iso) ? iso : null;
}

/** Competence period "YYYY-MM" (month 01–12, year 0001–9999). */
export function isValidPeriod(value: string): boolean {
  return /^\d{4}-(?:0[1-9]|1[0-2])$/.test(value) && value.slice(0, 4) !== "0000";
}

/** "2026-07" → "07/2026"; invalid values are returned unchanged. */
export function formatPeriod(value: string): string {
  if (!isValidPeriod(value)) return value;
  return `${value.slice(5, 7)}/${value.slice(0, 4)}`;
}

/** Days since 0001-01-01 of a "YYYY-MM-DD" (proleptic Gregorian), without Date or time zones. */
export function dayNumber(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const day = Number(isoDate.slice(8, 10));
  // Count March as the first month, so the leap day is the last day of the "year".
  const y = month <= 2 ? year - 1 : year;
  const m = month <= 2 ? month + 9 : month - 3;
  return 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + Math.floor((153 * m + 2) / 5) + day;
}

/** Whole days from `from` to `to` ("YYYY-MM-DD"): positive when `to` is later. */
export const calendarDaysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** `to − from` in calendar days (negative when `to` is earlier). Both must be valid ISO dates. */
export function daysBetween(from: string, to: string): number {
  if (!isValidIsoDate(from) || !isValidIsoDate(to)) throw new RangeError(`daysBetween: invalid date ${from} / ${to}`);
  return calendarDaysBetween(from, to);
}

/**
 * A calendar date moved by whole days (negative: back), as text. UTC arithmetic only, so no local
 * zone can shift the day; an overflowing day ("2026-02-30") rolls over like the calendar does.
 */
export function shiftDate(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years below 100 as they are.
  date.setUTCFullYear(y, m - 1, d + days);
  const year = String(date.getUTCFullYear()).padStart(4, "0");
  return `${year}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
}

/** The calendar date `days` after (or before, when negative) a valid "YYYY-MM-DD"; throws on an invalid one. */
export function addDays(isoDate: string, days: number): string {
  if (!isValidIsoDate(isoDate)) throw new RangeError(`addDays: invalid date ${isoDate}`);
  return shiftDate(isoDate, days);
}
