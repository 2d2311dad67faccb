import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, cookieOf, TEST_ORIGIN, type TestApp } from "../../test/test-app.ts";
import { sha256 } from "./tokens.ts";

const login = (t: TestApp, username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password }, headers });

const setCookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers["set-cookie"]);

describe("session cookie", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await t.user({ username: "bia", password: "senha-da-bia" });
  });
  afterAll(() => t.close());

  it("is HttpOnly, SameSite=Lax, for the whole site, and not Secure over plain http", async () => {
    const res = await login(t, "bia", "senha-da-bia");
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: "bia", isAdmin: false });
    const header = setCookieOf(res);
    expect(header).toMatch(/^vinculo_session=[A-Za-z0-9_-]{40,};/);
    expect(header).toMatch(/; HttpOnly/i);
    expect(header).toMatch(/; SameSite=Lax/i);
    expect(header).toMatch(/; Path=\//);
    expect(header).not.toMatch(/; Secure/i);
  });

  it("accepts the username in any case and with spaces around it", async () => {
    const res = await login(t, "  BIA ", "senha-da-bia");
    expect(res.statusCode).toBe(200);
    expect(res.json().user.username).toBe("bia");
  });

  it("is a new random id at every login, stored only as a hash", async () => {
    const first = cookieOf(await login(t, "bia", "senha-da-bia"));
    const second = cookieOf(await login(t, "bia", "senha-da-bia"));
    expect(first).not.toBe(second);
    const secret = second.split("=")[1] ?? "";
    const rows = await t.ctx.db.selectFrom("sessions").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(rows.some((r) => r.id_hash === sha256(secret))).toBe(true);
    for (const cookie of [first, second]) {
      const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
      expect(me.statusCode).toBe(200);
    }
  });

  it("logging in again with the old cookie ends the old session", async () => {
    const old = cookieOf(await login(t, "bia", "senha-da-bia"));
    const fresh = await login(t, "bia", "senha-da-bia", { cookie: old, origin: TEST_ORIGIN });
    expect(fresh.statusCode).toBe(200);
    const renewed = cookieOf(fresh);
    expect(renewed).not.toBe(old);
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: old } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: renewed } })).statusCode).toBe(200);
  });

  it("ignores a made-up cookie: 401 on /api/me", async () => {
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: "vinculo_session=inventado" } });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe("unauthorized");
  });
});

describe("session cookie over https", () => {
  it("is Secure when VINCULO_PUBLIC_URL is https", async () => {
    const t = await buildTestApp({ config: { publicUrl: "https://crm.example.com.br" } });
    try {
      await t.user({ username: "caio", password: "senha-do-caio" });
      const header = setCookieOf(await login(t, "caio", "senha-do-caio"));
      expect(header).toMatch(/; Secure/i);
      expect(header).toMatch(/; HttpOnly/i);
    } finally {
      await t.close();
    }
  });

  it("is Secure behind a trusted proxy that says the request came over https", async () => {
    const t = await buildTestApp({ config: { trustProxy: true } });
    try {
      await t.user({ username: "caio", password: "senha-do-caio" });
      const header = setCookieOf(await login(t, "caio", "senha-do-caio", { "x-forwarded-proto": "https" }));
      expect(header).toMatch(/; Secure/i);
    } finally {
      await t.close();
    }
  });
});
