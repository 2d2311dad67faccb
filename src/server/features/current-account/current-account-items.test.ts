import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommissionEntry, CurrentAccountList } from "../../../shared/current-account.schemas.ts";
import type { Person } from "../../../shared/persons.schemas.ts";
import { insertEntry, personIdOf } from "../../seed/finance-rows.ts";
import { accountFixture } from "../../test/current-account-fixture.ts";
import { makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

describe("Conta corrente: by item, paging, details, filters", () => {
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

  describe("by item", () => {
    it("lists items with their entry, and pages through them by keyset", async () => {
      const all = await account(f.pauloUser, f.rita, "?view=item&status=closed");
      expect(all.view).toBe("item");
      expect(all.items).toEqual([
        expect.objectContaining({
          entryId: f.ids.janAlfa,
          product: "Licença ERP",
          quantity: 1,
          rate: 5,
          amountCents: 3_000,
        }),
        expect.objectContaining({ entryId: f.ids.janAlfa, product: "Treinamento", quantity: 2.5, amountCents: 2_000 }),
      ]);
      expect(all.totals.count).toBe(4);
      const first = await account(f.pauloUser, f.rita, "?view=item&status=closed&limit=1");
      expect(first.items).toHaveLength(1);
      const second = await account(f.pauloUser, f.rita, `?view=item&status=closed&limit=1&cursor=${first.nextCursor}`);
      expect(second.items.map((i) => i.id)).toEqual([all.items[1]?.id]);
      expect(second.nextCursor).toBeNull();
      // An entry cursor is not an item cursor.
      const entries = await account(f.pauloUser, f.rita, "?status=closed&limit=1");
      const mixed = await get(
        f.pauloUser,
        `/api/persons/${f.rita.code}/current-account?view=item&cursor=${entries.nextCursor}`,
      );
      expect(mixed.statusCode).toBe(400);
    });

    it("pages items across entry boundaries, a page ending inside an entry", async () => {
      const seller = await makePerson(t.ctx, { categoryIds: [f.cats.Representante], name: "Sara Itens" });
      const sellerId = await personIdOf(t.ctx.db, seller.code);
      const item = (n: number) => ({ product: `Produto ${n}`, quantity: 1, baseCents: 100, rate: 1, amountCents: n });
      // Two entries on the same date (the id breaks the tie), with 3, 2 and 3 items.
      for (const [date, count] of [
        ["2026-03-01", 3],
        ["2026-03-02", 2],
        ["2026-03-02", 3],
      ] as const) {
        await insertEntry(t.ctx.db, {
          sellerId,
          date,
          status: "open",
          amountCents: 1,
          items: Array.from({ length: count }, (_, i) => item(i + 1)),
        });
      }
      const all = await account(f.pauloUser, seller, "?view=item&limit=500");
      expect(all.items).toHaveLength(8);
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page: CurrentAccountList = await account(
          f.pauloUser,
          seller,
          `?view=item&limit=3${cursor ? `&cursor=${cursor}` : ""}`,
        );
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.items.map((i) => i.id));
    });

    it("pages entries by keyset without repeats", async () => {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page: CurrentAccountList = await account(
          f.pauloUser,
          f.rita,
          `?status=closed&limit=3${cursor ? `&cursor=${cursor}` : ""}`,
        );
        seen.push(...entryIds(page));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([f.ids.febAdjust, f.ids.febBeta, f.ids.janBeta, f.ids.janAlfa]);
    });
  });

  describe("entry details", () => {
    it("shows the entry with its items and closing", async () => {
      const res = await get(f.pauloUser, `/api/current-account/entries/${f.ids.janAlfa}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        id: f.ids.janAlfa,
        seller: { code: f.rita.code, name: "Rita Representante" },
        person: { code: f.alfa.code, name: "Loja Alfa" },
        status: "closed",
        originDocument: "NF 10",
        closing: { id: f.ids.jan, periodStart: "2026-01-01", periodEnd: "2026-01-31" },
        itemCount: 2,
        items: [
          { product: "Licença ERP", quantity: 1, baseCents: 60_000, rate: 5, amountCents: 3_000 },
          { product: "Treinamento", quantity: 2.5, baseCents: 40_000, rate: 5, amountCents: 2_000 },
        ],
      });
    });

    it("lets a seller see their own entry through the customer's grant, and nothing else", async () => {
      // Rita, with the grant on customers only: her entry from Alfa yes, her customer-less adjustment no.
      const customersOnly = await userWithGrants(t, [
        { categoryId: f.cats.Cliente, tab: "currentAccount", level: "read" },
      ]);
      await f.link(customersOnly, await personIdOf(t.ctx.db, f.rita.code));
      expect((await get(customersOnly, `/api/current-account/entries/${f.ids.openAlfa}`)).statusCode).toBe(200);
      expect((await get(customersOnly, `/api/current-account/entries/${f.ids.febAdjust}`)).statusCode).toBe(404);
      // Paulo's entry from Alfa is not hers.
      expect((await get(customersOnly, `/api/current-account/entries/${f.ids.pauloAlfa}`)).statusCode).toBe(404);
      expect((await get(customersOnly, "/api/current-account/entries/999999")).statusCode).toBe(404);
    });
  });

  it("refuses bad filter values with 400 naming the field", async () => {
    for (const [query, field] of [
      ["?view=lancamento", "view"],
      ["?status=fechado", "status"],
      ["?closingId=abc", "closingId"],
      ["?cursor=xyz", "cursor"],
    ] as const) {
      const res = await get(f.pauloUser, `/api/persons/${f.rita.code}/current-account${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });
});
