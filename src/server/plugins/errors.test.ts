import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BODY_LIMIT } from "../app.ts";
import { buildTestApp, type TestApp, type TestUser, testDialect } from "../test/test-app.ts";

const json = { "content-type": "application/json" };

/** Bad input is a 4xx in the one error shape, naming the field; never a 500, never a stack trace. */
describe("error answers", () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.user({ username: "chefe", isAdmin: true });
  });
  afterAll(() => t.close());

  const login = (payload: string | object, headers: Record<string, string> = json) =>
    t.app.inject({ method: "POST", url: "/api/auth/login", headers, payload });

  it("malformed JSON → 400 bad_request", async () => {
    const res = await login('{"username": "chefe", ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("bad_request");
  });

  it("an empty JSON body → 400 bad_request", async () => {
    const res = await login("");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("bad_request");
  });

  it("a content type other than JSON → 415, text/plain included", async () => {
    for (const type of ["application/x-www-form-urlencoded", "text/plain", "application/xml"]) {
      const res = await login('{"username":"chefe","password":"x"}', { "content-type": type });
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe("unsupported_media_type");
    }
  });

  it("a Content-Length that does not match the body → 400 bad_request", async () => {
    const res = await login('{"username":"chefe","password":"x"}', { ...json, "content-length": "5" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("bad_request");
  });

  it("a body over 1 MiB → 413", async () => {
    const payload = JSON.stringify({ username: "chefe", password: "x".repeat(BODY_LIMIT) });
    const res = await login(payload);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("payload_too_large");
  });

  it("a wrongly typed field → 400 naming it", async () => {
    const res = await login({ username: 123, password: "x" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "validation_failed" });
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: "username" })]);
    expect(res.json().error.message).toMatch(/^username: /);
  });

  it("a missing field → 400 naming it", async () => {
    const res = await login({ username: "chefe" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: "password" })]);
  });

  it("a nested or body-less request names the body", async () => {
    const res = await t.as(admin, { method: "POST", url: "/api/users", payload: [] as unknown as object });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
  });

  it("a bad path parameter → 400 naming it", async () => {
    const res = await t.as(admin, { method: "DELETE", url: "/api/tokens/abc" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: "id" })]);
  });

  it("an unknown /api route → 404 JSON, for any method", async () => {
    for (const method of ["GET", "POST"] as const) {
      const res = await t.app.inject({ method, url: "/api/nao-existe?x=1", headers: { accept: "text/html" } });
      expect(res.statusCode).toBe(404);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(res.json().error.code).toBe("not_found");
      expect(res.json().error.message).not.toContain("x=1");
    }
  });

  it("no error answer carries a stack trace or a file path", async () => {
    const answers = await Promise.all([
      login('{"username":'),
      login({ username: 1 }),
      login("a=b", { "content-type": "text/plain" }),
      login("{}", { "content-type": "application/xml" }),
      t.app.inject({ method: "GET", url: "/api/nada" }),
    ]);
    for (const res of answers) {
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.body).not.toMatch(/stack|\bat .*\(|node_modules|\.ts:\d+/);
      expect(Object.keys(res.json())).toEqual(["error"]);
    }
  });
});

describe("unexpected failure", () => {
  it("answers 500 internal with a generic message and no stack", async () => {
    const t = await buildTestApp();
    try {
      const user = await t.user();
      // Break the database under the app: the session lookup now throws.
      await t.ctx.db.schema.dropTable("sessions").execute();
      const res = await t.as(user, { method: "GET", url: "/api/me" });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ error: { code: "internal", message: expect.any(String), reason: "internal" } });
      expect(res.body).not.toMatch(/sessions|stack|SQLITE|relation|\.ts:\d+/i);
    } finally {
      await t.close();
    }
  });

  // A deadlock victim was rolled back whole: the client is told to send it again, never a 500.
  it.skipIf(testDialect() === "sqlite")("a PostgreSQL deadlock → 503 with Retry-After, and nothing saved", async () => {
    const t = await buildTestApp();
    try {
      const admin = await t.user({ isAdmin: true });
      await sql`create function vt_deadlock() returns trigger language plpgsql as $$
        begin raise exception 'deadlock detected' using errcode = 'deadlock_detected'; end $$`.execute(t.ctx.db);
      await sql`create trigger vt_deadlock before insert on characteristics
        for each row execute function vt_deadlock()`.execute(t.ctx.db);
      const res = await t.as(admin, {
        method: "POST",
        url: "/api/settings/characteristics",
        payload: { name: "Cliente prata", color: "#868e96" },
      });
      expect(res.statusCode).toBe(503);
      expect(res.headers["retry-after"]).toBe("1");
      expect(res.json().error.code).toBe("unavailable");
      const saved = await t.ctx.db
        .selectFrom("characteristics")
        .select("id")
        .where("name", "=", "Cliente prata")
        .execute();
      expect(saved).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
