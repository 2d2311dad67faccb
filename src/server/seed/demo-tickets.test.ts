import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TicketSummary } from "../../shared/tickets.schemas.ts";
import { buildTestApp, type TestApp } from "../test/test-app.ts";
import { seedDemo } from "./demo.ts";
import { seedDemoTickets } from "./demo-tickets.ts";

describe("demo tickets", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.ctx);
  }, 120_000);
  afterAll(() => t.close());

  const login = async (username: string, password: string) => ({ cookie: await t.login(username, password) });
  const get = async (user: { cookie: string }, url: string) => {
    const res = await t.as(user, { method: "GET", url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it("gives about 60 persons tickets of both areas, open and closed, some overdue, numbered 1…N", async () => {
    const rows = await t.ctx.db.selectFrom("tickets").selectAll().orderBy("number").execute();
    const persons = new Set(rows.map((r) => r.person_id));
    expect(persons.size).toBeGreaterThanOrEqual(50);
    expect(persons.size).toBeLessThanOrEqual(70);
    expect(rows.map((r) => r.number)).toEqual(rows.map((_, i) => i + 1));
    const sequence = await t.ctx.db
      .selectFrom("sequences")
      .select("value")
      .where("name", "=", "ticket_number")
      .executeTakeFirstOrThrow();
    expect(sequence.value).toBe(rows.length);
    const now = t.ctx.now().toISOString();
    for (const area of ["service", "production"]) {
      for (const status of ["open", "closed"]) {
        expect(rows.filter((r) => r.area === area && r.status === status).length, `${area} ${status}`).toBeGreaterThan(
          2,
        );
      }
      expect(rows.filter((r) => r.area === area && r.status === "open" && r.due_at < now).length).toBeGreaterThan(0);
    }
    // Closed tickets say when and by whom; open ones do not.
    expect(rows.filter((r) => r.status === "closed").every((r) => r.closed_at && r.closed_by)).toBe(true);
    expect(rows.filter((r) => r.status === "open").every((r) => r.closed_at === null)).toBe(true);
    // Types match the ticket's area.
    const types = new Map(
      (await t.ctx.db.selectFrom("ticket_types").select(["id", "area"]).execute()).map((x) => [x.id, x.area]),
    );
    expect(rows.every((r) => types.get(r.type_id) === r.area)).toBe(true);
  });

  it("writes 2–6 notes per ticket, in order, between the opening and now, counted on the ticket", async () => {
    const tickets = await t.ctx.db.selectFrom("tickets").selectAll().execute();
    const notes = await t.ctx.db.selectFrom("ticket_notes").selectAll().orderBy("id").execute();
    const now = t.ctx.now().toISOString();
    for (const ticket of tickets) {
      const mine = notes.filter((n) => n.ticket_id === ticket.id);
      expect(mine.length, `ticket ${ticket.number}`).toBeGreaterThanOrEqual(2);
      expect(mine.length, `ticket ${ticket.number}`).toBeLessThanOrEqual(6);
      expect(ticket.note_count).toBe(mine.length);
      expect(ticket.last_note_at).toBe(mine.at(-1)?.created_at);
      const times = mine.map((n) => n.created_at);
      expect([...times].sort()).toEqual(times);
      expect(times[0]).toBe(ticket.opened_at);
      expect((times.at(-1) ?? "") <= now).toBe(true);
      expect(mine[0]?.kind).toBe("user");
      if (ticket.status === "closed") expect(mine.at(-1)?.text).toBe("Atendimento encerrado.");
    }
    expect(notes.every((n) => n.text.trim().length > 10 || n.kind === "system")).toBe(true);
  });

  it("shows João Carlos da Silva (code 1) with open and closed tickets in both tabs to the atendente", async () => {
    const atendente = await login("atendente", "atendente123");
    const person = await get(atendente, "/api/persons/1");
    expect(person.name).toBe("João Carlos da Silva");
    const list = async (query: string): Promise<TicketSummary[]> =>
      (await get(atendente, `/api/persons/1/tickets?${query}`)).items;
    const serviceOpen = await list("area=service&status=open");
    expect(serviceOpen.length).toBeGreaterThanOrEqual(2);
    expect(serviceOpen.some((x) => x.overdue)).toBe(true);
    expect((await list("area=service&status=closed")).length).toBeGreaterThanOrEqual(1);
    expect((await list("area=production&status=open")).some((x) => x.overdue)).toBe(true);
    expect((await list("area=production&status=closed")).length).toBeGreaterThanOrEqual(1);
    const notes = (await get(atendente, `/api/tickets/${serviceOpen[0]?.id}/notes`)).items;
    expect(notes.length).toBeGreaterThanOrEqual(2);
  });

  it("fills “Meus atendimentos” of the atendente and the vendedor, without production for the vendedor", async () => {
    const atendente = await login("atendente", "atendente123");
    const mine: TicketSummary[] = (await get(atendente, "/api/my-tickets?limit=500")).items;
    expect(mine.length).toBeGreaterThan(5);
    expect(mine.some((x) => x.person.code === 1 && x.internalContactUser !== null)).toBe(true);
    expect(mine.some((x) => x.area === "production")).toBe(true);

    const vendedor = await login("vendedor", "vendedor123");
    const sales: TicketSummary[] = (await get(vendedor, "/api/my-tickets?limit=500")).items;
    expect(sales.length).toBeGreaterThan(0);
    expect(sales.every((x) => x.area === "service")).toBe(true);
    const production = await t.as(vendedor, { method: "GET", url: "/api/persons/1/tickets?area=production" });
    expect(production.statusCode).toBe(403);
  });

  it("runs once: a second call adds nothing", async () => {
    const before = (await t.ctx.db.selectFrom("tickets").select("id").execute()).length;
    expect(await seedDemoTickets(t.ctx)).toEqual({ tickets: 0, notes: 0 });
    expect((await t.ctx.db.selectFrom("tickets").select("id").execute()).length).toBe(before);
  });
});
