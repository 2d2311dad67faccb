import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContractBilling, ContractBillingList } from "../../../shared/contracts.schemas.ts";
import type { Person } from "../../../shared/persons.schemas.ts";
import { insertBilling, insertContract, insertReceivable, personIdOf } from "../../seed/finance-rows.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

describe("Contratos", () => {
  let t: TestApp;
  let reader: TestUser;
  let cats: Awaited<ReturnType<typeof categoryIds>>;
  let customer: Person;
  let ids: Record<string, number>;

  beforeAll(async () => {
    t = await buildTestApp();
    cats = await categoryIds(t.ctx);
    reader = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "contracts", level: "read" }]);
    customer = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Clínica Sorriso" });
    const personId = await personIdOf(t.ctx.db, customer.code);
    const support = await insertContract(t.ctx.db, {
      personId,
      number: "CT-001",
      description: "Manutenção do sistema",
      startDate: "2025-01-01",
      billingDay: 10,
    });
    const hosting = await insertContract(t.ctx.db, {
      personId,
      number: "CT-002",
      description: "Hospedagem",
      startDate: "2025-06-01",
      endDate: "2026-05-31",
      status: "suspended",
    });
    const receivableId = await insertReceivable(t.ctx.db, {
      personId,
      documentNumber: "NF 501",
      dueDate: "2026-01-10",
      amountCents: 80_000,
      interestCents: 800,
    });
    ids = {
      support,
      hosting,
      receivableId,
      charged: await insertBilling(t.ctx.db, {
        contractId: support,
        period: "2026-01",
        amountCents: 80_000,
        status: "charged",
        receivableId,
      }),
      donated: await insertBilling(t.ctx.db, {
        contractId: support,
        period: "2026-02",
        amountCents: 80_000,
        status: "donated",
      }),
      variable: await insertBilling(t.ctx.db, {
        contractId: support,
        period: "2026-02",
        kind: "variable",
        amountCents: 12_500,
        status: "pending",
        description: "Horas extras de suporte",
      }),
      suspended: await insertBilling(t.ctx.db, {
        contractId: hosting,
        period: "2026-03",
        amountCents: 20_000,
        status: "suspended",
      }),
      paralyzed: await insertBilling(t.ctx.db, {
        contractId: hosting,
        period: "2025-12",
        amountCents: 20_000,
        status: "paralyzed",
      }),
    };
    // Another person's billing never shows here.
    const other = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Outro Cliente" });
    const otherContract = await insertContract(t.ctx.db, {
      personId: await personIdOf(t.ctx.db, other.code),
      number: "CT-900",
      description: "Outro",
      startDate: "2025-01-01",
    });
    await insertBilling(t.ctx.db, { contractId: otherContract, period: "2026-01", amountCents: 1, status: "charged" });
  });
  afterAll(() => t.close());

  const billings = async (query = "") => {
    const res = await t.as(reader, { method: "GET", url: `/api/persons/${customer.code}/contract-billings${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ContractBillingList;
  };

  it("lists every billing by default, newest period first, with totals", async () => {
    const body = await billings();
    expect(body.items.map((b) => b.id)).toEqual([ids.suspended, ids.variable, ids.donated, ids.charged, ids.paralyzed]);
    expect(body.totals).toEqual({ count: 5, amountCents: 212_500, chargedCents: 80_000 });
    const charged = body.items.find((b) => b.id === ids.charged) as ContractBilling;
    expect(charged).toMatchObject({
      period: "2026-01",
      kind: "fixed",
      status: "charged",
      contract: { id: ids.support, number: "CT-001", status: "active" },
      receivable: { id: ids.receivableId, documentNumber: "NF 501", status: "open", updatedCents: 80_800 },
    });
    expect(body.items.find((b) => b.id === ids.donated)?.receivable).toBeNull();
  });

  it("filters by kind and by several statuses", async () => {
    expect((await billings("?kind=variable")).items.map((b) => b.id)).toEqual([ids.variable]);
    const some = await billings("?status=donated,suspended");
    expect(some.items.map((b) => b.id)).toEqual([ids.suspended, ids.donated]);
    expect(some.totals).toEqual({ count: 2, amountCents: 100_000, chargedCents: 0 });
    expect((await billings("?kind=fixed&status=charged,paralyzed")).items.map((b) => b.id)).toEqual([
      ids.charged,
      ids.paralyzed,
    ]);
    expect((await billings(`?contractId=${ids.hosting}`)).items.map((b) => b.id)).toEqual([
      ids.suspended,
      ids.paralyzed,
    ]);
    // Empty means all, as absent does.
    expect((await billings("?kind=&status=")).totals.count).toBe(5);
  });

  it("refuses a filter value that is not allowed with 400 naming the field", async () => {
    const bad = async (query: string, field: string, words: string) => {
      const res = await t.as(reader, {
        method: "GET",
        url: `/api/persons/${customer.code}/contract-billings${query}`,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details).toEqual([expect.objectContaining({ field })]);
      expect(res.json().error.message).toContain(words);
    };
    await bad("?kind=fixed,monthly", "kind", "monthly");
    await bad("?status=charged,cobrado", "status", "cobrado");
    const otherContract = await t.ctx.db
      .selectFrom("contracts")
      .select("id")
      .where("number", "=", "CT-900")
      .executeTakeFirstOrThrow();
    await bad(`?contractId=${otherContract.id}`, "contractId", "contrato");
  });

  it("pages by keyset", async () => {
    const first = await billings("?limit=2");
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await billings(`?limit=2&cursor=${first.nextCursor}`);
    const third = await billings(`?limit=2&cursor=${second.nextCursor}`);
    expect(third.nextCursor).toBeNull();
    expect([...first.items, ...second.items, ...third.items].map((b) => b.id)).toEqual(
      (await billings()).items.map((b) => b.id),
    );
  });

  it("lists the person's contracts", async () => {
    const res = await t.as(reader, { method: "GET", url: `/api/persons/${customer.code}/contracts` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ id: ids.hosting, number: "CT-002", status: "suspended", endDate: "2026-05-31" }),
      expect.objectContaining({ id: ids.support, number: "CT-001", billingDay: 10, endDate: null }),
    ]);
  });

  it("shows a billing with its contract and the linked receivable", async () => {
    const res = await t.as(reader, { method: "GET", url: `/api/contract-billings/${ids.charged}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: ids.charged,
      status: "charged",
      contractDetails: {
        id: ids.support,
        number: "CT-001",
        description: "Manutenção do sistema",
        startDate: "2025-01-01",
        billingDay: 10,
        person: { code: customer.code },
      },
      receivable: { id: ids.receivableId, dueDate: "2026-01-10", amountCents: 80_000 },
    });
  });

  it("answers 404 when invisible or missing, 403 without the tab", async () => {
    const stranger = await userWithGrants(t, [{ categoryId: cats.Fornecedor, tab: "contracts", level: "write" }]);
    const noTab = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "receivables", level: "write" }]);
    const status = async (user: TestUser, url: string) => {
      const res = await t.as(user, { method: "GET", url });
      return [res.statusCode, res.json().error?.code];
    };
    for (const url of [
      `/api/persons/${customer.code}/contract-billings`,
      `/api/persons/${customer.code}/contracts`,
      `/api/contract-billings/${ids.charged}`,
    ]) {
      expect(await status(stranger, url)).toEqual([404, "not_found"]);
      expect(await status(noTab, url)).toEqual([403, "forbidden"]);
    }
    expect(await status(reader, "/api/contract-billings/987654")).toEqual([404, "not_found"]);
  });
});
