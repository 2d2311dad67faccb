import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testClock } from "../../test/clock.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { notesOf, openTicket, type TicketRefs, ticketBody, ticketRefs } from "../../test/tickets.ts";

/** Every refusal of the tickets names its reason (shared/reasons/work.ts) beside the pt-BR message. */
describe("tickets: the reasons of refusals", () => {
  let t: TestApp;
  let refs: TicketRefs;
  let admin: TestUser;
  let agent: TestUser;
  let outsider: TestUser;
  let personCode: number;

  beforeAll(async () => {
    const clock = testClock("2026-03-02T12:00:00.000Z");
    t = await buildTestApp({ now: clock.now });
    const cats = await categoryIds(t.ctx);
    refs = await ticketRefs(t.ctx);
    admin = await t.user({ isAdmin: true });
    agent = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "tickets", level: "write" }]);
    outsider = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "addresses", level: "read" }]);
    await t.ctx.db.updateTable("users").set({ name: "Otávio Fora" }).where("id", "=", outsider.id).execute();
    personCode = (await makePerson(t.ctx, { categoryIds: [cats.Cliente] })).code;
  });
  afterAll(() => t.close());

  const open = (over: Record<string, unknown> = {}) => openTicket(t, agent, personCode, ticketBody(refs, over));
  const post = (payload: Record<string, unknown>) =>
    t.as(agent, { method: "POST", url: `/api/persons/${personCode}/tickets`, payload });

  it("names the field and the reason of a refused ticket, with params where the message has them", async () => {
    const production = await post(ticketBody(refs, { typeId: refs.types["Correção de defeito"] }));
    expect(production.statusCode).toBe(400);
    expect(production.json().error).toMatchObject({
      reason: "production_type",
      details: [
        {
          field: "typeId",
          reason: "production_type",
          message: "este tipo é de Produção; escolha um tipo de Atendimentos",
        },
      ],
    });
    const sector = await post(ticketBody(refs, { sectorId: 999_999 }));
    expect(sector.json().error.details).toEqual([
      { field: "sectorId", reason: "unknown_sector", message: "setor desconhecido ou inativo" },
    ]);
    const assigned = await post(ticketBody(refs, { responsibleUserId: outsider.id }));
    expect(assigned.statusCode).toBe(400);
    expect(assigned.json().error.details).toEqual([
      {
        field: "responsibleUserId",
        reason: "user_without_tab",
        message: "Otávio Fora não tem acesso a Atendimentos desta pessoa",
        params: { name: "Otávio Fora", tab: "Atendimentos" },
      },
    ]);
  });

  it("names the reason of a conflict and of a missing ticket", async () => {
    const ticket = await open();
    const close = await t.as(agent, {
      method: "POST",
      url: `/api/tickets/${ticket.id}/notes`,
      payload: { text: "Resolvido.", close: true },
    });
    expect(close.statusCode, close.body).toBe(201);
    const note = await t.as(agent, {
      method: "POST",
      url: `/api/tickets/${ticket.id}/notes`,
      payload: { text: "Mais um." },
    });
    expect(note.statusCode).toBe(409);
    expect(note.json().error).toMatchObject({
      code: "conflict",
      reason: "ticket_closed",
      message: "Atendimento encerrado: não aceita novos pareceres. Reabra-o para continuar.",
    });
    const patch = await t.as(agent, {
      method: "PATCH",
      url: `/api/tickets/${ticket.id}`,
      payload: { subject: "Outro", version: 2 },
    });
    expect(patch.json().error).toMatchObject({ code: "conflict", reason: "ticket_closed_for_changes" });
    const missing = await t.as(agent, { method: "GET", url: "/api/tickets/999999" });
    expect(missing.json().error).toMatchObject({ code: "not_found", reason: "ticket_not_found" });
    const empty = await t.as(agent, { method: "PATCH", url: `/api/tickets/${ticket.id}`, payload: { version: 3 } });
    expect(empty.json().error.details[0]).toMatchObject({ reason: "nothing_to_change" });
  });

  it("refuses a cursor of another list", async () => {
    await open({ responsibleUserId: agent.id, subject: "Primeiro" });
    await open({ responsibleUserId: agent.id, subject: "Segundo" });
    const mine = await t.as(agent, { method: "GET", url: "/api/my-tickets?limit=1" });
    const cursor = mine.json().nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    expect((await t.as(agent, { method: "GET", url: `/api/my-tickets?limit=1&cursor=${cursor}` })).statusCode).toBe(
      200,
    );
    const other = await t.as(agent, {
      method: "GET",
      url: `/api/persons/${personCode}/tickets?area=service&cursor=${cursor}`,
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details[0]).toMatchObject({ field: "cursor", reason: "invalid_cursor" });
  });

  it("writes the dates of automatic notes in the company's time zone", async () => {
    const company = await t.as(admin, { method: "GET", url: "/api/settings/company" });
    const zone = await t.as(admin, {
      method: "PATCH",
      url: "/api/settings/company",
      payload: { timeZone: "America/Manaus", version: company.json().version },
    });
    expect(zone.statusCode, zone.body).toBe(200);
    try {
      const ticket = await open({ dueAt: "2026-03-10T15:00:00.000Z" });
      const res = await t.as(agent, {
        method: "PATCH",
        url: `/api/tickets/${ticket.id}`,
        payload: { dueAt: "2026-03-12T18:30:00.000Z", version: 1 },
      });
      expect(res.statusCode, res.body).toBe(200);
      const notes = await notesOf(t, agent, ticket.id);
      // Manaus is UTC−4 (São Paulo would say 12:00 and 15:30).
      expect(notes.at(-1)?.text).toBe("Vencimento alterado de 10/03/2026 11:00 para 12/03/2026 14:30.");
    } finally {
      const current = await t.as(admin, { method: "GET", url: "/api/settings/company" });
      await t.as(admin, {
        method: "PATCH",
        url: "/api/settings/company",
        payload: { timeZone: "America/Sao_Paulo", version: current.json().version },
      });
    }
  });
});
