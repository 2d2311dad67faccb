import { beforeEach, describe, expect, it } from "vitest";
import { MINUTE, testClock } from "../../test/clock.ts";
import { buildTestApp, type TestApp } from "../../test/test-app.ts";

/** 10 failures per username and 30 per client address in 15 minutes; the counters live in the database. */
describe("login rate limit", () => {
  const clock = testClock();
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp({ now: clock.now });
    await t.user({ username: "hugo", password: "senha-do-hugo" });
    return () => t.close();
  });

  const attempt = (username: string, password: string, remoteAddress = "10.0.0.1") =>
    t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password }, remoteAddress });

  it("blocks a username after 10 failures, even with the right password and from another address", async () => {
    for (let i = 0; i < 10; i++) {
      // Spread over addresses: the per-username limit must not depend on where the guesses come from.
      expect((await attempt("hugo", `errada-${i}`, `10.0.1.${i}`)).statusCode).toBe(401);
    }
    const blocked = await attempt("HUGO", "senha-do-hugo", "10.0.2.1");
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("rate_limited");
    const retryAfter = Number(blocked.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(blocked.headers["set-cookie"]).toBeUndefined();
  });

  it("lets the username in again once the window has passed", async () => {
    for (let i = 0; i < 10; i++) await attempt("hugo", "errada");
    expect((await attempt("hugo", "senha-do-hugo")).statusCode).toBe(429);
    clock.advance(15 * MINUTE + 1000);
    expect((await attempt("hugo", "senha-do-hugo")).statusCode).toBe(200);
  });

  it("blocks an address after 30 failures, whatever usernames it tries, but not other addresses", async () => {
    for (let i = 0; i < 30; i++) expect((await attempt(`alvo${i}`, "errada", "10.9.9.9")).statusCode).toBe(401);
    const blocked = await attempt("hugo", "senha-do-hugo", "10.9.9.9");
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("rate_limited");
    expect(blocked.headers["retry-after"]).toBeDefined();
    expect((await attempt("hugo", "senha-do-hugo", "10.8.8.8")).statusCode).toBe(200);
  });

  it("clears the username's counter on a successful login", async () => {
    for (let i = 0; i < 9; i++) await attempt("hugo", "errada");
    expect((await attempt("hugo", "senha-do-hugo")).statusCode).toBe(200);
    for (let i = 0; i < 9; i++) expect((await attempt("hugo", "errada")).statusCode).toBe(401);
    // 18 failures in the window, but only 9 since the last success.
    expect((await attempt("hugo", "senha-do-hugo")).statusCode).toBe(200);
  });

  it("is shared by every server on the database", async () => {
    const other = await t.reopen();
    for (let i = 0; i < 10; i++) await attempt("hugo", "errada");
    const res = await other.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "hugo", password: "senha-do-hugo" },
    });
    expect(res.statusCode).toBe(429);
  });
});
