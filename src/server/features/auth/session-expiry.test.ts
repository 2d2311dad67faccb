import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY, HOUR, MINUTE, testClock } from "../../test/clock.ts";
import { buildTestApp, type TestApp } from "../../test/test-app.ts";

/** Sessions end after 8 h without use (idle) and 7 days after login whatever happens (absolute). */
describe("session expiry", () => {
  const clock = testClock();
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ now: clock.now });
  });
  afterAll(() => t.close());

  const me = (user: { cookie: string }) => t.as(user, { method: "GET", url: "/api/me" });

  it("ends a session left idle for more than 8 hours", async () => {
    const user = await t.user();
    clock.advance(8 * HOUR - MINUTE);
    expect((await me(user)).statusCode).toBe(200);
    const idle = await t.user();
    clock.advance(8 * HOUR + MINUTE);
    expect((await me(idle)).statusCode).toBe(401);
  });

  it("keeps a session alive while it is used", async () => {
    const user = await t.user();
    for (let i = 0; i < 4; i++) {
      clock.advance(7 * HOUR);
      expect((await me(user)).statusCode).toBe(200);
    }
  });

  it("ends a session 7 days after login even when used all along", async () => {
    const user = await t.user();
    let elapsed = 0;
    while (elapsed + 7 * HOUR < 7 * DAY) {
      clock.advance(7 * HOUR);
      elapsed += 7 * HOUR;
      expect((await me(user)).statusCode).toBe(200);
    }
    clock.advance(7 * DAY - elapsed + MINUTE);
    expect((await me(user)).statusCode).toBe(401);
  });

  it("gives the cookie a Max-Age no longer than the absolute lifetime", async () => {
    const user = await t.user();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: user.username, password: user.password },
    });
    const maxAge = Number(/Max-Age=(\d+)/i.exec(String(res.headers["set-cookie"]))?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual((7 * DAY) / 1000);
  });
});
