import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { sha256 } from "../auth/tokens.ts";

describe("API tokens", () => {
  let t: TestApp;
  let admin: TestUser;
  let robot: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.user({ username: "chefe", isAdmin: true });
    robot = await t.user({ username: "erp-sync" });
  });
  afterAll(() => t.close());

  const create = (body: unknown) => t.as(admin, { method: "POST", url: "/api/tokens", payload: body as object });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it("is created by an admin and shown once; the database keeps only its SHA-256", async () => {
    const res = await create({ userId: robot.id, name: "ERP noturno" });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.token).toMatch(/^vnc_[A-Za-z0-9_-]{40,}$/);
    expect(created).toMatchObject({ userId: robot.id, username: "erp-sync", name: "ERP noturno", revokedAt: null });
    expect(created.token.startsWith(created.prefix)).toBe(true);

    const rows = await t.ctx.db.selectFrom("api_tokens").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(created.token);
    expect(rows.find((r) => r.id === created.id)?.token_hash).toBe(sha256(created.token));

    const list = await t.as(admin, { method: "GET", url: "/api/tokens" });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: number }) => i.id)).toContain(created.id);
    expect(list.body).not.toContain(created.token);
    expect(list.json().items[0]).not.toHaveProperty("token");
  });

  it("authenticates as its user with Authorization: Bearer", async () => {
    const { token } = (await create({ userId: robot.id, name: "integração" })).json();
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: bearer(token) });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe("erp-sync");
  });

  it("needs no Origin header on a POST: browsers do not send it by themselves", async () => {
    const { token } = (await create({ userId: admin.id, name: "script do admin" })).json();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/tokens",
      headers: bearer(token),
      payload: { userId: robot.id, name: "criado por token" },
    });
    expect(res.statusCode).toBe(201);
  });

  it("stops working once revoked", async () => {
    const { id, token } = (await create({ userId: robot.id, name: "a revogar" })).json();
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: bearer(token) })).statusCode).toBe(200);
    const revoked = await t.as(admin, { method: "DELETE", url: `/api/tokens/${id}` });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).toEqual(expect.any(String));
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: bearer(token) });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe("unauthorized");
  });

  it("stops working when its user is deactivated", async () => {
    const temp = await t.user({ username: "temporario" });
    const { token } = (await create({ userId: temp.id, name: "do temporário" })).json();
    await t.ctx.db.updateTable("users").set({ is_active: 0 }).where("id", "=", temp.id).execute();
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: bearer(token) })).statusCode).toBe(401);
  });

  it("refuses a made-up or malformed bearer token with 401", async () => {
    for (const value of ["Bearer vnc_inventado", "Bearer nada", "Basic YWRtaW46YWRtaW4="]) {
      const res = await t.app.inject({ method: "GET", url: "/api/me", headers: { authorization: value } });
      expect(res.statusCode).toBe(401);
    }
  });

  it("answers 404 when revoking a token that does not exist", async () => {
    const res = await t.as(admin, { method: "DELETE", url: "/api/tokens/999999" });
    expect(res.statusCode).toBe(404);
  });
});

describe("API tokens: who may manage them and what they accept", () => {
  let t: TestApp;
  let admin: TestUser;
  let clerk: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.user({ username: "chefe", isAdmin: true });
    clerk = await t.user({ username: "atendente" });
  });
  afterAll(() => t.close());

  it("is admin-only: 403 for a user, 401 for nobody", async () => {
    const calls = [
      { method: "GET" as const, url: "/api/tokens" },
      { method: "POST" as const, url: "/api/tokens", payload: { userId: clerk.id, name: "meu" } },
      { method: "DELETE" as const, url: "/api/tokens/1" },
    ];
    for (const call of calls) {
      expect((await t.as(clerk, call)).statusCode).toBe(403);
      expect((await t.app.inject(call)).statusCode).toBe(401);
    }
    expect(await t.ctx.db.selectFrom("api_tokens").selectAll().execute()).toHaveLength(0);
  });

  it("refuses a bad body with 400 naming the field", async () => {
    const res = await t.as(admin, { method: "POST", url: "/api/tokens", payload: { userId: "x", name: "" } });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(["userId", "name"]));
    expect(res.json().error.message).toContain("userId");
  });

  it("refuses an unknown userId with 400 naming userId", async () => {
    const res = await t.as(admin, { method: "POST", url: "/api/tokens", payload: { userId: 424242, name: "órfão" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: "userId" })]);
    expect(await t.ctx.db.selectFrom("api_tokens").selectAll().execute()).toHaveLength(0);
  });
});
