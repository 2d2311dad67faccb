import fs from "node:fs";
import path from "node:path";
import Fastify from "fastify";
import { validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { personTabsResponse } from "../../shared/access.schemas.ts";
import { listOf } from "../../shared/common.schemas.ts";
import { companyCriticalFactors, personCriticalFactors } from "../../shared/critical-factors.schemas.ts";
import { person, personSummary } from "../../shared/persons.schemas.ts";
import { ticketSummary } from "../../shared/tickets.schemas.ts";
import type { AppContext } from "../context.ts";
import { testClock } from "../test/clock.ts";
import { categoryIds, makePerson, userWithGrants } from "../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../test/test-app.ts";
import { openTicket, ticketBody, ticketRefs } from "../test/tickets.ts";
import { fastSerializer, responseSerializerCompiler } from "./serializer.ts";

/**
 * Every response schema of every route: each exported `…Routes` of the features registered on a
 * bare app of its own (some call others, so one app would see a route twice).
 */
async function allResponseSchemas(ctx: AppContext): Promise<{ route: string; schema: z.ZodType }[]> {
  const found: { route: string; schema: z.ZodType }[] = [];
  const features = path.resolve(import.meta.dirname, "../features");
  for (const feature of fs.readdirSync(features)) {
    for (const file of fs.readdirSync(path.join(features, feature)).filter((f) => f.endsWith(".routes.ts"))) {
      const module = (await import(path.join(features, feature, file))) as Record<string, unknown>;
      for (const [name, register] of Object.entries(module)) {
        if (!name.endsWith("Routes") || typeof register !== "function") continue;
        const app = Fastify().withTypeProvider<ZodTypeProvider>();
        app.setValidatorCompiler(validatorCompiler);
        app.setSerializerCompiler(responseSerializerCompiler);
        app.addHook("onRoute", (route) => {
          const response = (route.schema?.response ?? {}) as Record<string, unknown>;
          for (const [status, schema] of Object.entries(response)) {
            if (schema instanceof z.ZodType) found.push({ route: `${route.method} ${route.url} ${status}`, schema });
          }
        });
        await register(app, ctx);
        await app.ready();
        await app.close();
      }
    }
  }
  return found;
}

describe("responses serialized by fast-json-stringify from the zod schemas", () => {
  let t: TestApp;
  let clerk: TestUser;
  let admin: TestUser;
  let code: number;

  beforeAll(async () => {
    const clock = testClock("2026-03-10T21:00:00.000Z");
    t = await buildTestApp({ now: clock.now });
    const cat = await categoryIds(t.ctx);
    const refs = await ticketRefs(t.ctx);
    admin = await t.user({ isAdmin: true });
    clerk = await userWithGrants(t, [
      { categoryId: cat.Cliente, tab: "tickets", level: "write" },
      { categoryId: cat.Cliente, tab: "addresses", level: "read" },
    ]);
    const made = await makePerson(t.ctx, {
      categoryIds: [cat.Cliente],
      name: "Serialização Exemplar Ltda",
      shortName: null,
      emails: [{ address: "contato@exemplar.com.br", isMain: true }],
      phones: [{ number: "11987654321", isMain: true }],
    });
    code = made.code;
    // One critical (overdue), one on time; one with a responsible user, one without.
    await openTicket(
      t,
      admin,
      code,
      ticketBody(refs, { dueAt: "2026-03-01T12:00:00.000Z", responsibleUserId: clerk.id }),
    );
    await openTicket(
      t,
      admin,
      code,
      ticketBody(refs, { subject: "Segunda via do boleto", dueAt: "2026-03-11T12:00:00.000Z" }),
    );
  });
  afterAll(() => t.close());

  it("compile every route's response schema (none falls back to a zod parse)", async () => {
    const schemas = await allResponseSchemas(t.ctx);
    expect(schemas.length).toBeGreaterThan(100);
    expect(schemas.filter((s) => fastSerializer(s.schema) === null).map((s) => s.route)).toEqual([]);
  });

  it("answer the hot routes in exactly their schema's shape", async () => {
    const hot: [string, z.ZodType][] = [
      [`/api/persons/${code}`, person],
      [`/api/persons/${code}/tabs`, personTabsResponse],
      ["/api/persons?q=exemplar", listOf(personSummary)],
      [`/api/persons/${code}/tickets?area=service&status=open`, listOf(ticketSummary)],
      ["/api/my-tickets", listOf(ticketSummary)],
      [`/api/persons/${code}/critical-factors`, personCriticalFactors],
      ["/api/critical-factors", companyCriticalFactors],
    ];
    for (const [url, schema] of hot) {
      const res = await t.as(clerk, { method: "GET", url });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      const body = res.json();
      // parse strips what the schema does not name: equal means nothing more, nothing missing.
      expect(schema.parse(body), url).toEqual(body);
    }
    const tickets = (await t.as(clerk, { method: "GET", url: `/api/persons/${code}/tickets` })).json();
    expect(tickets.items).toHaveLength(2);
    expect(tickets.items.map((i: { responsible: unknown }) => i.responsible)).toContainEqual(null);
    const critical = (await t.as(clerk, { method: "GET", url: `/api/persons/${code}/critical-factors` })).json();
    expect(critical.counts.critical).toBe(1);
  });

  it("write the same JSON as zod's parse, and never a field the schema does not name", () => {
    const serialize = fastSerializer(person);
    if (!serialize) throw new Error("person did not compile");
    const data = {
      code: 7,
      kind: "company",
      name: "Exemplar",
      shortName: null,
      document: "11222333000181",
      isActive: true,
      notes: null,
      categories: [{ id: 1, name: "Cliente", role: "customer", is_active: 1 }],
      characteristics: [],
      emails: [{ id: 3, address: "a@b.com.br", isMain: true, person_id: 9 }],
      phones: [],
      createdAt: "2026-03-10T21:00:00.000Z",
      updatedAt: "2026-03-10T21:00:00.000Z",
      version: 2,
      // What a handler could forget to map: a column of the row, and a secret.
      search_text: "exemplar 11222333000181",
      password_hash: "$argon2id$…",
    };
    const written = JSON.parse(serialize(data));
    expect(written).toEqual(person.parse(data));
    expect(written).not.toHaveProperty("search_text");
    expect(written).not.toHaveProperty("password_hash");
    expect(written.categories[0]).not.toHaveProperty("is_active");
    expect(written.emails[0]).toEqual({ id: 3, address: "a@b.com.br", isMain: true });
    // A nullable object, both ways, through the collapsed `nullable` schema.
    const summary = fastSerializer(ticketSummary);
    const ticket = { ...ticketSummaryExample(), product: null, responsible: { id: 2, name: "Ana", extra: 1 } };
    expect(JSON.parse(summary?.(ticket) ?? "")).toEqual(ticketSummary.parse(ticket));
  });

  it("keep zod's serializer for a schema JSON Schema cannot express", () => {
    const schema = z.object({ at: z.date() });
    expect(fastSerializer(schema)).toBeNull();
    const serialize = responseSerializerCompiler({ schema, method: "GET", url: "/x", httpStatus: "200" });
    expect(serialize({ at: new Date("2026-03-10T21:00:00.000Z"), extra: 1 })).toBe('{"at":"2026-03-10T21:00:00.000Z"}');
  });
});

function ticketSummaryExample() {
  return {
    id: 1,
    number: 1001,
    person: { code: 7, name: "Exemplar" },
    area: "service",
    status: "open",
    subject: "Erro ao emitir nota fiscal",
    type: { id: 1, name: "Suporte técnico" },
    sector: { id: 1, name: "Suporte" },
    product: null,
    responsible: null,
    priority: "normal",
    channel: null,
    contactName: null,
    openedAt: "2026-03-10T21:00:00.000Z",
    openedBy: null,
    dueAt: "2026-03-11T21:00:00.000Z",
    overdue: false,
    internalContactAt: null,
    internalContactUser: null,
    closedAt: null,
    noteCount: 1,
    lastNoteAt: "2026-03-10T21:00:00.000Z",
    version: 1,
  };
}
