import { instantOfWall, offsetMinutesAt, wallClockAt } from "../../../../../shared/time-zone.ts";

/**
 * shared/time-zone.ts in FullCalendar's terms: its named-zone plugin (zone-plugin.ts) speaks wall
 * clocks as arrays [year, month0, day, hour, minute, second, millisecond]. Kept apart from the
 * plugin so it is tested without FullCalendar.
 */

/** The instant `ms` as the wall clock of the zone. */
export function wallArrayAt(ms: number, timeZone: string): number[] {
  const w = wallClockAt(ms, timeZone);
  const millis = ((ms % 1000) + 1000) % 1000;
  return [w.year, w.month - 1, w.day, w.hour, w.minute, w.second, millis];
}

/** Minutes the zone is ahead of UTC at the instant `ms` (São Paulo: -180). */
export const offsetAtInstant = (ms: number, timeZone: string): number => offsetMinutesAt(ms, timeZone);

/** Minutes the zone is ahead of UTC when its clocks show the wall time `a`. */
export function offsetForWallArray(a: number[], timeZone: string): number {
  const wall = Date.UTC(a[0] ?? 1970, a[1] ?? 0, a[2] ?? 1, a[3] ?? 0, a[4] ?? 0, a[5] ?? 0, a[6] ?? 0);
  return Math.round((wall - instantOfWall(wall, timeZone)) / 60_000);
}
