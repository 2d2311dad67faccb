import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, loggerOptions } from "./app.ts";
import { buildTestApp, type TestApp } from "./test/test-app.ts";

describe("request logs", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("keep method and path but never the query string, the cookie, a token or a password", async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const base = loggerOptions("info") as Record<string, unknown>;
    const app = await buildApp(t.ctx, { logger: { ...base, stream } as never });
    const user = await t.user({ password: "senha-secreta-99" });
    await app.inject({ method: "GET", url: "/api/persons?q=529.982.247-25", headers: { cookie: user.cookie } });
    await app.inject({ method: "GET", url: "/api/me", headers: { authorization: "Bearer vnc_segredo" } });
    await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: user.username, password: "senha-secreta-99" },
    });
    await app.close();
    const out = lines.join("");
    expect(out).toContain('"path":"/api/persons"');
    expect(out).not.toContain("529.982");
    expect(out).not.toContain(user.cookie.split("=")[1]);
    expect(out).not.toContain("vnc_segredo");
    expect(out).not.toContain("senha-secreta-99");
  });
});
