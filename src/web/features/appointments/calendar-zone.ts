/**
 * The wall clock of a named time zone, by Intl (no time zone library): what FullCalendar needs to
 * draw the agenda in the company's zone whatever the zone of the browser. Arrays are FullCalendar's
 * [year, month0, day, hour, minute, second, millisecond].
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
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
  return format;
}

/** The instant `ms` as the wall clock of the zone. */
export function wallArrayAt(ms: number, timeZone: string): number[] {
  const p: Record<string, number> = {};
  for (const { type, value } of formatFor(timeZone).formatToParts(new Date(ms))) {
    if (type !== "literal") p[type] = Number(value);
  }
  const millis = ((ms % 1000) + 1000) % 1000;
  return [p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0, millis];
}

const utcOf = (a: number[]) => Date.UTC(a[0] ?? 1970, a[1] ?? 0, a[2] ?? 1, a[3] ?? 0, a[4] ?? 0, a[5] ?? 0, a[6] ?? 0);

/** Minutes the zone is ahead of UTC at the instant `ms` (São Paulo: -180). */
export function offsetAtInstant(ms: number, timeZone: string): number {
  return Math.round((utcOf(wallArrayAt(ms, timeZone)) - ms) / 60_000);
}

/**
 * Minutes the zone is ahead of UTC when its clocks show the wall time `a`. Two passes: the
 * offset at the guessed instant, then at the corrected one (a daylight-saving change between).
 */
export function offsetForWallArray(a: number[], timeZone: string): number {
  const wall = utcOf(a);
  const first = offsetAtInstant(wall, timeZone);
  return offsetAtInstant(wall - first * 60_000, timeZone);
}
