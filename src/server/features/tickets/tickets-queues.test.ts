import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { openTicket, ticketBody, ticketRefs, ticketRow } from "../../test/tickets.ts";

/**
 * The ticket queues across persons: what a user's grants cover, the filters, dates that do not
 * exist refused as 400 (a fuzzer found `0000-02-29` answering 500), and a bulk action that is
 * refused for one ticket changes none.
 */
describe("tickets: queues across persons", () => {
  let t: TestApp;
  let admin: TestUser;
  let clerk: TestUser;
  let cliente: { code: number };
  let fornecedor: { code: number };
  let mine: number;
  let hidden: number;
  beforeAll(async () => {
    t = await buildTestApp();
    const cats = await categoryIds(t.ctx);
    const refs = await ticketRefs(t.ctx);
    admin = await t.user({ isAdmin: true });
    clerk = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "tickets", level: "write" }]);
    cliente = await makePerson(t.ctx, { name: "Cliente da Fila", categoryIds: [cats.Cliente] });
    fornecedor = await makePerson(t.ctx, { name: "Fornecedor da Fila", categoryIds: [cats.Fornecedor] });
    mine = (await openTicket(t, admin, cliente.code, ticketBody(refs, { subject: "Fila: nota fiscal" }))).id;
    hidden = (await openTicket(t, admin, fornecedor.code, ticketBody(refs, { subject: "Fila: fornecedor" }))).id;
  });
  afterAll(() => t.close());

  const queue = async (user: TestUser, query: string) => {
    const res = await t.as(user, { method: "GET", url: `/api/ticket-queues?${query}` });
    return res;
  };
  const ids = async (user: TestUser, query: string) => {
    const res = await queue(user, query);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { id: number }[]).map((i) => i.id);
  };

  it("lists the open tickets of the categories the user's grants cover, and only those", async () => {
    expect(await ids(admin, "area=service")).toEqual(expect.arrayContaining([mine, hidden]));
    const seen = await ids(clerk, "area=service");
    expect(seen).toContain(mine);
    expect(seen).not.toContain(hidden);
    expect(await ids(clerk, "area=production")).toEqual([]);
  });

  it("filters by words of the subject and by opening dates", async () => {
    expect(await ids(admin, `area=service&q=${encodeURIComponent("nota fiscal")}`)).toEqual([mine]);
    // The calendar's first and last days are dates like any other (the day after 9999-12-31 is not).
    expect(await ids(admin, "area=service&openedFrom=0001-01-01&openedTo=9999-12-31")).toEqual(
      expect.arrayContaining([mine, hidden]),
    );
    expect(await ids(admin, "area=service&openedTo=2000-01-01")).toEqual([]);
  });

  it.each(["0000-02-29", "2026-02-30", "2026-13-01", "26-01-01"])(
    "refuses the date %s with 400 naming the field",
    async (date) => {
      for (const field of ["openedFrom", "openedTo"]) {
        const res = await queue(admin, `area=service&${field}=${date}`);
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.details[0]).toMatchObject({ field });
      }
    },
  );

  it("applies a bulk action to none when one ticket is refused", async () => {
    const before = (await ticketRow(t.ctx, mine)).priority;
    const res = await t.as(clerk, {
      method: "POST",
      url: "/api/ticket-queues/bulk",
      payload: { ticketIds: [mine, hidden], action: { kind: "priority", priority: "urgent" } },
    });
    expect(res.statusCode, res.body).toBe(404);
    expect((await ticketRow(t.ctx, mine)).priority).toBe(before);

    const done = await t.as(clerk, {
      method: "POST",
      url: "/api/ticket-queues/bulk",
      payload: { ticketIds: [mine], action: { kind: "priority", priority: "urgent" } },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((await ticketRow(t.ctx, mine)).priority).toBe("urgent");
  });
});
