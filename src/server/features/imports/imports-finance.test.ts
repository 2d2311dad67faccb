import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testClock } from "../../test/clock.ts";
import { categoryIds, makePerson } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { csv, imported, ndjson } from "./imports-test-helpers.ts";

/** Contracts, contract billings and commission entries: both formats, idempotency, references. */
describe("import contracts, billings and commission entries", () => {
  const clock = testClock("2026-03-02T12:00:00.000Z");
  let t: TestApp;
  let admin: TestUser;
  let customer: number;
  let seller: number;

  beforeAll(async () => {
    t = await buildTestApp({ now: clock.now });
    admin = await t.user({ isAdmin: true });
    const cats = await categoryIds(t.ctx);
    customer = (await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Cliente dos Contratos" })).code;
    seller = (await makePerson(t.ctx, { categoryIds: [cats.Representante], name: "Representante Importado" })).code;
  });
  afterAll(() => t.close());

  const contract = (externalId: string, over: Record<string, unknown> = {}) => ({
    externalId,
    personCode: customer,
    number: `CT-${externalId}`,
    description: "Suporte mensal",
    startDate: "2025-01-01",
    status: "active",
    ...over,
  });
  const billing = (externalId: string, over: Record<string, unknown> = {}) => ({
    externalId,
    contractExternalId: "CT-1",
    period: "2026-01",
    kind: "fixed",
    amountCents: 50000,
    status: "charged",
    ...over,
  });
  const entry = (externalId: string, over: Record<string, unknown> = {}) => ({
    externalId,
    sellerCode: seller,
    personCode: customer,
    date: "2026-02-10",
    kind: "commission",
    baseCents: 100000,
    rate: 5.25,
    amountCents: 5250,
    status: "open",
    ...over,
  });

  it("contracts: JSON lines and CSV, idempotent, a change updates, bad lines rejected", async () => {
    const first = await imported(
      t,
      admin,
      "contracts",
      ndjson([contract("CT-1"), contract("CT-2", { billingDay: 10 })]),
    );
    expect(first).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, rejectedTotal: 0 });
    const stored = await t.ctx.db
      .selectFrom("contracts")
      .selectAll()
      .where("external_id", "=", "CT-2")
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ billing_day: 10, status: "active", version: 1 });
    clock.advance(1000);
    const header = [
      "externalId",
      "personCode",
      "number",
      "description",
      "startDate",
      "endDate",
      "billingDay",
      "status",
    ];
    const file = csv(header, [
      ["CT-1", customer, "CT-CT-1", "Suporte mensal", "2025-01-01", "", "", "active"],
      ["CT-2", customer, "CT-CT-2", "Suporte mensal", "2025-01-01", "2026-12-31", "10", "ended"],
      ["CT-3", customer, "CT-3", "Novo", "2025-01-01", "", "", "cancelled"],
      ["CT-4", 999_999, "CT-4", "Novo", "2025-01-01", "", "", "active"],
    ]);
    const second = await imported(t, admin, "contracts", file, "text/csv");
    expect(second).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, rejectedTotal: 2 });
    expect(second.rejected.map((r) => [r.line, r.field])).toEqual([
      [4, "status"],
      [5, "personCode"],
    ]);
    expect(second.rejected[0]?.error).toContain("status desconhecido");
    const after = await t.ctx.db
      .selectFrom("contracts")
      .selectAll()
      .where("external_id", "=", "CT-2")
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: "ended", end_date: "2026-12-31", version: 2 });
  });

  it("contract billings: by the contract's external id, linking the receivable; unknown ones rejected", async () => {
    await imported(
      t,
      admin,
      "receivables",
      ndjson([
        {
          externalId: "REC-CT-1",
          personCode: customer,
          documentNumber: "NF 77",
          installment: "1/1",
          issueDate: "2026-01-01",
          dueDate: "2026-01-10",
          amountCents: 50000,
        },
      ]),
    );
    const file = ndjson([
      billing("B-1", { receivableExternalId: "REC-CT-1" }),
      billing("B-2", { period: "2026-02", kind: "variable", status: "pending" }),
      billing("B-3", { contractExternalId: "CT-404" }),
      billing("B-4", { receivableExternalId: "REC-404" }),
      billing("B-5", { period: "2026-13" }),
    ]);
    const first = await imported(t, admin, "contract-billings", file);
    expect(first).toMatchObject({ inserted: 2, rejectedTotal: 3 });
    expect(first.rejected.map((r) => [r.line, r.field])).toEqual([
      [3, "contractExternalId"],
      [4, "receivableExternalId"],
      [5, "period"],
    ]);
    const row = await t.ctx.db
      .selectFrom("contract_billings as b")
      .innerJoin("contracts as c", "c.id", "b.contract_id")
      .innerJoin("receivables as r", "r.id", "b.receivable_id")
      .select([
        "c.external_id as contract",
        "r.external_id as receivable",
        "b.person_id",
        "c.person_id as contract_person",
      ])
      .where("b.external_id", "=", "B-1")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ contract: "CT-1", receivable: "REC-CT-1" });
    expect(row.person_id).toBe(row.contract_person);
    expect(await imported(t, admin, "contract-billings", file)).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });
    const header = ["externalId", "contractExternalId", "period", "kind", "amountCents", "status"];
    const changed = csv(header, [["B-2", "CT-1", "2026-02", "variable", "61000", "charged"]]);
    expect(await imported(t, admin, "contract-billings", changed, "text/csv")).toMatchObject({ updated: 1 });
  });

  it("commission entries: closing and items (JSON lines), idempotent, a closed entry never changes", async () => {
    const closing = { externalId: "FECH-2026-01", periodStart: "2026-01-01", periodEnd: "2026-01-31" };
    const items = [
      { product: "Impressora", quantity: 2, baseCents: 60000, rate: 5, amountCents: 3000 },
      { product: "Cabo", quantity: 2.5, baseCents: 40000, rate: 5.625, amountCents: 2250 },
    ];
    const file = ndjson([
      entry("E-1", { items }),
      entry("E-2", { status: "closed", closing, date: "2026-01-20" }),
      entry("E-3", {
        status: "closed",
        closing,
        date: "2026-01-21",
        kind: "passThrough",
        amountCents: -1200,
        rate: null,
      }),
      entry("E-4", { sellerCode: customer }),
      entry("E-5", { sellerCode: 999_999 }),
      entry("E-6", { personCode: 999_998 }),
      entry("E-7", { kind: "bonus" }),
      entry("E-8", { status: "closed" }),
    ]);
    const first = await imported(t, admin, "commission-entries", file);
    expect(first).toMatchObject({ inserted: 3, rejectedTotal: 5 });
    expect(first.rejected.map((r) => [r.line, r.field])).toEqual([
      [4, "sellerCode"],
      [5, "sellerCode"],
      [6, "personCode"],
      [7, "kind"],
      [8, "closing"],
    ]);
    const e1 = await t.ctx.db
      .selectFrom("commission_entries")
      .selectAll()
      .where("external_id", "=", "E-1")
      .executeTakeFirstOrThrow();
    expect(e1).toMatchObject({ rate_ppm: 52500, item_count: 2, closing_id: null, status: "open" });
    const stored = await t.ctx.db
      .selectFrom("commission_items")
      .selectAll()
      .where("entry_id", "=", e1.id)
      .orderBy("position")
      .execute();
    expect(stored.map((i) => [i.product, i.quantity_milli, i.rate_ppm])).toEqual([
      ["Impressora", 2000, 50000],
      ["Cabo", 2500, 56250],
    ]);
    const closings = await t.ctx.db.selectFrom("commission_closings").selectAll().execute();
    expect(closings).toHaveLength(1);
    expect(closings[0]).toMatchObject({ external_id: "FECH-2026-01", closed_on: "2026-01-31" });
    const e3 = await t.ctx.db
      .selectFrom("commission_entries")
      .selectAll()
      .where("external_id", "=", "E-3")
      .executeTakeFirstOrThrow();
    expect(e3).toMatchObject({ closing_id: closings[0]?.id, amount_cents: -1200, rate_ppm: null });

    clock.advance(1000);
    const again = await imported(t, admin, "commission-entries", file);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(
      (
        await t.ctx.db
          .selectFrom("commission_entries")
          .select("version")
          .where("id", "=", e1.id)
          .executeTakeFirstOrThrow()
      ).version,
    ).toBe(1);

    const changes = ndjson([
      entry("E-1", { items: [items[0]], amountCents: 3000 }),
      entry("E-2", { status: "closed", closing, date: "2026-01-20", amountCents: 9999 }),
    ]);
    const third = await imported(t, admin, "commission-entries", changes);
    expect(third).toMatchObject({ updated: 1, rejectedTotal: 1, rejected: [{ line: 2, field: "externalId" }] });
    const items1 = await t.ctx.db
      .selectFrom("commission_items")
      .select("product")
      .where("entry_id", "=", e1.id)
      .execute();
    expect(items1.map((i) => i.product)).toEqual(["Impressora"]);
    const e1After = await t.ctx.db
      .selectFrom("commission_entries")
      .selectAll()
      .where("id", "=", e1.id)
      .executeTakeFirstOrThrow();
    expect(e1After).toMatchObject({ item_count: 1, amount_cents: 3000, version: 2 });
  });

  it("commission entries from CSV: dotted closing columns and items as JSON in a cell", async () => {
    const header = [
      "externalId",
      "sellerCode",
      "personCode",
      "date",
      "kind",
      "baseCents",
      "rate",
      "amountCents",
      "status",
      "closing.externalId",
      "closing.periodStart",
      "closing.periodEnd",
      "items",
    ];
    const items = JSON.stringify([{ product: "Licença", quantity: 1, baseCents: 10000, rate: 10, amountCents: 1000 }]);
    const file = csv(header, [
      ["CSV-1", seller, customer, "2026-02-01", "commission", 10000, "10", 1000, "open", "", "", "", items],
      [
        "CSV-2",
        seller,
        "",
        "2026-01-15",
        "adjustment",
        0,
        "",
        -500,
        "closed",
        "FECH-CSV",
        "2026-01-01",
        "2026-01-31",
        "",
      ],
      ["CSV-3", seller, customer, "2026-02-01", "commission", 10000, "5,5", 550, "open", "", "", "", "[oops"],
    ]);
    const first = await imported(t, admin, "commission-entries", file, "text/csv");
    expect(first).toMatchObject({ inserted: 2, rejectedTotal: 1, rejected: [{ line: 4, field: "items" }] });
    const csv2 = await t.ctx.db
      .selectFrom("commission_entries as e")
      .innerJoin("commission_closings as c", "c.id", "e.closing_id")
      .select(["e.person_id", "c.external_id", "e.amount_cents"])
      .where("e.external_id", "=", "CSV-2")
      .executeTakeFirstOrThrow();
    expect(csv2).toEqual({ person_id: null, external_id: "FECH-CSV", amount_cents: -500 });
    expect(await imported(t, admin, "commission-entries", file, "text/csv")).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });
  });
});
