import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CriticalTicket } from "../../../shared/critical-factors.schemas.ts";
import { type TestClock, testClock } from "../../test/clock.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { openTicket, type TicketRefs, ticketBody, ticketRefs } from "../../test/tickets.ts";

// 10/03/2026 18:00 in São Paulo (UTC−3); midnight is within the sessions' 8 idle hours.
const NOW = "2026-03-10T21:00:00.000Z";

describe("critical factors of a person", () => {
  let t: TestApp;
  let clock: TestClock;
  let refs: TicketRefs;
  let admin: TestUser;
  let agent: TestUser;
  let developer: TestUser;
  let personCode: number;
  let supplierCode: number;
  const opened: Record<string, number> = {};

  beforeAll(async () => {
    clock = testClock(NOW);
    t = await buildTestApp({ now: clock.now });
    const cats = await categoryIds(t.ctx);
    refs = await ticketRefs(t.ctx);
    admin = await t.user({ isAdmin: true });
    agent = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "tickets", level: "write" }]);
    developer = await userWithGrants(t, [
      { categoryId: cats.Cliente, tab: "tickets", level: "read" },
      { categoryId: cats.Cliente, tab: "production", level: "read" },
    ]);
    personCode = (await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Cliente com Pendências" })).code;
    supplierCode = (await makePerson(t.ctx, { categoryIds: [cats.Fornecedor], name: "Fornecedor Oculto" })).code;
    const open = async (key: string, dueAt: string, over: Record<string, unknown> = {}) => {
      const ticket = await openTicket(
        t,
        admin,
        personCode,
        ticketBody(refs, { subject: `Assunto ${key}`, dueAt, ...over }),
      );
      opened[key] = ticket.id;
    };
    // Due dates around the edges of N = 5 and M = 2, counted in São Paulo days.
    await open("six-days", "2026-03-05T02:59:59.000Z"); // 04/03 23:59 → 6 days overdue: critical
    await open("five-days", "2026-03-05T03:00:00.000Z"); // 05/03 00:00 → exactly 5 days: attention
    await open("today", "2026-03-10T20:00:00.000Z"); // due an hour ago, today: attention
    await open("in-two-days", "2026-03-13T02:59:00.000Z"); // 12/03 23:59 → today + 2: attention
    await open("in-three-days", "2026-03-13T03:00:00.000Z"); // 13/03 00:00 → today + 3: not yet
    await open("production", "2026-02-01T12:00:00.000Z", {
      area: "production",
      sectorId: refs.sectors.Desenvolvimento,
    });
    await open("closed", "2026-01-01T12:00:00.000Z");
    const closed = await t.as(admin, {
      method: "POST",
      url: `/api/tickets/${opened.closed}/notes`,
      payload: { text: "Resolvido.", close: true },
    });
    expect(closed.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  const factors = async (user: TestUser, code = personCode, query = "") => {
    const res = await t.as(user, { method: "GET", url: `/api/persons/${code}/critical-factors${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      critical: CriticalTicket[];
      attention: CriticalTicket[];
      bySector: { sector: { name: string }; critical: number; attention: number }[];
      counts: { critical: number; attention: number };
      rule: Record<string, unknown>;
    };
  };
  const subjects = (list: CriticalTicket[]) => list.map((x) => x.subject);

  it("splits open tickets into critical (more than N days past due) and attention, by São Paulo days", async () => {
    const f = await factors(agent);
    expect(subjects(f.critical)).toEqual(["Assunto six-days"]);
    expect(subjects(f.attention)).toEqual(["Assunto five-days", "Assunto today", "Assunto in-two-days"]);
    expect(f.critical[0]).toMatchObject({ daysOverdue: 6, level: "critical", sector: { name: "Suporte" } });
    expect(f.attention.map((x) => x.daysOverdue)).toEqual([5, 0, -2]);
    expect(f.counts).toEqual({ critical: 1, attention: 3 });
    expect(f.bySector).toEqual([{ sector: expect.objectContaining({ name: "Suporte" }), critical: 1, attention: 3 }]);
    expect(f.rule).toMatchObject({
      today: "2026-03-10",
      timeZone: "America/Sao_Paulo",
      thresholdDays: 5,
      warnDays: 2,
      criticalBefore: "2026-03-05T03:00:00.000Z",
      attentionBefore: "2026-03-13T03:00:00.000Z",
    });
  });

  it("shows production tickets only to users with the Produção grant", async () => {
    expect(subjects((await factors(agent)).critical)).not.toContain("Assunto production");
    const dev = await factors(developer);
    expect(subjects(dev.critical)).toEqual(["Assunto production", "Assunto six-days"]);
    expect(dev.bySector.map((s) => [s.sector.name, s.critical, s.attention])).toEqual([
      ["Desenvolvimento", 1, 0],
      ["Suporte", 1, 3],
    ]);
    expect((await factors(admin)).counts).toEqual({ critical: 2, attention: 3 });
  });

  it("moves a ticket from attention to critical at midnight in São Paulo, not at midnight UTC", async () => {
    try {
      // 10/03 23:30 in São Paulo is already 11/03 02:30 in UTC: "five-days" is still 5 days overdue.
      clock.set("2026-03-11T02:30:00.000Z");
      let f = await factors(agent);
      expect(subjects(f.critical)).toEqual(["Assunto six-days"]);
      expect(subjects(f.attention)).toContain("Assunto five-days");
      // Half an hour later it is 11/03 in São Paulo: 6 days overdue, critical; 13/03 enters the window.
      clock.set("2026-03-11T03:00:00.000Z");
      f = await factors(agent);
      expect(subjects(f.critical)).toEqual(["Assunto six-days", "Assunto five-days"]);
      expect(subjects(f.attention)).toEqual(["Assunto today", "Assunto in-two-days", "Assunto in-three-days"]);
    } finally {
      clock.set(NOW);
    }
  });

  it("follows the include and exclude lists of the settings", async () => {
    const settings = (await t.as(admin, { method: "GET", url: "/api/settings/critical-factors" })).json();
    const patch = (payload: Record<string, unknown>) =>
      t.as(admin, { method: "PATCH", url: "/api/settings/critical-factors", payload });
    let version = settings.version as number;
    const support = refs.types["Suporte técnico"];
    const bug = refs.types["Correção de defeito"];
    try {
      expect((await patch({ excludeTypeIds: [support], version })).statusCode).toBe(200);
      expect((await factors(developer)).counts).toEqual({ critical: 1, attention: 0 }); // only production left
      expect((await patch({ excludeTypeIds: [], includeTypeIds: [support], version: ++version })).statusCode).toBe(200);
      expect((await factors(developer)).counts).toEqual({ critical: 1, attention: 3 }); // production left out
      expect((await patch({ includeTypeIds: [bug], version: ++version })).statusCode).toBe(200);
      expect(subjects((await factors(developer)).critical)).toEqual(["Assunto production"]);
    } finally {
      await patch({ includeTypeIds: [], excludeTypeIds: [], version: ++version });
    }
    expect((await factors(developer)).counts).toEqual({ critical: 2, attention: 3 });
  });

  it("uses the selected category's grants, and answers 404 for a person the user may not see", async () => {
    const cats = await categoryIds(t.ctx);
    expect((await factors(agent, personCode, `?category=${cats.Cliente}`)).counts.critical).toBe(1);
    const wrong = await t.as(agent, {
      method: "GET",
      url: `/api/persons/${personCode}/critical-factors?category=${cats.Fornecedor}`,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain("category");
    const hidden = await t.as(agent, { method: "GET", url: `/api/persons/${supplierCode}/critical-factors` });
    expect(hidden.statusCode).toBe(404);
  });
});
