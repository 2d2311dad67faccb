import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classify } from "../../../shared/critical-factors.rule.ts";
import type { CompanyCriticalFactors, CriticalTicket } from "../../../shared/critical-factors.schemas.ts";
import { type TestClock, testClock } from "../../test/clock.ts";
import { categoryIds, type DefaultCategory, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { openTicket, type TicketRefs, ticketBody, ticketRefs } from "../../test/tickets.ts";
import { loadRule } from "./critical-factors.settings.service.ts";

// 10/03/2026 18:00 in São Paulo.
const NOW = "2026-03-10T21:00:00.000Z";
const SP = "America/Sao_Paulo";

/**
 * The company page's counts come from running counts kept by triggers plus a live correction near
 * the thresholds; its list from an index walk. Each check here recomputes the answer the slow way
 * — every open ticket through `classify` — and compares, after every kind of change.
 */
describe("critical factors across the company", () => {
  let t: TestApp;
  let clock: TestClock;
  let refs: TicketRefs;
  let cats: Record<DefaultCategory, number>;
  let admin: TestUser;
  let agent: TestUser;
  let developer: TestUser;
  const codes: Record<string, number> = {};
  const ids: number[] = [];

  beforeAll(async () => {
    clock = testClock(NOW);
    t = await buildTestApp({ now: clock.now });
    cats = await categoryIds(t.ctx);
    refs = await ticketRefs(t.ctx);
    admin = await t.user({ isAdmin: true });
    agent = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "tickets", level: "write" }]);
    developer = await userWithGrants(t, [
      { categoryId: cats.Cliente, tab: "tickets", level: "read" },
      { categoryId: cats.Cliente, tab: "production", level: "read" },
      { categoryId: cats.Fornecedor, tab: "production", level: "read" },
    ]);
    const persons: [string, DefaultCategory[]][] = [
      ["ana", ["Cliente"]],
      ["bruno", ["Cliente"]],
      ["carla", ["Cliente", "Fornecedor"]],
      ["fornecedor", ["Fornecedor"]],
    ];
    for (const [name, list] of persons) {
      codes[name] = (await makePerson(t.ctx, { categoryIds: list.map((c) => cats[c]), name: `Pessoa ${name}` })).code;
    }
    // Due dates from 40 days ago to 10 days ahead, with some in the hours between a UTC day's start
    // and São Paulo's midnight (01:00 UTC), where the counts are corrected live.
    const dues = [
      "2026-01-29T15:00:00.000Z",
      "2026-03-01T12:00:00.000Z",
      "2026-03-05T01:00:00.000Z", // 04/03 22:00: 6 days, critical
      "2026-03-05T04:00:00.000Z", // 05/03 01:00: 5 days, attention
      "2026-03-09T12:00:00.000Z",
      "2026-03-13T01:00:00.000Z", // 12/03 22:00: attention
      "2026-03-13T04:00:00.000Z", // 13/03: not yet
      "2026-03-20T12:00:00.000Z",
      // Around a month's turn, for a "now" whose two thresholds fall in different months.
      "2026-03-31T12:00:00.000Z",
      "2026-04-02T01:00:00.000Z", // 01/04 22:00 in São Paulo, 02/04 in UTC
      "2026-04-02T12:00:00.000Z",
    ];
    let k = 0;
    for (const name of Object.keys(codes)) {
      for (const [i, dueAt] of dues.entries()) {
        const production = (i + k) % 3 === 0;
        const sector = production ? "Desenvolvimento" : i % 2 ? "Comercial" : "Suporte";
        const body = ticketBody(refs, {
          subject: `${name} ${i}`,
          dueAt,
          sectorId: refs.sectors[sector],
          ...(production ? { area: "production", typeId: refs.types["Correção de defeito"] } : {}),
          ...(!production && name !== "fornecedor" && i % 4 === 1 ? { responsibleUserId: agent.id } : {}),
        });
        ids.push((await openTicket(t, admin, codes[name] as number, body)).id);
      }
      k += 1;
    }
  });
  afterAll(() => t.close());

  type Expected = { bySector: Map<number, { critical: number; attention: number }>; ids: number[] };

  /** The slow way: every open ticket, its person's categories, the user's grants, classify(). */
  async function expected(user: "admin" | "agent" | "developer", responsible?: number): Promise<Expected> {
    const rule = await loadRule(t.ctx.db);
    const rows = await t.ctx.db
      .selectFrom("tickets")
      .select(["id", "area", "type_id", "sector_id", "person_id", "due_at", "responsible_user_id"])
      .where("status", "=", "open")
      .execute();
    const links = await t.ctx.db.selectFrom("person_categories").selectAll().execute();
    const has = (personId: number, category: number) =>
      links.some((l) => l.person_id === personId && l.category_id === category);
    const sees = (r: (typeof rows)[number]) => {
      if (user === "admin") return true;
      if (user === "agent") return r.area === "service" && has(r.person_id, cats.Cliente);
      return r.area === "service"
        ? has(r.person_id, cats.Cliente)
        : has(r.person_id, cats.Cliente) || has(r.person_id, cats.Fornecedor);
    };
    const bySector = new Map<number, { critical: number; attention: number }>();
    const listed: (typeof rows)[number][] = [];
    for (const r of rows) {
      if (!sees(r) || (responsible !== undefined && r.responsible_user_id !== responsible)) continue;
      const level = classify({ dueAt: r.due_at, typeId: r.type_id }, clock.now(), rule, SP);
      if (!level) continue;
      const c = bySector.get(r.sector_id) ?? { critical: 0, attention: 0 };
      c[level] += 1;
      bySector.set(r.sector_id, c);
      listed.push(r);
    }
    listed.sort((a, b) =>
      a.sector_id !== b.sector_id
        ? a.sector_id - b.sector_id
        : a.person_id !== b.person_id
          ? a.person_id - b.person_id
          : a.due_at !== b.due_at
            ? a.due_at < b.due_at
              ? -1
              : 1
            : a.id - b.id,
    );
    return { bySector, ids: listed.map((r) => r.id) };
  }

  const users = () => ({ admin, agent, developer });

  /** The API's answer: counts per sector and every page of the list (walked with the cursor). */
  async function actual(who: "admin" | "agent" | "developer", query = "", limit = 3) {
    const items: CriticalTicket[] = [];
    let first: CompanyCriticalFactors | null = null;
    let cursor: string | null = null;
    do {
      const url: string = `/api/critical-factors?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await t.as(users()[who], { method: "GET", url });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as CompanyCriticalFactors;
      first ??= body;
      items.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    const page = first as CompanyCriticalFactors;
    return {
      bySector: new Map(page.bySector.map((s) => [s.sector.id, { critical: s.critical, attention: s.attention }])),
      counts: page.counts,
      ids: items.map((i) => i.id),
      items,
    };
  }

  async function agrees(label: string) {
    for (const who of ["admin", "agent", "developer"] as const) {
      const [want, got] = [await expected(who), await actual(who)];
      expect(got.bySector, `${label}: counts for ${who}`).toEqual(want.bySector);
      expect(got.ids, `${label}: list for ${who}`).toEqual(want.ids);
      const total = [...want.bySector.values()].reduce((n, c) => n + c.critical + c.attention, 0);
      expect(got.counts.critical + got.counts.attention).toBe(total);
    }
    // The page filtered by responsible comes from the per-user counts.
    for (const who of ["admin", "developer"] as const) {
      const [want, got] = [await expected(who, agent.id), await actual(who, `&responsibleUserId=${agent.id}`)];
      expect(got.bySector, `${label}: ${who}'s counts for the agent's tickets`).toEqual(want.bySector);
      expect(got.ids, `${label}: ${who}'s list of the agent's tickets`).toEqual(want.ids);
    }
  }

  it("counts and lists by sector, person and due, only what each user may see", async () => {
    await agrees("initially");
    const agentView = await actual("agent");
    expect(agentView.items.every((i) => i.area === "service")).toBe(true);
    expect(agentView.items.some((i) => i.person.code === codes.fornecedor)).toBe(false);
    expect(agentView.items.some((i) => i.person.code === codes.carla)).toBe(true);
    const dev = await actual("developer");
    expect(dev.items.some((i) => i.area === "production" && i.person.code === codes.fornecedor)).toBe(true);
    expect(dev.items.some((i) => i.area === "service" && i.person.code === codes.fornecedor)).toBe(false);
    // Grouped: sectors come in runs, persons in runs within a sector.
    const runs = dev.items.map((i) => `${i.sector.id}:${i.person.code}`);
    expect(new Set(runs).size).toBe(runs.filter((r, i) => r !== runs[i - 1]).length);
  });

  it("stays exact when tickets close, reopen, change due date or sector, or are duplicated", async () => {
    const [a, b, c, d] = ids as [number, number, number, number];
    const ok = async (method: "POST" | "PATCH", url: string, payload: Record<string, unknown>) => {
      const res = await t.as(admin, { method, url, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    await ok("POST", `/api/tickets/${a}/notes`, { text: "Encerrado.", close: true });
    await agrees("after closing");
    const closed = await t.as(admin, { method: "GET", url: `/api/tickets/${a}` });
    await ok("POST", `/api/tickets/${a}/reopen`, { text: "Voltou.", version: closed.json().version });
    await agrees("after reopening");
    const tb = (await t.as(admin, { method: "GET", url: `/api/tickets/${b}` })).json();
    await ok("PATCH", `/api/tickets/${b}`, { dueAt: "2026-03-12T23:00:00-03:00", version: tb.version });
    const tc = (await t.as(admin, { method: "GET", url: `/api/tickets/${c}` })).json();
    await ok("PATCH", `/api/tickets/${c}`, { sectorId: refs.sectors.Financeiro, version: tc.version });
    // A new responsible moves the ticket between the per-user counts.
    const anas = await Promise.all(
      ids.slice(4, 11).map(async (id) => (await t.as(admin, { method: "GET", url: `/api/tickets/${id}` })).json()),
    );
    const service = anas.find((x) => x.area === "service");
    await ok("PATCH", `/api/tickets/${service.id}`, {
      responsibleUserId: service.responsible?.id === agent.id ? null : agent.id,
      version: service.version,
    });
    await ok("POST", `/api/tickets/${d}/duplicate`, {});
    await agrees("after due date, sector and duplicate");
  });

  it("stays exact when a person's categories change", async () => {
    const person = async (name: string) =>
      (await t.as(admin, { method: "GET", url: `/api/persons/${codes[name]}` })).json();
    const ana = await person("ana");
    let res = await t.as(admin, {
      method: "PATCH",
      url: `/api/persons/${codes.ana}`,
      payload: { categoryIds: [cats.Fornecedor], version: ana.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    const supplier = await person("fornecedor");
    res = await t.as(admin, {
      method: "PATCH",
      url: `/api/persons/${codes.fornecedor}`,
      payload: { categoryIds: [cats.Cliente, cats.Fornecedor, cats.Prospect], version: supplier.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    await agrees("after category changes");
    expect((await actual("agent")).items.some((i) => i.person.code === codes.ana)).toBe(false);
  });

  it("stays exact as days go by, across São Paulo's midnight", async () => {
    try {
      const moments = [
        "2026-03-11T02:30:00.000Z",
        "2026-03-11T03:00:00.000Z",
        "2026-03-11T03:30:00.000Z",
        // 30/03 12:00: critical before 25/03, attention until 01/04 — two months.
        "2026-03-30T15:00:00.000Z",
        "2026-03-31T02:59:00.000Z",
        "2026-04-20T15:00:00.000Z",
      ];
      for (const at of moments) {
        clock.set(at);
        // A new session each time: the clock jumps past the idle limit of the old ones.
        for (const u of [admin, agent, developer]) u.cookie = await t.login(u.username, u.password);
        await agrees(`at ${at}`);
      }
    } finally {
      clock.set(NOW);
      for (const u of [admin, agent, developer]) u.cookie = await t.login(u.username, u.password);
    }
  });

  it("filters by sector and by responsible user", async () => {
    const sector = refs.sectors.Comercial as number;
    const all = await expected("developer");
    const bySector = await actual("developer", `&sectorId=${sector}`);
    expect([...bySector.bySector.keys()]).toEqual([sector]);
    expect(bySector.bySector.get(sector)).toEqual(all.bySector.get(sector));
    expect(bySector.items.every((i) => i.sector.id === sector)).toBe(true);
    const want = await expected("developer", agent.id);
    const mine = await actual("developer", `&responsibleUserId=${agent.id}`, 2);
    expect(want.ids.length).toBeGreaterThan(0);
    expect(mine.ids).toEqual(want.ids);
    expect(mine.bySector).toEqual(want.bySector);
    expect(mine.items.every((i) => i.responsible?.id === agent.id)).toBe(true);
  });

  it("refuses a bad cursor, and answers nothing to a user without Atendimentos or Produção", async () => {
    const bad = await t.as(admin, { method: "GET", url: "/api/critical-factors?cursor=abc" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("cursor");
    const outsider = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "addresses", level: "write" }]);
    const res = await t.as(outsider, { method: "GET", url: "/api/critical-factors" });
    expect(res.json()).toMatchObject({ bySector: [], items: [], counts: { critical: 0, attention: 0 } });
  });
});
