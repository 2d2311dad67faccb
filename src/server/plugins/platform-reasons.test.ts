import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryIds, makePerson, userWithGrants } from "../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../test/test-app.ts";

/**
 * The platform's refusals name their reason (shared/reasons/platform.ts), so the web can say them
 * in English; the pt-BR message stays the one the API always sent.
 */
describe("platform refusals carry their reason", () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.user({ isAdmin: true });
  });
  afterAll(() => t.close());

  const send = (method: "POST" | "PATCH", url: string, payload: Record<string, unknown>) =>
    t.as(admin, { method, url, payload });

  it("a service's field refusal: reason, params, and the same message", async () => {
    const res = await send("POST", "/api/users", {
      username: admin.username.toUpperCase(),
      name: "Outro",
      email: "outro@example.com",
      password: "senha-longa-1",
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: "conflict",
      reason: "username_taken",
      params: { username: admin.username },
      message: `username: o usuário "${admin.username}" já existe.`,
      details: [{ field: "username", reason: "username_taken" }],
    });
  });

  it("a stale version: reason and the current version", async () => {
    const created = await send("POST", "/api/settings/sectors", { name: "Setor das razões" });
    expect(created.statusCode, created.body).toBe(201);
    const stale = await send("PATCH", `/api/settings/sectors/${created.json().id}`, {
      name: "Outro nome",
      version: created.json().version + 5,
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error).toMatchObject({
      reason: "setting_changed",
      message: "Outra pessoa alterou este registro; recarregue.",
      details: { currentVersion: created.json().version },
    });
    const dup = await send("POST", "/api/settings/sectors", { name: "Setor das razões" });
    expect(dup.json().error).toMatchObject({
      reason: "setting_name_taken",
      params: { label: "setor" },
      message: "name: já existe setor com este nome.",
    });
  });

  it("a zod refinement names its reason per field", async () => {
    const cats = await categoryIds(t.ctx);
    const grant = { categoryId: cats.Cliente, tab: "addresses", level: "read" };
    const grants = await send("POST", "/api/access-profiles", { name: "Repetido", grants: [grant, grant] });
    expect(grants.statusCode).toBe(400);
    expect(grants.json().error.details).toEqual([
      expect.objectContaining({
        field: "grants",
        reason: "duplicate_grant",
        message: "a mesma categoria e aba aparece mais de uma vez",
      }),
    ]);
    const zone = await send("PATCH", "/api/settings/company", { timeZone: "America/Nowhere", version: 1 });
    expect(zone.statusCode).toBe(400);
    expect(zone.json().error.details).toEqual([
      expect.objectContaining({ field: "timeZone", reason: "unknown_time_zone" }),
    ]);
  });

  it("access and CSRF refusals", async () => {
    const cats = await categoryIds(t.ctx);
    const reader = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "addresses", level: "read" }]);
    const person = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Pessoa das Razões" });
    const tickets = await t.as(reader, { method: "GET", url: `/api/persons/${person.code}/tickets` });
    expect(tickets.statusCode).toBe(403);
    expect(tickets.json().error).toMatchObject({
      reason: "no_tab_access",
      params: { tab: "Atendimentos" },
      message: "Você não tem acesso à aba Atendimentos desta pessoa.",
    });
    const crossSite = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: reader.cookie, origin: "https://elsewhere.example" },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error).toMatchObject({
      reason: "cross_origin",
      message: "Requisição de outra origem recusada.",
    });
  });
});
