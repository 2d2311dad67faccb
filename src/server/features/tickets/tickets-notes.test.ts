import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestClock, testClock } from "../../test/clock.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import {
  noteCount,
  notesOf,
  openTicket,
  type TicketRefs,
  ticketBody,
  ticketRefs,
  ticketRow,
} from "../../test/tickets.ts";

const MINUTE = 60_000;

describe("tickets: notes, closing and reopening", () => {
  let t: TestApp;
  let clock: TestClock;
  let refs: TicketRefs;
  let agent: TestUser;
  let personCode: number;

  beforeAll(async () => {
    clock = testClock("2026-03-02T12:00:00.000Z");
    t = await buildTestApp({ now: clock.now });
    const cats = await categoryIds(t.ctx);
    refs = await ticketRefs(t.ctx);
    agent = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "tickets", level: "write" }]);
    personCode = (await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Cliente dos Pareceres" })).code;
  });
  afterAll(() => t.close());

  const open = () => openTicket(t, agent, personCode, ticketBody(refs));
  const note = (id: number, payload: Record<string, unknown>) =>
    t.as(agent, { method: "POST", url: `/api/tickets/${id}/notes`, payload });

  it("adds notes and lists the history oldest first, with author and time", async () => {
    const ticket = await open();
    const texts = ["Acessei remotamente a máquina do cliente.", "Certificado digital vencido.", "Cliente vai renovar."];
    for (const text of texts) {
      clock.advance(MINUTE);
      const res = await note(ticket.id, { text });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().note).toMatchObject({ kind: "user", text, author: { id: agent.id } });
      expect(res.json().ticket).toMatchObject({ id: ticket.id, status: "open", version: 1 });
    }
    const history = await notesOf(t, agent, ticket.id);
    expect(history.map((n) => n.text)).toEqual([
      "Cliente relata que a emissão da NF-e para no passo de assinatura.",
      ...texts,
    ]);
    const times = history.map((n) => n.createdAt);
    expect([...times].sort()).toEqual(times);
    const details = (await t.as(agent, { method: "GET", url: `/api/tickets/${ticket.id}` })).json();
    expect(details).toMatchObject({ noteCount: 4, lastNoteAt: times[3] });
  });

  it("pages the history by note id", async () => {
    const ticket = await open();
    for (let i = 1; i <= 4; i++) expect((await note(ticket.id, { text: `Parecer ${i}` })).statusCode).toBe(201);
    const first = await t.as(agent, { method: "GET", url: `/api/tickets/${ticket.id}/notes?limit=3` });
    expect(first.json().items).toHaveLength(3);
    const cursor = first.json().nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const second = await t.as(agent, {
      method: "GET",
      url: `/api/tickets/${ticket.id}/notes?limit=3&cursor=${cursor}`,
    });
    expect(second.json().items.map((n: { text: string }) => n.text)).toEqual(["Parecer 3", "Parecer 4"]);
    expect(second.json().nextCursor).toBeNull();
    const bad = await t.as(agent, { method: "GET", url: `/api/tickets/${ticket.id}/notes?cursor=abc` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("cursor");
  });

  it("keeps HTML and line breaks in a note exactly as typed", async () => {
    const ticket = await open();
    const text = '<script>alert(1)</script>\n<b>negrito</b> & "aspas" — ação';
    const res = await note(ticket.id, { text });
    expect(res.statusCode).toBe(201);
    expect(res.json().note.text).toBe(text);
    expect((await notesOf(t, agent, ticket.id)).at(-1)?.text).toBe(text);
  });

  it("closes a ticket with a note, which must have text", async () => {
    const ticket = await open();
    const before = await noteCount(t.ctx, ticket.id);
    for (const text of ["", "   "]) {
      const empty = await note(ticket.id, { text, close: true });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.message).toContain("text");
    }
    const missing = await note(ticket.id, { close: true });
    expect(missing.statusCode).toBe(400);
    expect(await ticketRow(t.ctx, ticket.id)).toMatchObject({ status: "open", closed_at: null, version: 1 });
    expect(await noteCount(t.ctx, ticket.id)).toBe(before);

    clock.advance(MINUTE);
    const closed = await note(ticket.id, { text: "Problema resolvido, cliente confirmou.", close: true });
    expect(closed.statusCode, closed.body).toBe(201);
    expect(closed.json().ticket).toMatchObject({
      status: "closed",
      closedAt: clock.now().toISOString(),
      closedBy: { id: agent.id },
      version: 2,
    });
    const history = await notesOf(t, agent, ticket.id);
    expect(history.slice(-2).map((n) => [n.kind, n.text])).toEqual([
      ["user", "Problema resolvido, cliente confirmou."],
      ["system", "Atendimento encerrado."],
    ]);
  });

  it("refuses a note on a closed ticket with 409, and stores nothing", async () => {
    const ticket = await open();
    expect((await note(ticket.id, { text: "Encerrando.", close: true })).statusCode).toBe(201);
    const before = await noteCount(t.ctx, ticket.id);
    const row = await ticketRow(t.ctx, ticket.id);
    for (const payload of [{ text: "Mais uma coisa." }, { text: "De novo.", close: true }]) {
      const res = await note(ticket.id, payload);
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: "conflict", message: expect.stringContaining("encerrado") });
    }
    expect(await noteCount(t.ctx, ticket.id)).toBe(before);
    expect(await ticketRow(t.ctx, ticket.id)).toEqual(row);
  });

  it("reopens a closed ticket with a note, after which it takes notes again", async () => {
    const ticket = await open();
    expect((await note(ticket.id, { text: "Encerrando.", close: true })).statusCode).toBe(201);
    const empty = await t.as(agent, { method: "POST", url: `/api/tickets/${ticket.id}/reopen`, payload: { text: "" } });
    expect(empty.statusCode).toBe(400);
    const reopened = await t.as(agent, {
      method: "POST",
      url: `/api/tickets/${ticket.id}/reopen`,
      payload: { text: "Cliente ligou: o erro voltou.", version: 2 },
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().ticket).toMatchObject({ status: "open", closedAt: null, closedBy: null, version: 3 });
    expect(reopened.json().note).toMatchObject({ kind: "user", text: "Cliente ligou: o erro voltou." });
    const history = await notesOf(t, agent, ticket.id);
    expect(history.slice(-2).map((n) => [n.kind, n.text])).toEqual([
      ["system", "Atendimento reaberto."],
      ["user", "Cliente ligou: o erro voltou."],
    ]);
    expect((await note(ticket.id, { text: "Retomando." })).statusCode).toBe(201);

    const again = await t.as(agent, {
      method: "POST",
      url: `/api/tickets/${ticket.id}/reopen`,
      payload: { text: "x" },
    });
    expect(again.statusCode).toBe(409);
  });

  it("answers 412 to a note or reopen with a stale version, with the current one, and changes nothing", async () => {
    const ticket = await open();
    const patched = await t.as(agent, {
      method: "PATCH",
      url: `/api/tickets/${ticket.id}`,
      payload: { subject: "Assunto novo", version: 1 },
    });
    expect(patched.statusCode).toBe(200);
    const before = await noteCount(t.ctx, ticket.id);
    const stale = await note(ticket.id, { text: "Fechando com versão velha.", close: true, version: 1 });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error).toMatchObject({ code: "stale_version", details: { currentVersion: 2 } });
    expect(await noteCount(t.ctx, ticket.id)).toBe(before);
    expect((await ticketRow(t.ctx, ticket.id)).status).toBe("open");
  });

  it("refuses a note longer than 20 000 characters (400 naming text) and accepts one of exactly 20 000", async () => {
    const ticket = await open();
    const before = await noteCount(t.ctx, ticket.id);
    const long = await note(ticket.id, { text: "a".repeat(20_001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toContain("text");
    expect(await noteCount(t.ctx, ticket.id)).toBe(before);
    const max = await note(ticket.id, { text: "b".repeat(20_000) });
    expect(max.statusCode).toBe(201);
    expect((await notesOf(t, agent, ticket.id)).at(-1)?.text).toHaveLength(20_000);
  });
});
