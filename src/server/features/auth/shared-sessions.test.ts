import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import { buildTestApp, type TestApp } from "../../test/test-app.ts";

/** Sessions live in the database, so several servers (or one after a restart) accept the same cookie. */
describe("sessions shared through the database", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("a second server built on the same database accepts the cookie", async () => {
    const ivo = await t.user({ username: "ivo" });
    const second = await buildApp(t.ctx);
    try {
      await second.ready();
      const me = await second.inject({ method: "GET", url: "/api/me", headers: { cookie: ivo.cookie } });
      expect(me.statusCode).toBe(200);
      expect(me.json().user.username).toBe("ivo");
    } finally {
      await second.close();
    }
  });

  it("a server with its own connections sees sessions made by another, and logout on one ends it on both", async () => {
    const jade = await t.user({ username: "jade" });
    const other = await t.reopen();
    const me = await other.app.inject({ method: "GET", url: "/api/me", headers: { cookie: jade.cookie } });
    expect(me.statusCode).toBe(200);
    await t.as(jade, { method: "POST", url: "/api/auth/logout" });
    const after = await other.app.inject({ method: "GET", url: "/api/me", headers: { cookie: jade.cookie } });
    expect(after.statusCode).toBe(401);
    await other.close();
  });

  it("a restart keeps the sessions", async () => {
    await t.user({ username: "joel", password: "senha-do-joel" });
    const before = await t.reopen();
    const login = await before.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "joel", password: "senha-do-joel" },
    });
    const cookie = String(login.headers["set-cookie"]).split(";")[0] ?? "";
    await before.close();
    const after = await t.reopen();
    const me = await after.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe("joel");
    await after.close();
  });
});
