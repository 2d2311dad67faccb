import { formatIsoDate, isValidIsoDate, isValidPeriod, formatPeriod as periodText } from "../../shared/calendar.ts";
import { formatCents } from "../../shared/money.ts";
import {
  formatDateTime as instantText,
  isoToZoned as instantToWall,
  todayInZone,
  zonedToIso as wallToInstant,
} from "../../shared/time-zone.ts";
import { companyTimeZone } from "./company-time-zone.ts";

/**
 * Brazilian formats, whatever the interface language (dd/mm/aaaa, 24-hour clock, R$ 1.234,56), in
 * the company's time zone: the shared kit (shared/time-zone.ts, calendar.ts, money.ts) with the
 * zone the server uses filled in, and a blank for a missing value.
 */

/** An ISO instant (stored in UTC) as "dd/mm/aaaa HH:mm" in the company's time zone; "" when empty or invalid. */
export const formatDateTime = (iso: string | null | undefined, timeZone = companyTimeZone()): string =>
  instantText(iso, timeZone);

/**
 * A calendar date ("YYYY-MM-DD", e.g. a due date) as "dd/mm/aaaa". Plain text work, never a
 * Date object, so it can not shift a day with the time zone. Anything else gives "" (use
 * formatDateTime for instants).
 */
export const formatDate = (value: string | null | undefined): string =>
  value && isValidIsoDate(value) ? formatIsoDate(value) : "";

/** A competence "YYYY-MM" (a contract billing's period) as "mm/aaaa"; "" for anything else. */
export const formatPeriod = (value: string | null | undefined): string =>
  value && isValidPeriod(value) ? periodText(value) : "";

/** Integer cents as "R$ 1.234,56" (negative: "-R$ 1.234,56"), exactly; "" when there is none. */
export const formatMoney = (cents: number | null | undefined): string => formatCents(cents);

/** What a date picker holds ("YYYY-MM-DD HH:mm:ss", the company's wall clock) as an instant; null when empty. */
export const zonedToIso = (local: string | null | undefined, timeZone = companyTimeZone()): string | null =>
  wallToInstant(local, timeZone);

/** An instant as the company's wall clock, "YYYY-MM-DD HH:mm:ss" (what the pickers hold); null when empty. */
export const isoToZoned = (iso: string | null | undefined, timeZone = companyTimeZone()): string | null =>
  instantToWall(iso, timeZone);

/** Today where the company is, "YYYY-MM-DD". */
export const companyToday = (now: Date = new Date()): string => todayInZone(now, companyTimeZone());
