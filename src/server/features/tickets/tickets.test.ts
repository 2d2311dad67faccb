import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Person } from "../../../shared/persons.schemas.ts";
import type { TicketSummary } from "../../../shared/tickets.schemas.ts";
import { type TestClock, testClock } from "../../test/clock.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { notesOf, openTicket, type TicketRefs, ticketBody, ticketRefs } from "../../test/tickets.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe("tickets: create, details and lists", () => {
  let t: TestApp;
  let clock: TestClock;
  let refs: TicketRefs;
  let admin: TestUser;
  let agent: TestUser;
  let cats: Awaited<ReturnType<typeof categoryIds>>;

  beforeAll(async () => {
    clock = testClock("2026-03-02T12:00:00.000Z");
    t = await buildTestApp({ now: clock.now });
    cats = await categoryIds(t.ctx);
    refs = await ticketRefs(t.ctx);
    admin = await t.user({ isAdmin: true, name: "Gustavo Gerente" });
    agent = await userWithGrants(t, [
      { categoryId: cats.Cliente, tab: "tickets", level: "write" },
      { categoryId: cats.Cliente, tab: "production", level: "write" },
    ]);
  });
  afterAll(() => t.close());

  const customer = (name = "Cliente com Atendimentos") => makePerson(t.ctx, { categoryIds: [cats.Cliente], name });
  const list = async (p: Person, query: string, user: TestUser = agent) => {
    const res = await t.as(user, { method: "GET", url: `/api/persons/${p.code}/tickets?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: TicketSummary[]; nextCursor: string | null };
  };

  it("opens a ticket with its first note, due by the type's days and with the type's priority", async () => {
    const p = await customer("Maria Aparecida Souza");
    const created = await openTicket(
      t,
      agent,
      p.code,
      ticketBody(refs, {
        typeId: refs.types.Reclamação,
        productId: refs.products["ERP Gestão"],
        channel: "phone",
        contactName: "Dona Cida",
        note: "Cliente ligou reclamando da demora no suporte.",
      }),
    );
    expect(created).toMatchObject({
      person: { code: p.code, name: "Maria Aparecida Souza" },
      area: "service",
      status: "open",
      subject: "Erro ao emitir nota fiscal",
      type: { id: refs.types.Reclamação, name: "Reclamação" },
      sector: { id: refs.sectors.Suporte, name: "Suporte" },
      product: { id: refs.products["ERP Gestão"], name: "ERP Gestão" },
      responsible: null,
      priority: "high",
      channel: "phone",
      contactName: "Dona Cida",
      openedAt: "2026-03-02T12:00:00.000Z",
      openedBy: { id: agent.id },
      // Reclamação: 1 day.
      dueAt: "2026-03-03T12:00:00.000Z",
      overdue: false,
      internalContactAt: null,
      internalContactUser: null,
      closedAt: null,
      closedBy: null,
      duplicatedFrom: null,
      noteCount: 1,
      lastNoteAt: "2026-03-02T12:00:00.000Z",
      version: 1,
      canWrite: true,
    });
    expect(created.number).toBeGreaterThan(0);
    const notes = await notesOf(t, agent, created.id);
    expect(notes).toEqual([
      {
        id: expect.any(Number),
        ticketId: created.id,
        kind: "user",
        text: "Cliente ligou reclamando da demora no suporte.",
        author: { id: agent.id, name: expect.any(String) },
        createdAt: "2026-03-02T12:00:00.000Z",
      },
    ]);
    const details = await t.as(agent, { method: "GET", url: `/api/tickets/${created.id}` });
    expect(details.statusCode).toBe(200);
    expect(details.json()).toEqual(created);
  });

  it("takes an explicit due date, priority and responsible; numbers tickets one after the other", async () => {
    const p = await customer();
    const first = await openTicket(t, agent, p.code, ticketBody(refs));
    const second = await openTicket(
      t,
      agent,
      p.code,
      ticketBody(refs, {
        area: "production",
        dueAt: "2026-03-10T18:00:00-03:00",
        priority: "urgent",
        responsibleUserId: admin.id,
      }),
    );
    expect(second.number).toBe(first.number + 1);
    expect(second).toMatchObject({
      area: "production",
      type: { name: "Correção de defeito" },
      dueAt: "2026-03-10T21:00:00.000Z",
      priority: "urgent",
      responsible: { id: admin.id, name: "Gustavo Gerente" },
    });
    // Melhoria: 20 days after opening.
    const melhoria = await openTicket(
      t,
      agent,
      p.code,
      ticketBody(refs, { area: "production", typeId: refs.types.Melhoria }),
    );
    expect(Date.parse(melhoria.dueAt) - Date.parse(melhoria.openedAt)).toBe(20 * DAY);
    expect(melhoria.priority).toBe("normal");
  });

  it("lists open and closed tickets per area, newest first, in keyset pages", async () => {
    const p = await customer("Cliente de Muitas Páginas");
    const made: number[] = [];
    for (let i = 0; i < 7; i++) {
      clock.advance(MINUTE);
      made.push((await openTicket(t, agent, p.code, ticketBody(refs, { subject: `Chamado ${i}` }))).id);
    }
    // Two at the same instant: the id breaks the tie.
    made.push((await openTicket(t, agent, p.code, ticketBody(refs, { subject: "Chamado 7" }))).id);
    const production = await openTicket(t, agent, p.code, ticketBody(refs, { area: "production" }));
    // Close two of them.
    for (const id of [made[1], made[4]]) {
      const res = await t.as(agent, {
        method: "POST",
        url: `/api/tickets/${id}/notes`,
        payload: { text: "Resolvido por telefone.", close: true },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const expectedOpen = made.filter((id) => id !== made[1] && id !== made[4]).reverse();

    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(p, `area=service&status=open&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual(expectedOpen);
    expect(pages).toBe(3);

    const closed = await list(p, "area=service&status=closed");
    expect(closed.items.map((i) => i.id)).toEqual([made[4], made[1]]);
    expect(closed.items.every((i) => i.status === "closed" && i.closedAt !== null)).toBe(true);
    expect(closed.nextCursor).toBeNull();

    const prod = await list(p, "area=production&status=open");
    expect(prod.items.map((i) => i.id)).toEqual([production.id]);
    // Defaults: service, open.
    expect((await list(p, "")).items.map((i) => i.id)).toEqual(expectedOpen);
  });

  it("filters by words of the subject (accents and case ignored) or by number", async () => {
    const p = await customer();
    const nfe = await openTicket(t, agent, p.code, ticketBody(refs, { subject: "Rejeição 539 na emissão da NF-e" }));
    const boleto = await openTicket(t, agent, p.code, ticketBody(refs, { subject: "Boleto não registrado no banco" }));
    const ids = async (q: string) => (await list(p, `q=${encodeURIComponent(q)}`)).items.map((i) => i.id);
    expect(await ids("emissao")).toEqual([nfe.id]);
    expect(await ids("REJEIÇÃO nf-e")).toEqual([nfe.id]);
    expect(await ids("boleto banco")).toEqual([boleto.id]);
    expect(await ids("boleto nfe")).toEqual([]);
    expect(await ids(String(boleto.number))).toEqual([boleto.id]);
    expect(await ids("539")).toEqual([nfe.id]);
  });

  it("flags open tickets past their due date as overdue", async () => {
    const p = await customer();
    const due = await openTicket(t, agent, p.code, ticketBody(refs, { dueAt: "2026-03-02T12:30:00Z" }));
    expect(due.overdue).toBe(false);
    clock.advance(60 * MINUTE);
    const later = await t.as(agent, { method: "GET", url: `/api/tickets/${due.id}` });
    expect(later.json().overdue).toBe(true);
    expect((await list(p, "")).items.find((i) => i.id === due.id)?.overdue).toBe(true);
  });

  it("answers 404 for an unknown ticket or person", async () => {
    expect((await t.as(agent, { method: "GET", url: "/api/tickets/999999" })).statusCode).toBe(404);
    expect((await t.as(agent, { method: "GET", url: "/api/persons/999999/tickets" })).statusCode).toBe(404);
    const res = await t.as(agent, { method: "POST", url: "/api/persons/999999/tickets", payload: ticketBody(refs) });
    expect(res.statusCode).toBe(404);
  });
});
