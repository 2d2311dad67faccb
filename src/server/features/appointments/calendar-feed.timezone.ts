import { offsetMinutesAt, startOfDateInZone, wallClockAt } from "../../../shared/time-zone.ts";

/**
 * The company's time zone in the iCalendar feed, by Intl alone (no time-zone database package):
 * the times of a zone as ical-generator writes them, and the VTIMEZONE that tells a calendar app
 * what that zone's offsets are.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * An instant that ical-generator writes as the wall clock of a time zone. Once a zone is set,
 * ical-generator reads a date's local fields (getHours…), which for a plain Date are those of the
 * server process's zone; a TZDate (the @date-fns/tz class it supports) is first moved to the
 * zone with withTimeZone. This is that shape: the fields are the zone's wall clock.
 */
export class ZonedDate extends Date {
  /** Looked for (with withTimeZone and tzComponents) by ical-generator's TZDate check. */
  readonly internal: Date;
  readonly timeZone: string;

  constructor(at: number | string | Date, timeZone: string) {
    super(at instanceof Date ? at.getTime() : at);
    this.internal = new Date(this.getTime());
    this.timeZone = timeZone;
  }

  withTimeZone(timeZone?: string | null): ZonedDate {
    return new ZonedDate(this.getTime(), timeZone ?? this.timeZone);
  }

  tzComponents() {
    return wallClockAt(this.getTime(), this.timeZone);
  }

  override getFullYear(): number {
    return this.tzComponents().year;
  }

  override getMonth(): number {
    return this.tzComponents().month - 1;
  }

  override getDate(): number {
    return this.tzComponents().day;
  }

  override getHours(): number {
    return this.tzComponents().hour;
  }

  override getMinutes(): number {
    return this.tzComponents().minute;
  }

  override getSeconds(): number {
    return this.tzComponents().second;
  }
}

/** A calendar date ("YYYY-MM-DD") as ical-generator writes it in the zone: its first instant there. */
export const zonedDay = (date: string, timeZone: string) => new ZonedDate(startOfDateInZone(date, timeZone), timeZone);

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "-0300", "+0530": an offset as TZOFFSETFROM/TZOFFSETTO write it. */
function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** The wall clock of `at` under a fixed offset, as a DTSTART (local time, no zone). */
function localText(at: number, offset: number): string {
  const w = new Date(at + offset * MINUTE);
  return (
    `${pad(w.getUTCFullYear(), 4)}${pad(w.getUTCMonth() + 1)}${pad(w.getUTCDate())}` +
    `T${pad(w.getUTCHours())}${pad(w.getUTCMinutes())}${pad(w.getUTCSeconds())}`
  );
}

/** The first minute in (after, until] whose offset differs from the one at `after`. */
function transitionBetween(after: number, until: number, timeZone: string): number {
  const before = offsetMinutesAt(after, timeZone);
  let lo = after;
  let hi = until;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offsetMinutesAt(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * A VTIMEZONE for the zone between two instants: the offset in force at `from` (as if since
 * 1970), then one STANDARD or DAYLIGHT observance per change of offset until `to`, each starting
 * at its local time before the change (RFC 5545 3.6.5). Explicit observances rather than RRULEs:
 * Intl knows the offsets, not the rules, and a feed only spans a few months.
 */
export function vtimezone(timeZone: string, from: number, to: number): string {
  const first = offsetMinutesAt(from, timeZone);
  const changes: { at: number; from: number; to: number }[] = [];
  let previous = first;
  for (let day = from; day < to; day += DAY) {
    const next = Math.min(day + DAY, to);
    const offset = offsetMinutesAt(next, timeZone);
    if (offset !== previous) {
      changes.push({ at: transitionBetween(day, next, timeZone), from: previous, to: offset });
      previous = offset;
    }
  }
  const offsets = [first, ...changes.map((c) => c.to)];
  const standard = Math.min(...offsets);
  const observance = (kind: "STANDARD" | "DAYLIGHT", start: string, fromOffset: number, toOffset: number) => [
    `BEGIN:${kind}`,
    `DTSTART:${start}`,
    `TZOFFSETFROM:${offsetText(fromOffset)}`,
    `TZOFFSETTO:${offsetText(toOffset)}`,
    `END:${kind}`,
  ];
  return [
    "BEGIN:VTIMEZONE",
    `TZID:${timeZone}`,
    ...observance(first === standard ? "STANDARD" : "DAYLIGHT", "19700101T000000", first, first),
    ...changes.flatMap((c) =>
      observance(c.to > c.from ? "DAYLIGHT" : "STANDARD", localText(c.at, c.from), c.from, c.to),
    ),
    "END:VTIMEZONE",
  ].join("\r\n");
}
