import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContractBillingList } from "../../shared/contracts.schemas.ts";
import type { ClosingList, CurrentAccountList } from "../../shared/current-account.schemas.ts";
import type { ReceivableList } from "../../shared/receivables.schemas.ts";
import { buildTestApp, type TestApp } from "../test/test-app.ts";
import { seedDemo } from "./demo.ts";

/** The demo company's money tabs, as its users meet them. */
describe("demo company: A receber, Conta corrente, Contratos", () => {
  let t: TestApp;
  let vendedor: { cookie: string };
  let financeiro: { cookie: string };
  const codes = { joao: 0, padaria: 0, vicente: 0 };

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.ctx);
    vendedor = { cookie: await t.login("vendedor", "vendedor123") };
    financeiro = { cookie: await t.login("financeiro", "financeiro123") };
    const code = async (document: string) =>
      (await t.ctx.db.selectFrom("persons").select("code").where("document", "=", document).executeTakeFirstOrThrow())
        .code;
    codes.joao = await code("52998224725");
    codes.padaria = await code("11222333000181");
    codes.vicente = await code("12345678909");
  }, 180_000);
  afterAll(() => t.close());

  const get = async <T>(user: { cookie: string }, url: string): Promise<T> => {
    const res = await t.as(user, { method: "GET", url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json() as T;
  };

  it("gives João and the Padaria open, overdue and settled receivables, seen by finance and sales", async () => {
    expect(codes.joao).toBe(1);
    expect(codes.padaria).toBe(2);
    for (const code of [codes.joao, codes.padaria]) {
      for (const user of [financeiro, vendedor]) {
        const open = await get<ReceivableList>(user, `/api/persons/${code}/receivables?status=open`);
        expect(open.totals.openCount).toBeGreaterThanOrEqual(2);
        expect(open.totals.overdueCount).toBeGreaterThanOrEqual(1);
        expect(open.totals.settledCount).toBeGreaterThanOrEqual(1);
        expect(open.items.some((r) => r.overdue && r.daysOverdue > 0 && r.updatedCents > r.amountCents)).toBe(true);
      }
    }
    const others = await t.ctx.db.selectFrom("receivables").select("person_id").distinct().execute();
    expect(others.length).toBeGreaterThanOrEqual(10);
  });

  it("gives Vicente's account entries in every status, with items, and two closings", async () => {
    const base = `/api/persons/${codes.vicente}/current-account`;
    for (const status of ["pending", "open", "closed"]) {
      const list = await get<CurrentAccountList>(vendedor, `${base}?status=${status}`);
      expect(list.mode, status).toBe("seller");
      expect(list.items.length, status).toBeGreaterThan(0);
      const items = await get<CurrentAccountList>(vendedor, `${base}?status=${status}&view=item`);
      expect(items.items.length, status).toBeGreaterThan(0);
    }
    const closings = await get<ClosingList>(vendedor, `${base}/closings`);
    expect(closings.items.length).toBeGreaterThanOrEqual(2);
    expect(closings.items.every((c) => c.entryCount > 0)).toBe(true);
  });

  it("shows the vendedor his own entries coming from João, and finance the reason it has no account", async () => {
    const fromJoao = await get<CurrentAccountList>(
      vendedor,
      `/api/persons/${codes.joao}/current-account?status=closed`,
    );
    expect(fromJoao.mode).toBe("customer");
    expect(fromJoao.items.length).toBeGreaterThan(0);
    const res = await t.as(financeiro, { method: "GET", url: `/api/persons/${codes.joao}/current-account` });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("current_account_disabled");
  });

  it("bills João's and the Padaria's contracts in every status, charged ones linked to receivables", async () => {
    const statuses = new Set<string>();
    for (const code of [codes.joao, codes.padaria]) {
      const list = await get<ContractBillingList>(financeiro, `/api/persons/${code}/contract-billings?limit=500`);
      for (const b of list.items) {
        statuses.add(b.status);
        if (b.status === "charged") expect(b.receivable, `billing ${b.id}`).not.toBeNull();
      }
    }
    expect([...statuses].sort()).toEqual(["charged", "donated", "paralyzed", "pending", "suspended"]);
    const variable = await get<ContractBillingList>(
      vendedor,
      `/api/persons/${codes.joao}/contract-billings?kind=variable`,
    );
    expect(variable.items.length).toBeGreaterThan(0);
  });
});
