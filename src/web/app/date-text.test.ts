import { describe, expect, it } from "vitest";
import { dateValueProblem, isWall, maskDateText, readDateText, wallToText, withDay } from "./date-text.ts";

describe("the mask of a typed date", () => {
  it("puts the separators in as the digits come, date-time and date", () => {
    expect(maskDateText("1512202614", true)).toBe("15/12/2026 14");
    expect(maskDateText("151220261430", true)).toBe("15/12/2026 14:30");
    expect(maskDateText("15122026", false)).toBe("15/12/2026");
    expect(maskDateText("151", false)).toBe("15/1");
  });

  it("keeps what was typed with its own separators, padding one-digit days and months", () => {
    expect(maskDateText("1/2/2026", false)).toBe("01/02/2026");
    expect(maskDateText("15/12/2026 9:05", true)).toBe("15/12/2026 09:05");
    expect(maskDateText("15/", false)).toBe("15/");
  });

  it("drops letters and digits past the end", () => {
    expect(maskDateText("15a12b2026", false)).toBe("15/12/2026");
    expect(maskDateText("1512202614309", true)).toBe("15/12/2026 14:30");
    expect(maskDateText("15/12/2026 14:30", false)).toBe("15/12/2026");
  });
});

describe("reading a typed date", () => {
  it("a whole date → the wall clock the form holds; empty → null", () => {
    expect(readDateText("15/12/2026 14:30", true)).toEqual({ wall: "2026-12-15 14:30:00" });
    expect(readDateText("29/02/2028", false)).toEqual({ wall: "2028-02-29" });
    expect(readDateText("  ", true)).toEqual({ wall: null });
  });

  it("says why an impossible date is none", () => {
    expect(readDateText("31/02/2026", false)).toEqual({
      problem: { reason: "day", params: { date: "31/02/2026", month: "02", year: "2026", days: 28 } },
    });
    expect(readDateText("10/13/2026", false)).toEqual({ problem: { reason: "month", params: { month: "13" } } });
    expect(readDateText("15/12/2026 24:10", true)).toEqual({ problem: { reason: "time", params: { time: "24:10" } } });
    expect(readDateText("15/12/0202", false)).toEqual({ problem: { reason: "year", params: { year: "0202" } } });
    expect(readDateText("15/12/20", false)).toEqual({ problem: { reason: "incomplete" } });
    // A date-time field wants the time too.
    expect(readDateText("15/12/2026", true)).toEqual({ problem: { reason: "incomplete" } });
  });

  it("refuses a day before the earliest allowed", () => {
    expect(readDateText("14/12/2026 10:00", true, "2026-12-15")).toEqual({
      problem: { reason: "before", params: { date: "15/12/2026" } },
    });
    expect(readDateText("15/12/2026 10:00", true, "2026-12-15")).toEqual({ wall: "2026-12-15 10:00:00" });
  });
});

describe("form values", () => {
  it("a wall clock shows as typed; text still being typed shows as it is", () => {
    expect(wallToText("2026-12-15 14:30:00", true)).toBe("15/12/2026 14:30");
    expect(wallToText("2026-12-15", false)).toBe("15/12/2026");
    expect(wallToText("2026-12-15 14:30:00", false)).toBe("15/12/2026");
    expect(wallToText("31/02/2026", false)).toBe("31/02/2026");
    expect(wallToText(null, true)).toBe("");
  });

  it("tells a date from text, and the text's problem for the form's validate", () => {
    expect(isWall("2026-12-15 14:30:00")).toBe(true);
    expect(isWall("15/12/2026")).toBe(false);
    expect(dateValueProblem("2026-12-15 14:30:00", true)).toBeNull();
    expect(dateValueProblem(null, true)).toBeNull();
    expect(dateValueProblem("31/02/2026 10:00", true)?.reason).toBe("day");
  });

  it("a day from the calendar keeps the time typed, or takes the default", () => {
    expect(withDay("2026-12-20", "2026-12-15 14:30:00", true, "09:00")).toBe("2026-12-20 14:30:00");
    expect(withDay("2026-12-20", "15/12", true, "18:00")).toBe("2026-12-20 18:00:00");
    expect(withDay("2026-12-20", null, false, "18:00")).toBe("2026-12-20");
  });
});
