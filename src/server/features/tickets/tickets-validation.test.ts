import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryIds, makePerson } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { noteCount, openTicket, type TicketRefs, ticketBody, ticketRefs, ticketRow } from "../../test/tickets.ts";

/** Bad input is a 400 that names the field, and nothing is stored. */
describe("tickets: bad input", () => {
  let t: TestApp;
  let refs: TicketRefs;
  let admin: TestUser;
  let personCode: number;

  beforeAll(async () => {
    t = await buildTestApp();
    const cats = await categoryIds(t.ctx);
    refs = await ticketRefs(t.ctx);
    admin = await t.user({ isAdmin: true });
    personCode = (await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Cliente das Validações" })).code;
  });
  afterAll(() => t.close());

  const counts = async () => ({
    tickets: (await t.ctx.db.selectFrom("tickets").select("id").execute()).length,
    notes: await noteCount(t.ctx),
    sequence: (
      await t.ctx.db
        .selectFrom("sequences")
        .select("value")
        .where("name", "=", "ticket_number")
        .executeTakeFirstOrThrow()
    ).value,
  });

  it("refuses bad tickets with 400 naming the field, storing nothing (not even a number)", async () => {
    const inactive = await t.as(admin, { method: "POST", url: "/api/settings/products", payload: { name: "Antigo" } });
    await t.as(admin, {
      method: "PATCH",
      url: `/api/settings/products/${inactive.json().id}`,
      payload: { isActive: false, version: 1 },
    });
    const cases: [string, Record<string, unknown>][] = [
      ["subject", { subject: "" }],
      ["subject", { subject: "   " }],
      ["subject", { subject: "x".repeat(201) }],
      ["subject", { subject: undefined }],
      ["typeId", { typeId: 999_999 }],
      ["typeId", { typeId: refs.types["Correção de defeito"] }],
      ["typeId", { area: "production", typeId: refs.types["Suporte técnico"] }],
      ["sectorId", { sectorId: 999_999 }],
      ["productId", { productId: 999_999 }],
      ["productId", { productId: inactive.json().id }],
      ["responsibleUserId", { responsibleUserId: 999_999 }],
      ["area", { area: "sales" }],
      ["area", { area: undefined }],
      ["priority", { priority: "critical" }],
      ["channel", { channel: "fax" }],
      ["dueAt", { dueAt: "amanhã" }],
      ["dueAt", { dueAt: "2026-03-05" }],
      ["note", { note: "" }],
      ["note", { note: "n".repeat(20_001) }],
      ["contactName", { contactName: "c".repeat(121) }],
    ];
    const before = await counts();
    for (const [field, over] of cases) {
      const res = await t.as(admin, {
        method: "POST",
        url: `/api/persons/${personCode}/tickets`,
        payload: ticketBody(refs, over),
      });
      expect(res.statusCode, `${field} ${JSON.stringify(over).slice(0, 80)}`).toBe(400);
      expect(res.json().error.message, field).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses an unknown area, status, limit or cursor in the list query", async () => {
    for (const [field, query] of [
      ["area", "area=sales"],
      ["status", "status=pending"],
      ["limit", "limit=0"],
      ["limit", "limit=501"],
      ["cursor", "cursor=xyz"],
      ["category", "category=abc"],
    ]) {
      const res = await t.as(admin, { method: "GET", url: `/api/persons/${personCode}/tickets?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.message, query).toContain(field);
    }
    const bad = await t.as(admin, { method: "GET", url: "/api/tickets/abc" });
    expect(bad.statusCode).toBe(400);
  });

  it("refuses bad changes with 400 naming the field, changing nothing", async () => {
    const ticket = await openTicket(t, admin, personCode, ticketBody(refs));
    const row = await ticketRow(t.ctx, ticket.id);
    const cases: [string, Record<string, unknown>][] = [
      ["subject", { subject: "" }],
      ["sectorId", { sectorId: 999_999 }],
      ["priority", { priority: "máxima" }],
      ["dueAt", { dueAt: "2026-13-01T00:00:00Z" }],
      ["responsibleUserId", { responsibleUserId: 999_999 }],
      ["version", { subject: "Sem versão", version: undefined }],
    ];
    for (const [field, over] of cases) {
      const res = await t.as(admin, {
        method: "PATCH",
        url: `/api/tickets/${ticket.id}`,
        payload: { version: 1, ...over },
      });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.message, field).toContain(field);
    }
    // Several fields at once, one of them bad: none of them is applied.
    const mixed = await t.as(admin, {
      method: "PATCH",
      url: `/api/tickets/${ticket.id}`,
      payload: { subject: "Assunto bom", sectorId: 999_999, version: 1 },
    });
    expect(mixed.statusCode).toBe(400);
    expect(await ticketRow(t.ctx, ticket.id)).toEqual(row);
    expect(await noteCount(t.ctx, ticket.id)).toBe(1);
  });

  it("refuses a note that is not text", async () => {
    const ticket = await openTicket(t, admin, personCode, ticketBody(refs));
    for (const payload of [{ text: 42 }, { text: ["a"] }, { text: "ok", close: "sim" }]) {
      const res = await t.as(admin, { method: "POST", url: `/api/tickets/${ticket.id}/notes`, payload });
      expect(res.statusCode).toBe(400);
    }
    expect(await noteCount(t.ctx, ticket.id)).toBe(1);
  });
});
