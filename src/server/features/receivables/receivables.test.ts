import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Person } from "../../../shared/persons.schemas.ts";
import type { Receivable, ReceivableList } from "../../../shared/receivables.schemas.ts";
import { insertBilling, insertContract, insertReceivable, personIdOf } from "../../seed/finance-rows.ts";
import { testClock } from "../../test/clock.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

/** 23:30 of 2026-03-09 in São Paulo, already 2026-03-10 in UTC. */
const BEFORE_MIDNIGHT = "2026-03-10T02:30:00.000Z";

describe("A receber", () => {
  const clock = testClock(BEFORE_MIDNIGHT);
  let t: TestApp;
  let reader: TestUser;
  let cats: Awaited<ReturnType<typeof categoryIds>>;
  let customer: Person;
  let ids: Record<string, number>;

  beforeAll(async () => {
    t = await buildTestApp({ now: clock.now });
    cats = await categoryIds(t.ctx);
    reader = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "receivables", level: "read" }]);
    customer = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Mercearia Boa Vista" });
    const personId = await personIdOf(t.ctx.db, customer.code);
    ids = {
      dueToday: await insertReceivable(t.ctx.db, {
        personId,
        documentNumber: "NF 101",
        installment: "1/2",
        issueDate: "2026-02-09",
        dueDate: "2026-03-09",
        amountCents: 100_000,
      }),
      dueYesterday: await insertReceivable(t.ctx.db, {
        personId,
        documentNumber: "NF 100",
        issueDate: "2026-02-08",
        dueDate: "2026-03-08",
        amountCents: 50_000,
        interestCents: 500,
        fineCents: 1_000,
        discountCents: 200,
        paidCents: 10_000,
      }),
      future: await insertReceivable(t.ctx.db, {
        personId,
        documentNumber: "NF 102",
        installment: "2/2",
        issueDate: "2026-02-09",
        dueDate: "2026-04-09",
        amountCents: 100_000,
      }),
      settledLate: await insertReceivable(t.ctx.db, {
        personId,
        documentNumber: "NF 90",
        issueDate: "2026-01-01",
        dueDate: "2026-01-31",
        amountCents: 30_000,
        fineCents: 600,
        paidCents: 30_600,
        settledAt: "2026-02-05",
        paymentMethod: "PIX",
      }),
    };
    // Another person's receivable never shows here.
    const other = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Outra Pessoa" });
    await insertReceivable(t.ctx.db, {
      personId: await personIdOf(t.ctx.db, other.code),
      dueDate: "2026-01-01",
      amountCents: 999,
    });
  });
  afterAll(() => t.close());

  const list = async (query = "", user: TestUser = reader) => {
    const res = await t.as(user, { method: "GET", url: `/api/persons/${customer.code}/receivables${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ReceivableList;
  };

  it("lists open receivables, oldest due first, with the updated value and days overdue of São Paulo's today", async () => {
    clock.set(BEFORE_MIDNIGHT);
    const body = await list();
    expect(body.today).toBe("2026-03-09");
    expect(body.items.map((r) => r.id)).toEqual([ids.dueYesterday, ids.dueToday, ids.future]);
    const [yesterday, today, future] = body.items as [Receivable, Receivable, Receivable];
    // Calendar dates travel as text: never a day off, whatever the zone.
    expect(yesterday.dueDate).toBe("2026-03-08");
    expect(yesterday.issueDate).toBe("2026-02-08");
    expect(yesterday).toMatchObject({ overdue: true, daysOverdue: 1, status: "open" });
    // 50 000 + 500 + 1 000 − 200 − 10 000
    expect(yesterday.updatedCents).toBe(41_300);
    expect(today).toMatchObject({ dueDate: "2026-03-09", overdue: false, daysOverdue: 0, updatedCents: 100_000 });
    expect(future).toMatchObject({ overdue: false, daysOverdue: 0, installment: "2/2", documentNumber: "NF 102" });
  });

  it("turns a receivable overdue at midnight in São Paulo, not at midnight UTC", async () => {
    clock.set("2026-03-10T02:59:59.000Z");
    let body = await list();
    expect(body.items.find((r) => r.id === ids.dueToday)).toMatchObject({ overdue: false, daysOverdue: 0 });
    expect(body.totals).toMatchObject({ overdueCount: 1, overdueCents: 41_300 });
    clock.set("2026-03-10T03:00:00.000Z");
    body = await list();
    expect(body.today).toBe("2026-03-10");
    expect(body.items.find((r) => r.id === ids.dueToday)).toMatchObject({ overdue: true, daysOverdue: 1 });
    expect(body.items.find((r) => r.id === ids.dueYesterday)).toMatchObject({ daysOverdue: 2 });
    expect(body.totals).toMatchObject({ overdueCount: 2, overdueCents: 141_300 });
  });

  it("answers totals of the whole person, the same whichever status is listed", async () => {
    clock.set(BEFORE_MIDNIGHT);
    const open = await list("?status=open");
    const settled = await list("?status=settled");
    const expected = {
      openCount: 3,
      openCents: 41_300 + 100_000 + 100_000,
      overdueCount: 1,
      overdueCents: 41_300,
      settledCount: 1,
      settledPaidCents: 30_600,
    };
    expect(open.totals).toEqual(expected);
    expect(settled.totals).toEqual(expected);
  });

  it("lists settled receivables with the settlement, and how late they were paid", async () => {
    const body = await list("?status=settled");
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      id: ids.settledLate,
      status: "settled",
      settledAt: "2026-02-05",
      paymentMethod: "PIX",
      overdue: false,
      daysOverdue: 5,
      updatedCents: 0,
    });
  });

  it("uses the company's time zone from the settings", async () => {
    // 00:30 of 03-10 in São Paulo is still 23:30 of 03-09 in Manaus (UTC−4).
    clock.set("2026-03-10T03:30:00.000Z");
    expect((await list()).today).toBe("2026-03-10");
    await t.ctx.db.updateTable("company_settings").set({ time_zone: "America/Manaus" }).execute();
    try {
      const body = await list();
      expect(body.today).toBe("2026-03-09");
      expect(body.items.find((r) => r.id === ids.dueToday)).toMatchObject({ overdue: false });
    } finally {
      await t.ctx.db.updateTable("company_settings").set({ time_zone: "America/Sao_Paulo" }).execute();
    }
  });

  it("pages by keyset without repeating or skipping", async () => {
    const many = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Cliente de Muitos Títulos" });
    const personId = await personIdOf(t.ctx.db, many.code);
    // Same due dates on purpose: the id breaks ties.
    for (let i = 0; i < 7; i++) {
      await insertReceivable(t.ctx.db, {
        personId,
        documentNumber: `NF ${i}`,
        dueDate: `2026-05-0${1 + (i % 3)}`,
        amountCents: 1_000 + i,
      });
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/persons/${many.code}/receivables?limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await t.as(reader, { method: "GET", url });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as ReceivableList;
      seen.push(...body.items.map((r) => r.id));
      expect(body.totals.openCount).toBe(7);
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    const all = await t.as(reader, { method: "GET", url: `/api/persons/${many.code}/receivables?limit=500` });
    expect(seen).toEqual((all.json() as ReceivableList).items.map((r) => r.id));
  });

  it("refuses a bad status, limit or cursor with 400 naming the field", async () => {
    const bad = async (query: string, field: string) => {
      const res = await t.as(reader, { method: "GET", url: `/api/persons/${customer.code}/receivables${query}` });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    };
    await bad("?status=paid", "status");
    await bad("?limit=0", "limit");
    await bad("?cursor=bm9wZQ", "cursor");
    // A cursor of the settled list is not one of the open list.
    const settledCursor = Buffer.from(JSON.stringify(["rs", "2026-01-01", 1])).toString("base64url");
    await bad(`?status=open&cursor=${settledCursor}`, "cursor");
    const res = await t.as(reader, { method: "GET", url: `/api/persons/${customer.code}/receivables?status=paid` });
    expect(res.json().error.message).toContain("status");
  });

  it("shows a receivable's details with the contract billing that produced it", async () => {
    clock.set(BEFORE_MIDNIGHT);
    const personId = await personIdOf(t.ctx.db, customer.code);
    const contractId = await insertContract(t.ctx.db, {
      personId,
      number: "CT-7",
      description: "Suporte mensal",
      startDate: "2026-01-01",
    });
    const receivableId = await insertReceivable(t.ctx.db, {
      personId,
      documentNumber: "NF 200",
      dueDate: "2026-03-20",
      amountCents: 45_000,
    });
    const billingId = await insertBilling(t.ctx.db, {
      contractId,
      period: "2026-03",
      amountCents: 45_000,
      status: "charged",
      receivableId,
    });
    const res = await t.as(reader, { method: "GET", url: `/api/receivables/${receivableId}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: receivableId,
      person: { code: customer.code, name: "Mercearia Boa Vista" },
      dueDate: "2026-03-20",
      billing: { id: billingId, period: "2026-03", kind: "fixed", contractNumber: "CT-7" },
      today: "2026-03-09",
    });
    const plain = await t.as(reader, { method: "GET", url: `/api/receivables/${ids.dueYesterday}` });
    expect(plain.json()).toMatchObject({ billing: null, updatedCents: 41_300, daysOverdue: 1 });
  });

  it("answers 404 for an invisible person or a missing receivable, 403 without the tab", async () => {
    const supplierOnly = await userWithGrants(t, [{ categoryId: cats.Fornecedor, tab: "receivables", level: "write" }]);
    const noTab = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "tickets", level: "write" }]);
    const code = (res: { statusCode: number; json: () => { error: { code: string } } }) => [
      res.statusCode,
      res.json().error.code,
    ];
    const listUrl = `/api/persons/${customer.code}/receivables`;
    expect(code(await t.as(supplierOnly, { method: "GET", url: listUrl }))).toEqual([404, "not_found"]);
    expect(code(await t.as(noTab, { method: "GET", url: listUrl }))).toEqual([403, "forbidden"]);
    const one = `/api/receivables/${ids.dueToday}`;
    expect(code(await t.as(supplierOnly, { method: "GET", url: one }))).toEqual([404, "not_found"]);
    expect(code(await t.as(noTab, { method: "GET", url: one }))).toEqual([403, "forbidden"]);
    expect(code(await t.as(reader, { method: "GET", url: "/api/receivables/999999" }))).toEqual([404, "not_found"]);
    // The selected category must grant the tab: a Cliente-only grant does not open it under Fornecedor.
    const asSupplier = await t.as(reader, { method: "GET", url: `${listUrl}?category=${cats.Fornecedor}` });
    expect(asSupplier.statusCode).toBe(403);
  });
});
