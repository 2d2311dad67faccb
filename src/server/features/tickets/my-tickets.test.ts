import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TicketSummary } from "../../../shared/tickets.schemas.ts";
import { type TestClock, testClock } from "../../test/clock.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { openTicket, type TicketRefs, ticketBody, ticketRefs } from "../../test/tickets.ts";

const HOUR = 60 * 60_000;

/** "Meus atendimentos": what is on my desk, across persons, only what I may see. */
describe("tickets: my tickets", () => {
  let t: TestApp;
  let clock: TestClock;
  let refs: TicketRefs;
  let admin: TestUser;
  let me: TestUser;
  let serviceOnly: TestUser;
  let other: TestUser;
  let cats: Awaited<ReturnType<typeof categoryIds>>;

  beforeAll(async () => {
    clock = testClock("2026-03-02T12:00:00.000Z");
    t = await buildTestApp({ now: clock.now });
    cats = await categoryIds(t.ctx);
    refs = await ticketRefs(t.ctx);
    admin = await t.user({ isAdmin: true });
    const both = [
      { categoryId: cats.Cliente, tab: "tickets" as const, level: "write" as const },
      { categoryId: cats.Cliente, tab: "production" as const, level: "write" as const },
    ];
    me = await userWithGrants(t, both);
    other = await userWithGrants(t, both);
    serviceOnly = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "tickets", level: "write" }]);
  });
  afterAll(() => t.close());

  const mine = async (user: TestUser, query = "") => {
    const res = await t.as(user, { method: "GET", url: `/api/my-tickets${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: TicketSummary[]; nextCursor: string | null };
  };
  const ids = async (user: TestUser) => (await mine(user, "?limit=500")).items.map((i) => i.id);
  const assign = (ticketId: number, set: { responsible_user_id?: number | null; internal_contact_user_id?: number }) =>
    t.ctx.db.updateTable("tickets").set(set).where("id", "=", ticketId).execute();

  it("lists open tickets I am responsible for and those whose internal contact with me is due", async () => {
    const p = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Cliente da Minha Mesa" });
    const open = (over: Record<string, unknown>) => openTicket(t, admin, p.code, ticketBody(refs, over));
    const responsible = await open({ responsibleUserId: me.id, dueAt: "2026-03-04T12:00:00Z" });
    const contactDue = await open({ responsibleUserId: other.id, dueAt: "2026-03-03T12:00:00Z" });
    const contactLater = await open({ responsibleUserId: other.id, dueAt: "2026-03-01T12:00:00Z" });
    const closed = await open({ responsibleUserId: me.id });
    const othersOnly = await open({ responsibleUserId: other.id });
    const production = await open({ area: "production", responsibleUserId: me.id, dueAt: "2026-03-05T12:00:00Z" });
    const setContact = async (id: number, at: string) => {
      const res = await t.as(admin, {
        method: "PATCH",
        url: `/api/tickets/${id}`,
        payload: { internalContactAt: at, internalContactUserId: me.id, version: 1 },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await setContact(contactDue.id, "2026-03-02T11:00:00Z");
    await setContact(contactLater.id, "2026-03-02T15:00:00Z");
    // Responsible and internal contact at once: listed once.
    await setContact(responsible.id, "2026-03-02T10:00:00Z");
    await t.as(admin, {
      method: "POST",
      url: `/api/tickets/${closed.id}/notes`,
      payload: { text: "Ok.", close: true },
    });

    // Earliest due first: contactDue (03/03), responsible (04/03), production (05/03).
    expect(await ids(me)).toEqual([contactDue.id, responsible.id, production.id]);
    expect(await ids(other)).toEqual(expect.arrayContaining([contactDue.id, contactLater.id, othersOnly.id]));
    expect(await ids(other)).not.toContain(responsible.id);

    // When the internal contact time comes, that ticket joins the list, first (its due date is earliest).
    clock.advance(4 * HOUR);
    expect(await ids(me)).toEqual([contactLater.id, contactDue.id, responsible.id, production.id]);
  });

  it("pages with a keyset cursor over (due date, id)", async () => {
    const all = await ids(me);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await mine(me, `?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(seen).toEqual(all);
    expect(pages).toBe(all.length);
    const bad = await t.as(me, { method: "GET", url: "/api/my-tickets?cursor=bm9wZQ" });
    expect(bad.statusCode).toBe(400);
  });

  it("leaves out production tickets for a user without Produção, and persons the user cannot see", async () => {
    const p = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Cliente do Atendente" });
    const supplier = await makePerson(t.ctx, { categoryIds: [cats.Fornecedor], name: "Fornecedor Invisível" });
    const service = await openTicket(t, admin, p.code, ticketBody(refs, { responsibleUserId: serviceOnly.id }));
    const production = await openTicket(t, admin, p.code, ticketBody(refs, { area: "production" }));
    const hidden = await openTicket(t, admin, supplier.code, ticketBody(refs));
    // Assigned when the user could still see them (or by an import): the list must still hide them.
    await assign(production.id, { responsible_user_id: serviceOnly.id });
    await assign(hidden.id, { responsible_user_id: serviceOnly.id });
    const list = await mine(serviceOnly, "?limit=500");
    expect(list.items.map((i) => i.id)).toEqual([service.id]);
    expect(JSON.stringify(list)).not.toContain(production.subject);

    await assign(production.id, { responsible_user_id: me.id });
    expect(await ids(me)).toContain(production.id);
    // An administrator sees every ticket assigned to them.
    await assign(hidden.id, { responsible_user_id: admin.id });
    expect(await ids(admin)).toContain(hidden.id);
  });
});
