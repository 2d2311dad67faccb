import { DEFAULT_TIME_ZONE } from "../../app/format.ts";

/**
 * The date pickers speak wall-clock strings ("YYYY-MM-DD HH:mm:ss", no zone); the API speaks
 * instants. These two turn one into the other in the company's time zone, whatever the zone of
 * the browser, so 14:30 typed in Manaus is still 14:30 in São Paulo.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function partsIn(timeZone: string, at: number): Record<string, number> {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formats.set(timeZone, format);
  }
  const out: Record<string, number> = {};
  for (const { type, value } of format.formatToParts(new Date(at))) {
    if (type !== "literal") out[type] = Number(value);
  }
  return out;
}

/** Minutes the zone is ahead of UTC at that instant (São Paulo: -180). */
function offsetMinutes(timeZone: string, at: number): number {
  const p = partsIn(timeZone, at);
  const asUtc = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000);
}

/** "2026-07-10 14:30:00" (wall clock in the zone) → "2026-07-10T17:30:00.000Z"; null when not a date-time. */
export function zonedToIso(local: string | null | undefined, timeZone = DEFAULT_TIME_ZONE): string | null {
  const m = local ? /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local) : null;
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  // Two passes: the offset at the guessed instant, then at the corrected one (a DST change between).
  let at = wall - offsetMinutes(timeZone, wall) * 60_000;
  at = wall - offsetMinutes(timeZone, at) * 60_000;
  return new Date(at).toISOString();
}

const pad = (n: number | undefined) => String(n ?? 0).padStart(2, "0");

/** An instant → its wall clock in the zone, "YYYY-MM-DD HH:mm:ss" (what the pickers hold); null when empty. */
export function isoToZoned(iso: string | null | undefined, timeZone = DEFAULT_TIME_ZONE): string | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  const p = partsIn(timeZone, at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The server's default due date: the opening plus the type's number of calendar days. */
export const addDays = (at: Date, days: number): string => new Date(at.getTime() + days * DAY_MS).toISOString();
