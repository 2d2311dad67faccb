import { afterEach, describe, expect, it } from "vitest";
import { companyTimeZone, setCompanyTimeZone } from "./company-time-zone.ts";
import { companyToday, formatDateTime, isoToZoned, zonedToIso } from "./format.ts";

describe("wall clock in the company's zone ↔ instants", () => {
  afterEach(() => setCompanyTimeZone("America/Sao_Paulo"));

  it("São Paulo is UTC−3 all year (no daylight saving since 2019)", () => {
    expect(companyTimeZone()).toBe("America/Sao_Paulo");
    expect(zonedToIso("2026-07-10 14:30:00")).toBe("2026-07-10T17:30:00.000Z");
    expect(zonedToIso("2026-01-15 23:45:00")).toBe("2026-01-16T02:45:00.000Z");
    expect(isoToZoned("2026-07-10T17:30:00.000Z")).toBe("2026-07-10 14:30:00");
    expect(isoToZoned("2026-01-16T02:45:00Z")).toBe("2026-01-15 23:45:00");
  });

  it("other zones, including one with daylight saving", () => {
    expect(zonedToIso("2026-07-10 14:30:00", "America/Manaus")).toBe("2026-07-10T18:30:00.000Z");
    expect(zonedToIso("2026-07-10 14:30:00", "America/New_York")).toBe("2026-07-10T18:30:00.000Z");
    expect(zonedToIso("2026-01-10 14:30:00", "America/New_York")).toBe("2026-01-10T19:30:00.000Z");
  });

  it("round-trips and agrees with the dd/mm/aaaa HH:mm shown in lists", () => {
    const iso = zonedToIso("2026-03-02 08:05:00");
    expect(isoToZoned(iso)).toBe("2026-03-02 08:05:00");
    expect(formatDateTime(iso)).toBe("02/03/2026 08:05");
  });

  it("empty or malformed values are null, never a wrong date", () => {
    expect(zonedToIso(null)).toBeNull();
    expect(zonedToIso("")).toBeNull();
    expect(zonedToIso("10/07/2026 14:30")).toBeNull();
    expect(isoToZoned(undefined)).toBeNull();
    expect(isoToZoned("not a date")).toBeNull();
  });

  it("follows the company's zone once the settings say another one", () => {
    setCompanyTimeZone("America/Manaus");
    // The same instant reads an hour earlier in Manaus (UTC−4) than in São Paulo.
    expect(formatDateTime("2026-07-10T17:30:00.000Z")).toBe("10/07/2026 13:30");
    expect(isoToZoned("2026-07-10T17:30:00.000Z")).toBe("2026-07-10 13:30:00");
    expect(zonedToIso("2026-07-10 13:30:00")).toBe("2026-07-10T17:30:00.000Z");
    // 03:30 UTC on the 10th: 23:30 of the 9th in Manaus, 00:30 of the 10th in São Paulo.
    expect(companyToday(new Date("2026-07-10T03:30:00Z"))).toBe("2026-07-09");
    setCompanyTimeZone("America/Sao_Paulo");
    expect(companyToday(new Date("2026-07-10T03:30:00Z"))).toBe("2026-07-10");
  });
});
