import { afterEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp, testDialect } from "../../test/test-app.ts";
import { ensureFirstAdmin } from "./users.service.ts";

describe("first start", () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const usernames = async (app: TestApp) =>
    (await app.ctx.db.selectFrom("users").select("username").execute()).map((r) => r.username);

  it("creates admin with VINCULO_ADMIN_PASSWORD on an empty database, once", async () => {
    t = await buildTestApp({ config: { adminPassword: "senha-inicial-1" } });
    expect(await ensureFirstAdmin(t.ctx)).toBe("created");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "admin", password: "senha-inicial-1" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: "admin", name: "Administrador", isAdmin: true });
    expect(await ensureFirstAdmin(t.ctx)).toBe("exists");
    expect(await usernames(t)).toEqual(["admin"]);
  });

  it("does nothing when users exist, even with the password set", async () => {
    t = await buildTestApp({ config: { adminPassword: "senha-inicial-1" } });
    await t.user({ username: "pioneira" });
    expect(await ensureFirstAdmin(t.ctx)).toBe("exists");
    expect(await usernames(t)).toEqual(["pioneira"]);
  });

  it("returns missing and creates nobody without the password", async () => {
    t = await buildTestApp({ config: { adminPassword: undefined } });
    expect(await ensureFirstAdmin(t.ctx)).toBe("missing");
    expect(await usernames(t)).toEqual([]);
  });

  // Several servers share a database only on PostgreSQL; an SQLite file has one server.
  it.skipIf(testDialect() === "sqlite")("two servers starting together on PostgreSQL create one admin", async () => {
    t = await buildTestApp({ config: { adminPassword: "senha-inicial-1" } });
    const other = await t.reopen();
    const results = await Promise.all([ensureFirstAdmin(t.ctx), ensureFirstAdmin(other.ctx)]);
    expect(results.sort()).toEqual(["created", "exists"]);
    expect(await usernames(t)).toEqual(["admin"]);
  });
});
