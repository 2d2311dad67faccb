import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ticket } from "../../../shared/tickets.schemas.ts";
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

describe("tickets: changes with automatic notes, and duplicates", () => {
  let t: TestApp;
  let clock: TestClock;
  let refs: TicketRefs;
  let agent: TestUser;
  let colleague: TestUser;
  let personCode: number;

  beforeAll(async () => {
    clock = testClock("2026-03-02T12:00:00.000Z");
    t = await buildTestApp({ now: clock.now });
    const cats = await categoryIds(t.ctx);
    refs = await ticketRefs(t.ctx);
    const grants = [
      { categoryId: cats.Cliente, tab: "tickets" as const, level: "write" as const },
      { categoryId: cats.Cliente, tab: "production" as const, level: "write" as const },
    ];
    agent = await userWithGrants(t, grants);
    colleague = await userWithGrants(t, grants);
    await t.ctx.db.updateTable("users").set({ name: "Carla Colega" }).where("id", "=", colleague.id).execute();
    await t.ctx.db.updateTable("users").set({ name: "Aline Atendente" }).where("id", "=", agent.id).execute();
    personCode = (await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Cliente das Alterações" })).code;
  });
  afterAll(() => t.close());

  const open = (over: Record<string, unknown> = {}) => openTicket(t, agent, personCode, ticketBody(refs, over));
  const patch = (id: number, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.as(agent, { method: "PATCH", url: `/api/tickets/${id}`, payload, headers });
  const systemNotes = async (id: number) =>
    (await notesOf(t, agent, id)).filter((n) => n.kind === "system").map((n) => n.text);

  it("changes the subject and leaves the automatic note “Assunto alterado de … para …”", async () => {
    const ticket = await open({ subject: "Erro na NF-e" });
    const res = await patch(ticket.id, { subject: "  Rejeição 539 na NF-e  ", version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ subject: "Rejeição 539 na NF-e", version: 2, noteCount: 2 });
    const notes = await notesOf(t, agent, ticket.id);
    expect(notes.at(-1)).toMatchObject({
      kind: "system",
      text: "Assunto alterado de “Erro na NF-e” para “Rejeição 539 na NF-e”.",
      author: { id: agent.id, name: "Aline Atendente" },
    });
    // The list filter follows the new subject.
    const found = await t.as(agent, { method: "GET", url: `/api/persons/${personCode}/tickets?q=rejeicao` });
    expect(found.json().items.map((i: Ticket) => i.id)).toContain(ticket.id);
  });

  it("sets the internal contact date and user, noted in São Paulo time, and clears it", async () => {
    const ticket = await open();
    const res = await patch(ticket.id, {
      internalContactAt: "2026-03-05T17:30:00Z",
      internalContactUserId: colleague.id,
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      internalContactAt: "2026-03-05T17:30:00.000Z",
      internalContactUser: { id: colleague.id, name: "Carla Colega" },
      version: 2,
    });
    // 17:30 UTC is 14:30 in São Paulo (UTC−3).
    expect(await systemNotes(ticket.id)).toEqual([
      "Data de contato interno alterada para 05/03/2026 14:30 (Carla Colega).",
    ]);

    // Only the date: the user stays.
    const moved = await patch(ticket.id, { internalContactAt: "2026-03-06T02:15:00Z", version: 2 });
    expect(moved.json().internalContactUser).toMatchObject({ id: colleague.id });
    expect((await systemNotes(ticket.id)).at(-1)).toBe(
      "Data de contato interno alterada para 05/03/2026 23:15 (Carla Colega).",
    );

    const cleared = await patch(ticket.id, { internalContactAt: null, version: 3 });
    expect(cleared.json()).toMatchObject({ internalContactAt: null, internalContactUser: null, version: 4 });
    expect((await systemNotes(ticket.id)).at(-1)).toBe("Data de contato interno removida.");
  });

  it("needs both a date and a user for the internal contact (400), changing nothing", async () => {
    const ticket = await open();
    const noUser = await patch(ticket.id, { internalContactAt: "2026-03-05T17:30:00Z", version: 1 });
    expect(noUser.statusCode).toBe(400);
    expect(noUser.json().error.message).toContain("internalContactUserId");
    const noDate = await patch(ticket.id, { internalContactUserId: colleague.id, version: 1 });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().error.message).toContain("internalContactAt");
    const badDate = await patch(ticket.id, {
      internalContactAt: "05/03/2026",
      internalContactUserId: colleague.id,
      version: 1,
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.message).toContain("internalContactAt");
    expect(await ticketRow(t.ctx, ticket.id)).toMatchObject({ internal_contact_at: null, version: 1 });
    expect(await noteCount(t.ctx, ticket.id)).toBe(1);
  });

  it("changes responsible, sector, priority and due date, one automatic note each", async () => {
    const ticket = await open();
    const res = await patch(ticket.id, {
      responsibleUserId: colleague.id,
      sectorId: refs.sectors.Comercial,
      priority: "urgent",
      dueAt: "2026-03-09T12:00:00Z",
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      responsible: { id: colleague.id },
      sector: { name: "Comercial" },
      priority: "urgent",
      dueAt: "2026-03-09T12:00:00.000Z",
      version: 2,
    });
    expect(await systemNotes(ticket.id)).toEqual([
      "Responsável definido: Carla Colega.",
      "Setor alterado de Suporte para Comercial.",
      "Prioridade alterada de normal para urgente.",
      "Vencimento alterado de 04/03/2026 09:00 para 09/03/2026 09:00.",
    ]);
    const handover = await patch(ticket.id, { responsibleUserId: agent.id, version: 2 });
    expect(handover.statusCode).toBe(200);
    const dropped = await patch(ticket.id, { responsibleUserId: null, version: 3 });
    expect(dropped.json().responsible).toBeNull();
    expect((await systemNotes(ticket.id)).slice(-2)).toEqual([
      "Responsável alterado de Carla Colega para Aline Atendente.",
      "Responsável removido (era Aline Atendente).",
    ]);
  });

  it("changes nothing, and writes no note, when the values are the current ones", async () => {
    const ticket = await open();
    const res = await patch(ticket.id, { subject: ticket.subject, priority: ticket.priority, version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json().version).toBe(1);
    expect(await noteCount(t.ctx, ticket.id)).toBe(1);
    const empty = await patch(ticket.id, { version: 1 });
    expect(empty.statusCode).toBe(400);
  });

  it("answers 412 to a stale version (body or If-Match) with the current version, and changes nothing", async () => {
    const ticket = await open({ subject: "Assunto original" });
    expect((await patch(ticket.id, { subject: "Primeira troca", version: 1 })).statusCode).toBe(200);
    const before = await ticketRow(t.ctx, ticket.id);
    const notes = await noteCount(t.ctx, ticket.id);
    const stale = await patch(ticket.id, { subject: "Segunda troca", version: 1 });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error).toMatchObject({ code: "stale_version", details: { currentVersion: 2 } });
    const staleHeader = await patch(ticket.id, { priority: "low" }, { "if-match": '"1"' });
    expect(staleHeader.statusCode).toBe(412);
    expect(await ticketRow(t.ctx, ticket.id)).toEqual(before);
    expect(await noteCount(t.ctx, ticket.id)).toBe(notes);
    const viaHeader = await patch(ticket.id, { priority: "low" }, { "if-match": "2" });
    expect(viaHeader.statusCode).toBe(200);
    expect(viaHeader.json()).toMatchObject({ priority: "low", version: 3 });
  });

  it("refuses changes to a closed ticket with 409", async () => {
    const ticket = await open();
    await t.as(agent, {
      method: "POST",
      url: `/api/tickets/${ticket.id}/notes`,
      payload: { text: "Fim.", close: true },
    });
    const res = await patch(ticket.id, { subject: "Depois de encerrado", version: 2 });
    expect(res.statusCode).toBe(409);
    expect((await ticketRow(t.ctx, ticket.id)).subject).toBe(ticket.subject);
  });

  it("duplicates a ticket: new number, main data copied, a note on each naming the other", async () => {
    const original = await open({
      subject: "Integração com o banco",
      productId: refs.products["Módulo Fiscal"],
      priority: "high",
      channel: "email",
      contactName: "Sr. Roberto",
      responsibleUserId: colleague.id,
    });
    await t.as(agent, {
      method: "POST",
      url: `/api/tickets/${original.id}/notes`,
      payload: { text: "Resolvido para a filial 1.", close: true },
    });
    clock.advance(60_000);
    const res = await t.as(agent, { method: "POST", url: `/api/tickets/${original.id}/duplicate` });
    expect(res.statusCode, res.body).toBe(201);
    const copy = res.json() as Ticket;
    expect(copy.id).not.toBe(original.id);
    expect(copy.number).toBeGreaterThan(original.number);
    expect(copy).toMatchObject({
      person: original.person,
      area: original.area,
      type: original.type,
      subject: "Integração com o banco",
      sector: original.sector,
      product: { name: "Módulo Fiscal" },
      priority: "high",
      channel: "email",
      contactName: "Sr. Roberto",
      responsible: { id: colleague.id },
      status: "open",
      openedAt: clock.now().toISOString(),
      openedBy: { id: agent.id },
      duplicatedFrom: { id: original.id, number: original.number },
      noteCount: 1,
      version: 1,
    });
    // Suporte técnico: 2 days from the duplicate's opening.
    expect(Date.parse(copy.dueAt) - Date.parse(copy.openedAt)).toBe(2 * 24 * 60 * 60_000);
    expect((await notesOf(t, agent, copy.id)).map((n) => [n.kind, n.text])).toEqual([
      ["system", `Duplicado do atendimento ${original.number}.`],
    ]);
    expect((await notesOf(t, agent, original.id)).at(-1)).toMatchObject({
      kind: "system",
      text: `Duplicado para o atendimento ${copy.number}.`,
    });
    // The original stays closed.
    expect((await ticketRow(t.ctx, original.id)).status).toBe("closed");
  });
});
