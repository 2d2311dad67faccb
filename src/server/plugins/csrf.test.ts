import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, TEST_ORIGIN, type TestApp, type TestUser } from "../test/test-app.ts";

/** A request that rides on the session cookie must come from the app's own pages. */
describe("cross-site request forgery", () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.user({ username: "chefe", isAdmin: true });
  });
  afterAll(() => t.close());

  let n = 0;
  const createUser = (headers: Record<string, string>) => {
    n += 1;
    const username = `csrf${n}`;
    return {
      username,
      res: t.app.inject({
        method: "POST",
        url: "/api/users",
        headers: { cookie: admin.cookie, ...headers },
        payload: { username, name: "Alvo", email: `${username}@example.com`, password: "senha-qualquer" },
      }),
    };
  };
  const exists = async (username: string) =>
    Boolean(await t.ctx.db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirst());

  it("refuses a POST from another Origin, and changes nothing", async () => {
    const { username, res } = createUser({ origin: "https://evil.example" });
    const answer = await res;
    expect(answer.statusCode).toBe(403);
    expect(answer.json().error.code).toBe("forbidden");
    expect(await exists(username)).toBe(false);
  });

  it("refuses Sec-Fetch-Site cross-site and same-site, even with a matching Origin", async () => {
    for (const site of ["cross-site", "same-site"]) {
      const { username, res } = createUser({ "sec-fetch-site": site, origin: TEST_ORIGIN });
      expect((await res).statusCode).toBe(403);
      expect(await exists(username)).toBe(false);
    }
  });

  it("allows Sec-Fetch-Site same-origin", async () => {
    const { username, res } = createUser({ "sec-fetch-site": "same-origin" });
    expect((await res).statusCode).toBe(201);
    expect(await exists(username)).toBe(true);
  });

  it("allows the app's own Origin", async () => {
    const { username, res } = createUser({ origin: TEST_ORIGIN });
    expect((await res).statusCode).toBe(201);
    expect(await exists(username)).toBe(true);
  });

  it("refuses a cookie POST with neither Origin nor Sec-Fetch-Site", async () => {
    const { username, res } = createUser({});
    expect((await res).statusCode).toBe(403);
    expect(await exists(username)).toBe(false);
  });

  it("refuses a cross-site logout and a cross-site login", async () => {
    const out = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: admin.cookie, origin: "https://evil.example" },
    });
    expect(out.statusCode).toBe(403);
    expect((await t.as(admin, { method: "GET", url: "/api/me" })).statusCode).toBe(200);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "sec-fetch-site": "cross-site" },
      payload: { username: "chefe", password: admin.password },
    });
    expect(login.statusCode).toBe(403);
    expect(login.headers["set-cookie"]).toBeUndefined();
  });

  it("lets reads through from anywhere: GET changes nothing", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/api/me",
      headers: { cookie: admin.cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe("cross-site request forgery behind a public URL", () => {
  it("takes the origin from VINCULO_PUBLIC_URL", async () => {
    const t = await buildTestApp({ config: { publicUrl: "https://crm.example.com.br" } });
    try {
      const user = await t.user();
      const logout = (origin: string) =>
        t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie: user.cookie, origin } });
      expect((await logout("http://localhost:80")).statusCode).toBe(403);
      expect((await logout("https://crm.example.com.br")).statusCode).toBe(204);
    } finally {
      await t.close();
    }
  });
});
