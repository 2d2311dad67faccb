import { createPlugin } from "@fullcalendar/core";
import { NamedTimeZoneImpl } from "@fullcalendar/core/internal";
import { offsetForWallArray, wallArrayAt } from "./calendar-zone.ts";

/**
 * FullCalendar knows named time zones only through a plugin (Luxon or Moment otherwise); this one
 * asks the browser's Intl, so the agenda shows the company's clock even on a laptop set to another
 * zone, and the dates it hands back (drop, resize) are true instants.
 */
class IntlNamedTimeZone extends NamedTimeZoneImpl {
  offsetForArray(a: number[]): number {
    return offsetForWallArray(a, this.timeZoneName);
  }

  timestampToArray(ms: number): number[] {
    return wallArrayAt(ms, this.timeZoneName);
  }
}

export const intlTimeZonePlugin = createPlugin({
  name: "vinculo-intl-time-zone",
  namedTimeZonedImpl: IntlNamedTimeZone,
});
