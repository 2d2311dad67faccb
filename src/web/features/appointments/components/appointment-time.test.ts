import { describe, expect, it } from "vitest";
import { offsetAtInstant, offsetForWallArray, wallArrayAt } from "./agenda/calendar-zone.ts";
import {
  eventTimes,
  formatWhen,
  moveBody,
  parseTypedDate,
  shiftDate,
  timeBodyOf,
  timeValuesOf,
  toggleAllDay,
  windowOf,
} from "./appointment-time.ts";

const timed = {
  allDay: false,
  startsAt: "2026-07-10T17:30:00.000Z",
  endsAt: "2026-07-10T18:30:00.000Z",
  startDate: null,
  endDate: null,
};
const allDay = {
  allDay: true,
  startsAt: "2026-07-10T03:00:00.000Z",
  endsAt: "2026-07-13T03:00:00.000Z",
  startDate: "2026-07-10",
  endDate: "2026-07-12",
};

describe("how an appointment reads", () => {
  it("timed: dd/mm/aaaa HH:mm in São Paulo, the end's time only on the same day", () => {
    expect(formatWhen(timed)).toBe("10/07/2026 14:30 – 15:30");
    expect(formatWhen({ ...timed, endsAt: "2026-07-11T04:00:00.000Z" })).toBe("10/07/2026 14:30 – 11/07/2026 01:00");
  });

  it("all-day: dates only, never shifted by the zone", () => {
    expect(formatWhen(allDay)).toBe("10/07/2026 – 12/07/2026");
    expect(formatWhen({ ...allDay, endDate: "2026-07-10" })).toBe("10/07/2026");
    // Even in a zone where the stored midnight instant is the previous day.
    expect(formatWhen({ ...allDay, endDate: "2026-07-10" }, "Pacific/Honolulu")).toBe("10/07/2026");
  });
});

describe("the form's time fields ↔ the API", () => {
  it("timed: wall clock in São Paulo → instants; an empty end is left to the type's duration", () => {
    expect(timeBodyOf({ allDay: false, start: "2026-07-10 14:30:00", end: "2026-07-10 16:00:00" })).toEqual({
      allDay: false,
      startsAt: "2026-07-10T17:30:00.000Z",
      endsAt: "2026-07-10T19:00:00.000Z",
    });
    expect(timeBodyOf({ allDay: false, start: "2026-07-10 14:30:00", end: null }).endsAt).toBeNull();
  });

  it("all-day: dates, the end the last day (null: the first)", () => {
    expect(timeBodyOf({ allDay: true, start: "2026-07-10", end: "2026-07-12" })).toEqual({
      allDay: true,
      startsAt: "2026-07-10",
      endsAt: "2026-07-12",
    });
    expect(timeBodyOf({ allDay: true, start: "2026-07-10 09:00:00", end: null })).toEqual({
      allDay: true,
      startsAt: "2026-07-10",
      endsAt: null,
    });
  });

  it("an empty start stays empty, so the schema names the field", () => {
    expect(timeBodyOf({ allDay: false, start: null, end: null }).startsAt).toBe("");
    expect(timeBodyOf({ allDay: true, start: null, end: null }).startsAt).toBe("");
  });

  it("editing reads the stored values back in the same form", () => {
    expect(timeValuesOf(timed)).toEqual({ allDay: false, start: "2026-07-10 14:30:00", end: "2026-07-10 15:30:00" });
    expect(timeValuesOf(allDay)).toEqual({ allDay: true, start: "2026-07-10", end: "2026-07-12" });
    expect(timeBodyOf(timeValuesOf(timed))).toEqual({
      allDay: false,
      startsAt: timed.startsAt,
      endsAt: timed.endsAt,
    });
  });

  it("switching dia inteiro keeps the chosen day", () => {
    const on = toggleAllDay({ allDay: false, start: "2026-07-10 14:30:00", end: "2026-07-10 15:30:00" }, true);
    expect(on).toEqual({ allDay: true, start: "2026-07-10", end: "2026-07-10" });
    expect(toggleAllDay(on, false)).toEqual({ allDay: false, start: "2026-07-10 09:00:00", end: null });
    expect(toggleAllDay({ allDay: false, start: null, end: null }, true)).toEqual({
      allDay: true,
      start: null,
      end: null,
    });
  });
});

describe("a drop or resize on the agenda → PATCH body", () => {
  it("timed: FullCalendar's offset strings become instants; version carried", () => {
    expect(
      moveBody({ allDay: false, startStr: "2026-07-14T09:00:00-03:00", endStr: "2026-07-14T10:30:00-03:00" }, 4),
    ).toEqual({ allDay: false, startsAt: "2026-07-14T12:00:00.000Z", endsAt: "2026-07-14T13:30:00.000Z", version: 4 });
  });

  it("an all-day event dropped on the time grid has no end: the server applies the type's duration", () => {
    expect(moveBody({ allDay: false, startStr: "2026-07-14T09:00:00-03:00", endStr: "" }, 2)).toEqual({
      allDay: false,
      startsAt: "2026-07-14T12:00:00.000Z",
      endsAt: null,
      version: 2,
    });
  });

  it("all-day: FullCalendar's exclusive end becomes the API's last day", () => {
    expect(moveBody({ allDay: true, startStr: "2026-07-14", endStr: "2026-07-17" }, 1)).toEqual({
      allDay: true,
      startsAt: "2026-07-14",
      endsAt: "2026-07-16",
      version: 1,
    });
    // A timed event dropped on the all-day row: no end, one day.
    expect(moveBody({ allDay: true, startStr: "2026-07-14", endStr: "" }, 1).endsAt).toBe("2026-07-14");
  });

  it("events: all-day ones get FullCalendar's exclusive end, across a month's end", () => {
    expect(eventTimes({ ...allDay, startDate: "2026-07-30", endDate: "2026-07-31" })).toEqual({
      allDay: true,
      start: "2026-07-30",
      end: "2026-08-01",
    });
    expect(eventTimes(timed)).toEqual({ allDay: false, start: timed.startsAt, end: timed.endsAt });
    expect(shiftDate("2026-03-01", -1)).toBe("2026-02-28");
    expect(shiftDate("2028-03-01", -1)).toBe("2028-02-29");
  });

  it("the visible range → the agenda's window in instants", () => {
    expect(windowOf({ startStr: "2026-07-05T00:00:00-03:00", endStr: "2026-07-12T00:00:00-03:00" })).toEqual({
      from: "2026-07-05T03:00:00.000Z",
      to: "2026-07-12T03:00:00.000Z",
    });
    expect(windowOf({ startStr: "2026-06-28", endStr: "2026-08-09" })).toEqual({
      from: "2026-06-28T03:00:00.000Z",
      to: "2026-08-09T03:00:00.000Z",
    });
  });
});

describe("the agenda's clock in a named zone (FullCalendar plugin by Intl)", () => {
  it("São Paulo: UTC−3 whatever the browser's zone", () => {
    const at = Date.parse("2026-07-10T17:30:00.000Z");
    expect(wallArrayAt(at, "America/Sao_Paulo")).toEqual([2026, 6, 10, 14, 30, 0, 0]);
    expect(offsetAtInstant(at, "America/Sao_Paulo")).toBe(-180);
    expect(offsetForWallArray([2026, 6, 10, 14, 30, 0, 0], "America/Sao_Paulo")).toBe(-180);
    // Milliseconds survive the round trip (FullCalendar compares markers to the millisecond).
    expect(wallArrayAt(at + 250, "America/Sao_Paulo")[6]).toBe(250);
  });

  it("a zone with daylight saving: the offset of the wall time's own side of the change", () => {
    expect(offsetForWallArray([2026, 0, 10, 12, 0, 0, 0], "America/New_York")).toBe(-300);
    expect(offsetForWallArray([2026, 6, 10, 12, 0, 0, 0], "America/New_York")).toBe(-240);
    expect(wallArrayAt(Date.parse("2026-03-08T07:30:00Z"), "America/New_York")).toEqual([2026, 2, 8, 3, 30, 0, 0]);
  });
});

describe("typed dates, the Brazilian way", () => {
  it("dd/mm/aaaa and dd/mm/aaaa HH:mm become the pickers' values", () => {
    expect(parseTypedDate("14/07/2026", false)).toBe("2026-07-14");
    expect(parseTypedDate(" 4/7/2026 ", false)).toBe("2026-07-04");
    expect(parseTypedDate("14/07/2026 09:30", true)).toBe("2026-07-14 09:30:00");
    expect(parseTypedDate("14/07/2026 9:05", true)).toBe("2026-07-14 09:05:00");
  });

  it("half typed or impossible: null, never a wrong date", () => {
    expect(parseTypedDate("14/07/20", false)).toBeNull();
    expect(parseTypedDate("31/02/2026", false)).toBeNull();
    expect(parseTypedDate("14/07/2026", true)).toBeNull();
    expect(parseTypedDate("14/07/2026 9:", true)).toBeNull();
    expect(parseTypedDate("14/07/2026 24:00", true)).toBeNull();
    expect(parseTypedDate("14/07/2026 10:00", false)).toBeNull();
    expect(parseTypedDate("2026-07-14", false)).toBeNull();
  });
});
