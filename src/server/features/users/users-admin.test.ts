import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

describe("users administration", () => {
  let t: TestApp;
  let admin: TestUser;
  let clerk: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.user({ username: "chefe", isAdmin: true });
    clerk = await t.user({ username: "atendente" });
  });
  afterAll(() => t.close());

  const count = async () => (await t.ctx.db.selectFrom("users").select("id").execute()).length;
  const newUser = (over: Record<string, unknown> = {}) => ({
    username: "lia",
    name: "Lia Souza",
    email: "lia@empresa.com.br",
    password: "senha-da-lia",
    ...over,
  });

  it("is closed to anonymous requests (401) and to non-admins (403)", async () => {
    const before = await count();
    expect((await t.app.inject({ method: "GET", url: "/api/users" })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "POST", url: "/api/users", payload: newUser() })).statusCode).toBe(401);
    const list = await t.as(clerk, { method: "GET", url: "/api/users" });
    expect(list.statusCode).toBe(403);
    expect(list.json().error.code).toBe("forbidden");
    expect((await t.as(clerk, { method: "POST", url: "/api/users", payload: newUser() })).statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it("creates a user who can then log in; the answer never carries the password or its hash", async () => {
    const res = await t.as(admin, { method: "POST", url: "/api/users", payload: newUser() });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: "lia",
      name: "Lia Souza",
      isAdmin: false,
      isActive: true,
      version: 1,
    });
    expect(res.body).not.toContain("senha-da-lia");
    expect(res.body).not.toContain("scrypt");
    expect(await t.login("lia", "senha-da-lia")).toMatch(/^vinculo_session=/);
    const list = await t.as(admin, { method: "GET", url: "/api/users" });
    expect(list.json().items.map((u: { username: string }) => u.username)).toContain("lia");
    expect(list.body).not.toContain("scrypt");
  });

  it("answers 409 for a username that exists, in any case", async () => {
    const before = await count();
    const res = await t.as(admin, { method: "POST", url: "/api/users", payload: newUser({ username: "LIA" }) });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("conflict");
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: "username" })]);
    expect(await count()).toBe(before);
  });

  it("refuses a bad e-mail with 400 naming email, and creates nothing", async () => {
    const before = await count();
    const res = await t.as(admin, {
      method: "POST",
      url: "/api/users",
      payload: newUser({ username: "mauro", email: "não-é-email" }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: "email" })]);
    expect(await count()).toBe(before);
  });

  it("refuses a short password and a username with spaces, naming each field", async () => {
    const res = await t.as(admin, {
      method: "POST",
      url: "/api/users",
      payload: newUser({ username: "nome com espaço", password: "curta" }),
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(["username", "password"]));
  });
});
