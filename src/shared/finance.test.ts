import { describe, expect, it } from "vitest";
import "./zod-locale.ts";
import { contractBillingImportRecord, contractBillingsQuery, contractImportRecord } from "./contracts.schemas.ts";
import { commissionEntryImportRecord, currentAccountQuery } from "./current-account.schemas.ts";
import {
  addDays,
  daysBetween,
  daysOverdue,
  milliToQuantity,
  percentToPpm,
  ppmToPercent,
  quantityToMilli,
  updatedValueCents,
} from "./finance.ts";
import { receivableImportRecord } from "./receivables.schemas.ts";

/** The issues of a failed parse as [field, message]. */
function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((i) => [i.path.map(String).join("."), i.message]);
}

describe("calendar arithmetic", () => {
  it("counts days across month ends, leap days and years, without time zones", () => {
    expect(daysBetween("2026-03-08", "2026-03-09")).toBe(1);
    expect(daysBetween("2026-02-28", "2026-03-01")).toBe(1);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2025-12-31", "2026-01-01")).toBe(1);
    expect(daysBetween("2026-03-09", "2026-03-01")).toBe(-8);
    expect(daysBetween("2000-01-01", "2100-01-01")).toBe(36525);
    expect(() => daysBetween("2026-02-30", "2026-03-01")).toThrow(RangeError);
  });

  it("agrees with UTC day numbers over several years", () => {
    const start = Date.UTC(2023, 0, 1);
    for (let d = 0; d < 2000; d += 37) {
      const iso = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
      expect(daysBetween("2023-01-01", iso)).toBe(d);
      expect(addDays("2023-01-01", d)).toBe(iso);
    }
  });

  it("adds days, back and forth, also to years below 100", () => {
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("0050-03-01", -1)).toBe("0050-02-28");
  });
});

describe("receivable values", () => {
  it("updated value = amount + interest + fine − discount − paid, a credit kept negative", () => {
    const money = { amountCents: 50_000, interestCents: 500, fineCents: 1_000, discountCents: 200, paidCents: 10_000 };
    expect(updatedValueCents(money)).toBe(41_300);
    expect(updatedValueCents({ ...money, paidCents: 60_000 })).toBe(-8_700);
  });

  it("days overdue: open against today, settled against its settlement, never negative", () => {
    expect(daysOverdue("2026-03-08", "2026-03-09", null)).toBe(1);
    expect(daysOverdue("2026-03-09", "2026-03-09", null)).toBe(0);
    expect(daysOverdue("2026-03-20", "2026-03-09", null)).toBe(0);
    expect(daysOverdue("2026-01-31", "2026-03-09", "2026-02-05")).toBe(5);
    expect(daysOverdue("2026-01-31", "2026-03-09", "2026-01-30")).toBe(0);
  });
});

describe("exact rates and quantities", () => {
  it("stores percents in parts per million without float drift", () => {
    expect(percentToPpm(5.25)).toBe(52_500);
    expect(percentToPpm(1.15)).toBe(11_500);
    expect(percentToPpm(0.0001)).toBe(1);
    expect(percentToPpm(100)).toBe(1_000_000);
    expect(percentToPpm(5.12345)).toBeNull();
    expect(ppmToPercent(52_500)).toBe(5.25);
    expect(quantityToMilli(2.5)).toBe(2_500);
    expect(quantityToMilli(0.001)).toBe(1);
    expect(quantityToMilli(1.0001)).toBeNull();
    expect(milliToQuantity(2_500)).toBe(2.5);
  });
});

describe("import records", () => {
  const receivable = {
    externalId: "R-1",
    personCode: "000123",
    documentNumber: "NF 1",
    installment: 1,
    issueDate: "2026-02-01",
    dueDate: "2026-03-01",
    amountCents: "10000",
  };

  it("accepts a CSV-like receivable: numbers as text, empty cells as absent", () => {
    const r = receivableImportRecord.parse({ ...receivable, paidCents: "", settledAt: "", paymentMethod: "" });
    expect(r).toMatchObject({
      personCode: 123,
      installment: "1",
      amountCents: 10_000,
      paidCents: 0,
      settledAt: null,
      paymentMethod: null,
    });
  });

  it("names the field of an impossible date, a negative or fractional amount, a due date before issue", () => {
    expect(issues(receivableImportRecord.safeParse({ ...receivable, dueDate: "2026-02-30" }))).toEqual([
      ["dueDate", "data inválida: use AAAA-MM-DD com um dia que exista no calendário"],
    ]);
    expect(issues(receivableImportRecord.safeParse({ ...receivable, amountCents: -5 }))).toEqual([
      ["amountCents", "não pode ser negativo"],
    ]);
    expect(issues(receivableImportRecord.safeParse({ ...receivable, fineCents: 1.5 }))).toEqual([
      ["fineCents", "use centavos inteiros, sem casas decimais"],
    ]);
    expect(issues(receivableImportRecord.safeParse({ ...receivable, dueDate: "2026-01-15" }))).toEqual([
      ["dueDate", "vencimento anterior à emissão"],
    ]);
    expect(issues(receivableImportRecord.safeParse({ ...receivable, externalId: " " }))[0]?.[0]).toBe("externalId");
  });

  const entry = {
    externalId: "C-1",
    sellerCode: 7,
    date: "2026-01-10",
    kind: "commission",
    baseCents: 100_000,
    rate: "5,25",
    amountCents: 5_250,
    status: "open",
  };

  it("accepts a commission entry with a decimal-comma rate, signed debits and items", () => {
    const e = commissionEntryImportRecord.parse({
      ...entry,
      amountCents: -300,
      items: [{ product: "Licença", quantity: "2.5", baseCents: 1_000, rate: 5, amountCents: 50 }],
    });
    expect(e).toMatchObject({ rate: 5.25, amountCents: -300, personCode: null, closing: null });
    expect(e.items[0]).toMatchObject({ quantity: 2.5, rate: 5 });
  });

  it("names an unknown kind or status, and ties status closed to a closing", () => {
    expect(issues(commissionEntryImportRecord.safeParse({ ...entry, kind: "bonus" }))).toEqual([
      ["kind", "kind desconhecido: use commission, passThrough ou adjustment"],
    ]);
    expect(issues(commissionEntryImportRecord.safeParse({ ...entry, status: "fechado" }))[0]?.[0]).toBe("status");
    expect(issues(commissionEntryImportRecord.safeParse({ ...entry, status: "closed" }))).toEqual([
      ["closing", "lançamento fechado precisa do fechamento (closing)"],
    ]);
    const closing = { externalId: "F-1", periodStart: "2026-01-01", periodEnd: "2026-01-31" };
    expect(issues(commissionEntryImportRecord.safeParse({ ...entry, closing }))[0]?.[0]).toBe("status");
    expect(
      issues(
        commissionEntryImportRecord.safeParse({
          ...entry,
          status: "closed",
          closing: { ...closing, periodEnd: "2025-12-31" },
        }),
      ),
    ).toEqual([["closing.periodEnd", "fim do período anterior ao início"]]);
    expect(issues(commissionEntryImportRecord.safeParse({ ...entry, rate: 5.12345 }))).toEqual([
      ["rate", "no máximo 4 casas decimais"],
    ]);
  });

  it("checks contracts and billings: periods, end before start, unknown statuses", () => {
    const contract = {
      externalId: "CT-1",
      personCode: 1,
      number: "CT-1",
      description: "Suporte",
      startDate: "2026-01-01",
      status: "active",
    };
    expect(contractImportRecord.parse({ ...contract, billingDay: "10" }).billingDay).toBe(10);
    expect(issues(contractImportRecord.safeParse({ ...contract, endDate: "2025-12-31" }))).toEqual([
      ["endDate", "término anterior ao início"],
    ]);
    expect(issues(contractImportRecord.safeParse({ ...contract, billingDay: 32 }))[0]?.[0]).toBe("billingDay");
    const billing = {
      externalId: "B-1",
      contractExternalId: "CT-1",
      period: "2026-03",
      kind: "fixed",
      amountCents: 1,
      status: "charged",
    };
    expect(contractBillingImportRecord.parse(billing).receivableExternalId).toBeNull();
    expect(issues(contractBillingImportRecord.safeParse({ ...billing, period: "2026-13" }))[0]?.[0]).toBe("period");
    expect(issues(contractBillingImportRecord.safeParse({ ...billing, status: "paid" }))).toEqual([
      ["status", "status desconhecido: use charged, donated, suspended, paralyzed ou pending"],
    ]);
  });
});

describe("list filters", () => {
  it("reads comma lists, empty meaning all, and names an unknown value", () => {
    expect(contractBillingsQuery.parse({ kind: "variable", status: "charged, donated" })).toMatchObject({
      kind: ["variable"],
      status: ["charged", "donated"],
    });
    expect(contractBillingsQuery.parse({}).status).toEqual(["charged", "donated", "suspended", "paralyzed", "pending"]);
    expect(issues(contractBillingsQuery.safeParse({ kind: "fixed,monthly" }))).toEqual([
      ["kind", "kind desconhecido: monthly (use fixed, variable)"],
    ]);
    expect(currentAccountQuery.parse({})).toEqual({ limit: 50, view: "entry" });
    expect(issues(currentAccountQuery.safeParse({ view: "lancamento" }))[0]?.[0]).toBe("view");
  });
});
