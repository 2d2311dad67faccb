import { describe, expect, it } from "vitest";
import {
  DEFAULT_TIME_ZONE,
  dateInZone,
  formatDateTime,
  instantOfWall,
  isoToZoned,
  isTimeZone,
  offsetMinutesAt,
  startOfDateInZone,
  todayInZone,
  zonedMidnight,
  zonedToIso,
} from "./time-zone.ts";

const SP = "America/Sao_Paulo";

describe("wall clock in the company's zone ↔ instants", () => {
  it("São Paulo is UTC−3 all year (no daylight saving since 2019) and the default zone", () => {
    expect(DEFAULT_TIME_ZONE).toBe(SP);
    expect(zonedToIso("2026-07-10 14:30:00")).toBe("2026-07-10T17:30:00.000Z");
    expect(zonedToIso("2026-01-15 23:45:00")).toBe("2026-01-16T02:45:00.000Z");
    expect(isoToZoned("2026-07-10T17:30:00.000Z")).toBe("2026-07-10 14:30:00");
    expect(isoToZoned("2026-01-16T02:45:00Z")).toBe("2026-01-15 23:45:00");
    expect(offsetMinutesAt(Date.parse("2026-07-10T17:30:00Z"), SP)).toBe(-180);
  });

  it("other zones, including one with daylight saving", () => {
    expect(zonedToIso("2026-07-10 14:30:00", "America/Manaus")).toBe("2026-07-10T18:30:00.000Z");
    expect(zonedToIso("2026-07-10 14:30:00", "America/New_York")).toBe("2026-07-10T18:30:00.000Z");
    expect(zonedToIso("2026-01-10 14:30:00", "America/New_York")).toBe("2026-01-10T19:30:00.000Z");
    expect(zonedToIso("2026-07-10T14:30", "UTC")).toBe("2026-07-10T14:30:00.000Z");
    expect(isoToZoned("2026-07-10T18:30:00.000Z", "America/Manaus")).toBe("2026-07-10 14:30:00");
  });

  it("finds the instant of a wall clock across a daylight-saving change", () => {
    // New York springs forward on 2026-03-08 at 02:00: 03:30 that day is EDT (UTC−4).
    expect(new Date(instantOfWall(Date.UTC(2026, 2, 8, 3, 30), "America/New_York")).toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
    expect(zonedMidnight("2026-03-09", "America/New_York")).toBe("2026-03-09T04:00:00.000Z");
    expect(startOfDateInZone("2018-11-04", SP).toISOString()).toBe("2018-11-04T03:00:00.000Z");
  });

  it("reads calendar dates and today in the zone, not in UTC", () => {
    expect(dateInZone("2026-03-03T02:30:00.000Z", SP)).toBe("2026-03-02");
    expect(dateInZone(new Date("2026-03-03T02:30:00.000Z"), "UTC")).toBe("2026-03-03");
    expect(dateInZone(Date.parse("2026-03-03T03:00:00.000Z"), SP)).toBe("2026-03-03");
    expect(todayInZone(new Date("2026-07-10T02:59:59Z"))).toBe("2026-07-09");
    expect(todayInZone(new Date("2026-07-10T03:30:00Z"), "America/Manaus")).toBe("2026-07-09");
  });

  it("shows an instant as dd/mm/aaaa HH:mm in the zone it is given", () => {
    expect(formatDateTime("2026-03-02T11:05:00.000Z")).toBe("02/03/2026 08:05");
    expect(formatDateTime("2026-03-02T11:05:00.000Z", "America/Manaus")).toBe("02/03/2026 07:05");
    expect(formatDateTime("2026-03-02T02:30:00.000Z", "UTC")).toBe("02/03/2026 02:30");
    expect(formatDateTime("2026-03-02T02:30:00.000Z")).toBe("01/03/2026 23:30");
  });

  it("round-trips and agrees with the dd/mm/aaaa HH:mm shown in lists", () => {
    const iso = zonedToIso("2026-03-02 08:05:00");
    expect(isoToZoned(iso)).toBe("2026-03-02 08:05:00");
    expect(formatDateTime(iso)).toBe("02/03/2026 08:05");
  });

  it("empty or malformed values are null or blank, never a wrong date", () => {
    expect(zonedToIso(null)).toBeNull();
    expect(zonedToIso("")).toBeNull();
    expect(zonedToIso("10/07/2026 14:30")).toBeNull();
    expect(isoToZoned(undefined)).toBeNull();
    expect(isoToZoned("not a date")).toBeNull();
    expect(formatDateTime(null)).toBe("");
    expect(formatDateTime("not a date")).toBe("");
  });

  it("knows which names are time zones", () => {
    expect(isTimeZone(SP)).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});
