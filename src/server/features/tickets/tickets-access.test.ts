import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ticket, TicketSummary } from "../../../shared/tickets.schemas.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { noteCount, openTicket, type TicketRefs, ticketBody, ticketRefs, ticketRow } from "../../test/tickets.ts";

/**
 * Atendimentos and Produção share one table and one set of routes; the ticket's area picks the
 * grant. Someone without Produção must never meet a production ticket, not even by its id.
 */
describe("tickets: access by area", () => {
  let t: TestApp;
  let refs: TicketRefs;
  let admin: TestUser;
  let serviceOnly: TestUser;
  let productionReader: TestUser;
  let serviceReader: TestUser;
  let supplierAgent: TestUser;
  let personCode: number;
  let service: Ticket;
  let production: Ticket;
  let closedService: Ticket;

  beforeAll(async () => {
    t = await buildTestApp();
    const cats = await categoryIds(t.ctx);
    refs = await ticketRefs(t.ctx);
    admin = await t.user({ isAdmin: true });
    serviceOnly = await userWithGrants(t, [
      { categoryId: cats.Cliente, tab: "tickets", level: "write" },
      { categoryId: cats.Cliente, tab: "addresses", level: "write" },
    ]);
    productionReader = await userWithGrants(t, [
      { categoryId: cats.Cliente, tab: "tickets", level: "write" },
      { categoryId: cats.Cliente, tab: "production", level: "read" },
    ]);
    serviceReader = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "tickets", level: "read" }]);
    supplierAgent = await userWithGrants(t, [
      { categoryId: cats.Fornecedor, tab: "tickets", level: "write" },
      { categoryId: cats.Fornecedor, tab: "production", level: "write" },
    ]);
    personCode = (await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Cliente Separado" })).code;
    service = await openTicket(t, admin, personCode, ticketBody(refs, { subject: "Dúvida sobre boleto" }));
    production = await openTicket(
      t,
      admin,
      personCode,
      ticketBody(refs, { area: "production", subject: "Defeito sigiloso no cálculo do ICMS" }),
    );
    closedService = await openTicket(t, admin, personCode, ticketBody(refs, { subject: "Já resolvido" }));
    await t.as(admin, {
      method: "POST",
      url: `/api/tickets/${closedService.id}/notes`,
      payload: { text: "Resolvido.", close: true },
    });
  });
  afterAll(() => t.close());

  const get = (user: TestUser, url: string) => t.as(user, { method: "GET", url });
  const writes = (ticket: Ticket) => [
    { method: "PATCH" as const, url: `/api/tickets/${ticket.id}`, payload: { subject: "Trocado", version: 1 } },
    { method: "POST" as const, url: `/api/tickets/${ticket.id}/notes`, payload: { text: "Parecer." } },
    { method: "POST" as const, url: `/api/tickets/${ticket.id}/notes`, payload: { text: "Fim.", close: true } },
    { method: "POST" as const, url: `/api/tickets/${ticket.id}/reopen`, payload: { text: "Reabrindo." } },
    { method: "POST" as const, url: `/api/tickets/${ticket.id}/duplicate` },
  ];
  const ticketCount = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom("tickets")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("hides production tickets from a user without Produção: list 403, by id 404 on every route", async () => {
    const list = await get(serviceOnly, `/api/persons/${personCode}/tickets?area=production`);
    expect(list.statusCode).toBe(403);
    for (const url of [`/api/tickets/${production.id}`, `/api/tickets/${production.id}/notes`]) {
      const res = await get(serviceOnly, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.message).toBe("Atendimento não encontrado.");
      expect(res.body).not.toContain("ICMS");
    }
    const before = await ticketRow(t.ctx, production.id);
    const tickets = await ticketCount();
    for (const req of writes(production)) {
      const res = await t.as(serviceOnly, req);
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(404);
    }
    expect(await ticketRow(t.ctx, production.id)).toEqual(before);
    expect(await ticketCount()).toBe(tickets);
  });

  it("never lists a production ticket among service tickets, even searched by its number or words", async () => {
    for (const q of ["", String(production.number), "icms", "sigiloso"]) {
      for (const status of ["open", "closed"]) {
        const res = await get(serviceOnly, `/api/persons/${personCode}/tickets?area=service&status=${status}&q=${q}`);
        expect(res.statusCode).toBe(200);
        const ids = res.json().items.map((i: TicketSummary) => i.id);
        expect(ids, `q=${q} status=${status}`).not.toContain(production.id);
        expect(res.json().items.every((i: TicketSummary) => i.area === "service")).toBe(true);
      }
    }
    const own = await get(serviceOnly, `/api/persons/${personCode}/tickets?area=service`);
    expect(own.json().items.map((i: TicketSummary) => i.id)).toEqual([service.id]);
    const details = await get(serviceOnly, `/api/tickets/${service.id}`);
    expect(details.statusCode).toBe(200);
    expect(details.json().canWrite).toBe(true);
  });

  it("lets a Produção reader see production tickets but answers 403 to every write, changing nothing", async () => {
    const list = await get(productionReader, `/api/persons/${personCode}/tickets?area=production`);
    expect(list.json().items.map((i: TicketSummary) => i.id)).toEqual([production.id]);
    const details = await get(productionReader, `/api/tickets/${production.id}`);
    expect(details.statusCode).toBe(200);
    expect(details.json()).toMatchObject({ subject: production.subject, canWrite: false });
    const before = await ticketRow(t.ctx, production.id);
    const notes = await noteCount(t.ctx);
    const tickets = await ticketCount();
    for (const req of writes(production)) {
      const res = await t.as(productionReader, req);
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(403);
      expect(res.json().error.code).toBe("forbidden");
    }
    const create = await t.as(productionReader, {
      method: "POST",
      url: `/api/persons/${personCode}/tickets`,
      payload: ticketBody(refs, { area: "production" }),
    });
    expect(create.statusCode).toBe(403);
    expect(await ticketRow(t.ctx, production.id)).toEqual(before);
    expect(await noteCount(t.ctx)).toBe(notes);
    expect(await ticketCount()).toBe(tickets);
  });

  it("answers 403 to every write of a read-only Atendimentos user, reopen included", async () => {
    const tickets = await ticketCount();
    const notes = await noteCount(t.ctx);
    const rows = [await ticketRow(t.ctx, service.id), await ticketRow(t.ctx, closedService.id)];
    for (const req of [...writes(service), ...writes(closedService)]) {
      const res = await t.as(serviceReader, req);
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(403);
    }
    const create = await t.as(serviceReader, {
      method: "POST",
      url: `/api/persons/${personCode}/tickets`,
      payload: ticketBody(refs),
    });
    expect(create.statusCode).toBe(403);
    expect(await ticketCount()).toBe(tickets);
    expect(await noteCount(t.ctx)).toBe(notes);
    expect([await ticketRow(t.ctx, service.id), await ticketRow(t.ctx, closedService.id)]).toEqual(rows);
    expect((await get(serviceReader, `/api/tickets/${service.id}`)).json().canWrite).toBe(false);
  });

  it("answers 404 for any ticket of a person the user cannot see", async () => {
    for (const id of [service.id, production.id]) {
      expect((await get(supplierAgent, `/api/tickets/${id}`)).statusCode).toBe(404);
      expect((await get(supplierAgent, `/api/tickets/${id}/notes`)).statusCode).toBe(404);
    }
    expect((await get(supplierAgent, `/api/persons/${personCode}/tickets`)).statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: "GET", url: `/api/tickets/${service.id}` });
    expect(anonymous.statusCode).toBe(401);
  });

  it("refuses as responsible or internal contact a user who could not see the ticket (400)", async () => {
    const create = await t.as(admin, {
      method: "POST",
      url: `/api/persons/${personCode}/tickets`,
      payload: ticketBody(refs, { area: "production", responsibleUserId: serviceOnly.id }),
    });
    expect(create.statusCode).toBe(400);
    expect(create.json().error.message).toContain("responsibleUserId");
    const contact = await t.as(admin, {
      method: "PATCH",
      url: `/api/tickets/${production.id}`,
      payload: { internalContactAt: "2026-03-05T12:00:00Z", internalContactUserId: supplierAgent.id, version: 1 },
    });
    expect(contact.statusCode).toBe(400);
    expect(contact.json().error.message).toContain("internalContactUserId");
    const unknown = await t.as(admin, {
      method: "PATCH",
      url: `/api/tickets/${service.id}`,
      payload: { responsibleUserId: 987654, version: 1 },
    });
    expect(unknown.statusCode).toBe(400);
    expect((await ticketRow(t.ctx, production.id)).internal_contact_user_id).toBeNull();
    const ok = await t.as(admin, {
      method: "PATCH",
      url: `/api/tickets/${production.id}`,
      payload: { responsibleUserId: productionReader.id, version: 1 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
