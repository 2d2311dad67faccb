import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/test-app.ts";

describe("failed login", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    const gil = await t.user({ username: "gil", password: "senha-do-gil" });
    const inactive = await t.user({ username: "ines", password: "senha-da-ines" });
    await t.ctx.db.updateTable("users").set({ is_active: 0 }).where("id", "=", inactive.id).execute();
    expect(gil.id).toBeGreaterThan(0);
  });
  afterAll(() => t.close());

  const attempt = (username: string, password: string) =>
    t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });

  it("answers the same 401 for a wrong password, an unknown username and a deactivated user", async () => {
    const wrong = await attempt("gil", "senha-errada");
    const unknown = await attempt("ninguem", "senha-errada");
    const inactive = await attempt("ines", "senha-da-ines");
    for (const res of [wrong, unknown, inactive]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers["set-cookie"]).toBeUndefined();
    }
    expect(wrong.json()).toEqual({
      error: { code: "invalid_credentials", message: "Usuário ou senha incorretos.", reason: "invalid_credentials" },
    });
    expect(unknown.body).toBe(wrong.body);
    expect(inactive.body).toBe(wrong.body);
  });

  it("creates no session on failure", async () => {
    const before = await t.ctx.db.selectFrom("sessions").select("id_hash").execute();
    await attempt("gil", "outra-errada");
    const after = await t.ctx.db.selectFrom("sessions").select("id_hash").execute();
    expect(after).toHaveLength(before.length);
  });

  it("refuses an empty username or password with 400 naming the field", async () => {
    const res = await attempt("   ", "x");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: "username" })]));
  });
});
