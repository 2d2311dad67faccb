import { describe, expect, it } from "vitest";
import { addDaysToDate, dateInZone, resolveTimes, windowBound, zonedMidnight } from "./appointments.time.ts";

const SP = "America/Sao_Paulo";

describe("appointment times", () => {
  it("finds 00:00 of a day in a zone, across DST changes", () => {
    expect(zonedMidnight("2026-03-02", SP)).toBe("2026-03-02T03:00:00.000Z");
    expect(zonedMidnight("2026-03-02", "UTC")).toBe("2026-03-02T00:00:00.000Z");
    expect(zonedMidnight("2026-03-02", "Asia/Tokyo")).toBe("2026-03-01T15:00:00.000Z");
    // New York: EST on 2026-03-07 (UTC-5), EDT from 2026-03-08 02:00 (UTC-4).
    expect(zonedMidnight("2026-03-08", "America/New_York")).toBe("2026-03-08T05:00:00.000Z");
    expect(zonedMidnight("2026-03-09", "America/New_York")).toBe("2026-03-09T04:00:00.000Z");
  });

  it("reads the calendar day of an instant in a zone", () => {
    expect(dateInZone("2026-03-02T02:59:59.000Z", SP)).toBe("2026-03-01");
    expect(dateInZone("2026-03-02T03:00:00.000Z", SP)).toBe("2026-03-02");
  });

  it("moves dates by whole days across months and leap years", () => {
    expect(addDaysToDate("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDaysToDate("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDaysToDate("2026-01-01", -1)).toBe("2025-12-31");
  });

  it("keeps all-day dates as sent and derives instants at company midnight", () => {
    const r = resolveTimes({ allDay: true, startsAt: "2026-03-10", endsAt: "2026-03-11" }, 60, SP);
    expect(r).toEqual({
      times: {
        allDay: true,
        startDate: "2026-03-10",
        endDate: "2026-03-11",
        startsAt: "2026-03-10T03:00:00.000Z",
        endsAt: "2026-03-12T03:00:00.000Z",
      },
    });
    const oneDay = resolveTimes({ allDay: true, startsAt: "2026-03-10", endsAt: undefined }, 60, SP);
    expect(oneDay).toMatchObject({ times: { endDate: "2026-03-10", endsAt: "2026-03-11T03:00:00.000Z" } });
  });

  it("defaults a timed end to start + the type's duration and normalizes to UTC", () => {
    const r = resolveTimes({ allDay: false, startsAt: "2026-03-10T14:00:00-03:00", endsAt: null }, 90, SP);
    expect(r).toEqual({
      times: {
        allDay: false,
        startDate: null,
        endDate: null,
        startsAt: "2026-03-10T17:00:00.000Z",
        endsAt: "2026-03-10T18:30:00.000Z",
      },
    });
  });

  it("names the field that is wrong", () => {
    const problem = (input: Parameters<typeof resolveTimes>[0]) =>
      "problem" in resolveTimes(input, 60, SP) ? (resolveTimes(input, 60, SP) as { problem: unknown }).problem : null;
    expect(problem({ allDay: false, startsAt: "2026-03-10T14:00:00Z", endsAt: "2026-03-10T13:00:00Z" })).toEqual({
      field: "endsAt",
      message: "o fim deve ser depois do início",
    });
    expect(problem({ allDay: false, startsAt: "2026-03-10T14:00:00Z", endsAt: "2026-03-10T14:00:00Z" })).toMatchObject({
      field: "endsAt",
    });
    expect(problem({ allDay: true, startsAt: "2026-03-10", endsAt: "2026-03-09" })).toEqual({
      field: "endsAt",
      message: "o último dia não pode ser antes do primeiro",
    });
    expect(problem({ allDay: true, startsAt: "2026-03-10T10:00:00Z", endsAt: null })).toMatchObject({
      field: "startsAt",
    });
    expect(problem({ allDay: true, startsAt: "2026-03-10", endsAt: "2026-03-11T10:00:00Z" })).toMatchObject({
      field: "endsAt",
    });
    expect(problem({ allDay: false, startsAt: "2026-03-10", endsAt: null })).toMatchObject({ field: "startsAt" });
    expect(problem({ allDay: false, startsAt: "2026-03-10T10:00:00Z", endsAt: "2026-03-11" })).toMatchObject({
      field: "endsAt",
    });
    expect(problem({ allDay: true, startsAt: "2026-01-01", endsAt: "2027-01-02" })).toMatchObject({ field: "endsAt" });
  });

  it("reads agenda bounds as instants or company midnights", () => {
    expect(windowBound("2026-03-01", SP)).toBe("2026-03-01T03:00:00.000Z");
    expect(windowBound("2026-03-01T00:00:00-03:00", SP)).toBe("2026-03-01T03:00:00.000Z");
  });
});
