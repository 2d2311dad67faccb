import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/test-app.ts";

describe("logout and deactivation", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("logout ends the session on the server, not only in the browser", async () => {
    const dora = await t.user({ username: "dora" });
    const out = await t.as(dora, { method: "POST", url: "/api/auth/logout" });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers["set-cookie"])).toMatch(/^vinculo_session=;/);
    // The same cookie, replayed, is worth nothing now.
    const me = await t.as(dora, { method: "GET", url: "/api/me" });
    expect(me.statusCode).toBe(401);
    const rows = await t.ctx.db.selectFrom("sessions").selectAll().where("user_id", "=", dora.id).execute();
    expect(rows).toHaveLength(0);
  });

  it("logout ends only that session: the user's other devices stay logged in", async () => {
    const eva = await t.user({ username: "eva" });
    const phone = { cookie: await t.login("eva", eva.password) };
    expect((await t.as(eva, { method: "POST", url: "/api/auth/logout" })).statusCode).toBe(204);
    expect((await t.as(phone, { method: "GET", url: "/api/me" })).statusCode).toBe(200);
  });

  it("a deactivated user loses access at the next request, and cannot log in again", async () => {
    const fabio = await t.user({ username: "fabio" });
    expect((await t.as(fabio, { method: "GET", url: "/api/me" })).statusCode).toBe(200);
    await t.ctx.db.updateTable("users").set({ is_active: 0 }).where("id", "=", fabio.id).execute();
    expect((await t.as(fabio, { method: "GET", url: "/api/me" })).statusCode).toBe(401);
    const again = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "fabio", password: fabio.password },
    });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe("invalid_credentials");
  });
});
