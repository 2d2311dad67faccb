import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClosingList, CommissionEntry, CurrentAccountList } from "../../../shared/current-account.schemas.ts";
import type { Person } from "../../../shared/persons.schemas.ts";
import { insertEntry, personIdOf } from "../../seed/finance-rows.ts";
import { accountFixture } from "../../test/current-account-fixture.ts";
import { makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

describe("Conta corrente: enable rule, focused seller, focused customer", () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof accountFixture>>;
  beforeAll(async () => {
    t = await buildTestApp();
    f = await accountFixture(t);
  });
  afterAll(() => t.close());

  const get = (user: TestUser, url: string) => t.as(user, { method: "GET", url });
  const account = async (user: TestUser, person: Person, query = "") => {
    const res = await get(user, `/api/persons/${person.code}/current-account${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as CurrentAccountList;
  };
  const entryIds = (list: CurrentAccountList) => list.items.map((i) => (i as CommissionEntry).id);

  describe("enable rule", () => {
    it("answers 403 current_account_disabled, with the reason, to a user linked to no person", async () => {
      const finance = await userWithGrants(t, [{ categoryId: f.cats.Cliente, tab: "currentAccount", level: "read" }]);
      for (const url of [
        `/api/persons/${f.alfa.code}/current-account`,
        `/api/persons/${f.alfa.code}/current-account/closings`,
        `/api/current-account/entries/${f.ids.openAlfa}`,
      ]) {
        const res = await get(finance, url);
        expect(res.statusCode, url).toBe(403);
        expect(res.json().error.code).toBe("current_account_disabled");
        expect(res.json().error.message).toContain("não está vinculado a uma pessoa");
      }
      expect((await get(finance, "/api/me")).json().currentAccountEnabled).toBe(false);
    });

    it("answers the reason to a user linked to a person who is not a seller, as /api/me says", async () => {
      const user = await userWithGrants(t, [{ categoryId: f.cats.Cliente, tab: "currentAccount", level: "read" }]);
      await f.link(user, await personIdOf(t.ctx.db, f.beta.code));
      const res = await get(user, `/api/persons/${f.alfa.code}/current-account`);
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: "current_account_disabled" });
      expect(res.json().error.message).toContain("Loja Beta) não é funcionário nem representante");
      expect((await get(user, "/api/me")).json().currentAccountEnabled).toBe(false);
      expect((await get(f.ritaUser, "/api/me")).json().currentAccountEnabled).toBe(true);
    });

    it("checks the tab first: invisible person 404, no tab 403 forbidden", async () => {
      const stranger = await userWithGrants(t, [
        { categoryId: f.cats.Fornecedor, tab: "currentAccount", level: "read" },
      ]);
      await f.link(stranger, await personIdOf(t.ctx.db, f.paulo.code));
      expect((await get(stranger, `/api/persons/${f.alfa.code}/current-account`)).statusCode).toBe(404);
      const noTab = await userWithGrants(t, [{ categoryId: f.cats.Cliente, tab: "receivables", level: "read" }]);
      await f.link(noTab, await personIdOf(t.ctx.db, f.paulo.code));
      const res = await get(noTab, `/api/persons/${f.alfa.code}/current-account`);
      expect([res.statusCode, res.json().error.code]).toEqual([403, "forbidden"]);
    });
  });

  describe("focused seller", () => {
    it("shows that seller's open entries by default, with totals", async () => {
      const body = await account(f.pauloUser, f.rita);
      expect(body).toMatchObject({ view: "entry", mode: "seller", seller: { code: f.rita.code }, customer: null });
      expect(entryIds(body)).toEqual([f.ids.openBeta, f.ids.openAlfa]);
      expect(body.totals).toEqual({ count: 2, creditCents: 5_250, debitCents: 0, balanceCents: 5_250 });
    });

    it("filters pending and closed, debits counted apart", async () => {
      const pending = await account(f.pauloUser, f.rita, "?status=pending");
      expect(entryIds(pending)).toEqual([f.ids.pendingAlfa]);
      expect(pending.items[0]).toMatchObject({ rate: 5.25, baseCents: 62_857, status: "pending", closing: null });
      const closed = await account(f.pauloUser, f.rita, "?status=closed");
      expect(entryIds(closed)).toEqual([f.ids.febAdjust, f.ids.febBeta, f.ids.janBeta, f.ids.janAlfa]);
      expect(closed.totals).toEqual({ count: 4, creditCents: 14_000, debitCents: 1_500, balanceCents: 12_500 });
      const adjust = closed.items[0] as CommissionEntry;
      expect(adjust).toMatchObject({ kind: "adjustment", direction: "debit", amountCents: -1_500, person: null });
      expect(adjust.closing).toMatchObject({ id: f.ids.feb, periodStart: "2026-02-01", closedOn: "2026-03-02" });
    });

    it("lists one closing's entries, and refuses another seller's closing or a status that contradicts it", async () => {
      const jan = await account(f.pauloUser, f.rita, `?closingId=${f.ids.jan}`);
      expect(entryIds(jan)).toEqual([f.ids.janBeta, f.ids.janAlfa]);
      expect(jan.totals.balanceCents).toBe(7_000);
      const wrongStatus = await get(
        f.pauloUser,
        `/api/persons/${f.rita.code}/current-account?closingId=${f.ids.jan}&status=open`,
      );
      expect(wrongStatus.statusCode).toBe(400);
      expect(wrongStatus.json().error.details[0].field).toBe("status");
      const notHers = await get(f.pauloUser, `/api/persons/${f.paulo.code}/current-account?closingId=${f.ids.jan}`);
      expect(notHers.statusCode).toBe(400);
      expect(notHers.json().error.details[0].field).toBe("closingId");
    });

    it("offers the seller's closings, newest first, with their sums", async () => {
      const res = await get(f.pauloUser, `/api/persons/${f.rita.code}/current-account/closings`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as ClosingList;
      expect(body.mode).toBe("seller");
      expect(body.items).toEqual([
        expect.objectContaining({ id: f.ids.feb, periodEnd: "2026-02-28", entryCount: 2, totalCents: 5_500 }),
        expect.objectContaining({ id: f.ids.jan, periodEnd: "2026-01-31", entryCount: 2, totalCents: 7_000 }),
      ]);
    });
  });

  describe("focused customer", () => {
    it("shows only the logged-in seller's entries coming from that customer", async () => {
      const hers = await account(f.ritaUser, f.alfa, "?status=open");
      expect(hers).toMatchObject({ mode: "customer", seller: { code: f.rita.code }, customer: { code: f.alfa.code } });
      expect(entryIds(hers)).toEqual([f.ids.openAlfa]);
      const his = await account(f.pauloUser, f.alfa, "?status=open");
      expect(his.seller.code).toBe(f.paulo.code);
      expect(entryIds(his)).toEqual([f.ids.pauloAlfa]);
      expect(entryIds(await account(f.ritaUser, f.alfa, "?status=closed"))).toEqual([f.ids.janAlfa]);
    });

    it("offers only the closings holding entries from that customer, summed for it", async () => {
      const res = await get(f.ritaUser, `/api/persons/${f.alfa.code}/current-account/closings`);
      expect(res.json().items).toEqual([expect.objectContaining({ id: f.ids.jan, entryCount: 1, totalCents: 5_000 })]);
      const jan = await account(f.ritaUser, f.alfa, `?closingId=${f.ids.jan}`);
      expect(entryIds(jan)).toEqual([f.ids.janAlfa]);
    });

    it("follows the selected category when the person is both customer and seller", async () => {
      const both = await makePerson(t.ctx, { categoryIds: [f.cats.Cliente, f.cats.Representante], name: "Ana Ambos" });
      const bothId = await personIdOf(t.ctx.db, both.code);
      await insertEntry(t.ctx.db, { sellerId: bothId, date: "2026-03-01", status: "open", amountCents: 10 });
      const fromHer = await insertEntry(t.ctx.db, {
        sellerId: await personIdOf(t.ctx.db, f.rita.code),
        personId: bothId,
        date: "2026-03-02",
        status: "open",
        amountCents: 20,
      });
      const asCustomer = await account(f.ritaUser, both, `?category=${f.cats.Cliente}`);
      expect(asCustomer.mode).toBe("customer");
      expect(entryIds(asCustomer)).toEqual([fromHer]);
      const asSeller = await account(f.ritaUser, both, `?category=${f.cats.Representante}`);
      expect(asSeller).toMatchObject({ mode: "seller", seller: { code: both.code } });
      expect(asSeller.totals.balanceCents).toBe(10);
    });
  });
});
