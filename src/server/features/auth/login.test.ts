import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/test-app.ts";

describe("login", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("gives a session that /api/me recognises, and a wrong password gets 401", async () => {
    const ana = await t.user({ username: "ana", password: "senha-certa-1" });
    const me = await t.as(ana, { method: "GET", url: "/api/me" });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe("ana");
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "ana", password: "errada" },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe("invalid_credentials");
  });
});
