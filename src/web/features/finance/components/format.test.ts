import { afterEach, describe, expect, it } from "vitest";
import { formatDate, formatMoney, formatPeriod } from "../../../app/format.ts";
import { formatPercent, formatQuantity } from "./format.ts";

// Intl puts a no-break space between "R$" and the number; compare with plain spaces.
const plain = (text: string) => text.replace(/\u00a0/g, " ");

describe("period of a contract billing (mm/aaaa)", () => {
  it("slices YYYY-MM into mm/aaaa", () => {
    expect(formatPeriod("2026-03")).toBe("03/2026");
    expect(formatPeriod("1999-12")).toBe("12/1999");
    expect(formatPeriod("2026-01")).toBe("01/2026");
  });

  it("anything that is not a month gives nothing rather than a wrong period", () => {
    expect(formatPeriod("2026-13")).toBe("");
    expect(formatPeriod("2026-00")).toBe("");
    expect(formatPeriod("2026-3")).toBe("");
    expect(formatPeriod("2026-03-01")).toBe("");
    expect(formatPeriod("03/2026")).toBe("");
    expect(formatPeriod("")).toBe("");
    expect(formatPeriod(null)).toBe("");
    expect(formatPeriod(undefined)).toBe("");
  });
});

describe("calendar dates never shift with the time zone", () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  // Far east and far west of UTC: new Date("2026-03-01") read in local time would show 28/02 in
  // the west; the due date must read 01/03 everywhere.
  for (const zone of ["America/Sao_Paulo", "Pacific/Pago_Pago", "Pacific/Kiritimati", "UTC"]) {
    it(`in ${zone}`, () => {
      process.env.TZ = zone;
      expect(formatDate("2026-03-01")).toBe("01/03/2026");
      expect(formatDate("2025-12-31")).toBe("31/12/2025");
      expect(formatDate("2024-02-29")).toBe("29/02/2024");
    });
  }

  it("shows the western shift it avoids (guards the test itself)", () => {
    process.env.TZ = "Pacific/Pago_Pago";
    expect(new Date("2026-03-01").getDate()).toBe(28);
  });

  it("an instant or a malformed value is not taken for a date", () => {
    expect(formatDate("2026-03-01T02:00:00Z")).toBe("");
    expect(formatDate("01/03/2026")).toBe("");
    expect(formatDate(null)).toBe("");
  });
});

describe("money in cents as R$", () => {
  it("groups thousands with a dot and uses a decimal comma", () => {
    expect(plain(formatMoney(123456))).toBe("R$ 1.234,56");
    expect(plain(formatMoney(5))).toBe("R$ 0,05");
    expect(plain(formatMoney(0))).toBe("R$ 0,00");
    expect(plain(formatMoney(123456789012))).toBe("R$ 1.234.567.890,12");
  });

  it("a debit (negative) keeps its sign", () => {
    expect(plain(formatMoney(-1050))).toBe("-R$ 10,50");
  });

  it("no value is blank, never R$ 0,00", () => {
    expect(formatMoney(null)).toBe("");
    expect(formatMoney(undefined)).toBe("");
    expect(formatMoney(Number.NaN)).toBe("");
  });
});

describe("rates and quantities", () => {
  it("percent with up to four decimals, no trailing zeros", () => {
    expect(formatPercent(5.25)).toBe("5,25%");
    expect(formatPercent(3)).toBe("3%");
    expect(formatPercent(0.0125)).toBe("0,0125%");
    expect(formatPercent(12.5)).toBe("12,5%");
    expect(formatPercent(null)).toBe("");
  });

  it("quantities with up to three decimals and grouped thousands", () => {
    expect(formatQuantity(2.5)).toBe("2,5");
    expect(formatQuantity(1250)).toBe("1.250");
    expect(formatQuantity(0.125)).toBe("0,125");
    expect(formatQuantity(undefined)).toBe("");
  });
});
