import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../test/test-app.ts";

function expectSecurityHeaders(headers: Record<string, unknown>) {
  const csp = String(headers["content-security-policy"]);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-powered-by"]).toBeUndefined();
}

describe("security headers", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("are on the health route", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expectSecurityHeaders(res.headers);
  });

  it("are on API answers, errors and 404s too", async () => {
    const user = await t.user();
    for (const res of [
      await t.as(user, { method: "GET", url: "/api/me" }),
      await t.app.inject({ method: "GET", url: "/api/me" }),
      await t.app.inject({ method: "GET", url: "/api/nao-existe" }),
      await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "x", password: "y" } }),
    ]) {
      expectSecurityHeaders(res.headers);
    }
  });

  it("leave HSTS out over plain http (it would lock a LAN install out)", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.headers["strict-transport-security"]).toBeUndefined();
    expect(String(res.headers["content-security-policy"])).not.toContain("upgrade-insecure-requests");
  });
});

describe("security headers over https", () => {
  it("add HSTS and upgrade-insecure-requests when VINCULO_PUBLIC_URL is https", async () => {
    const t = await buildTestApp({ config: { publicUrl: "https://crm.example.com.br" } });
    try {
      const res = await t.app.inject({ method: "GET", url: "/api/health" });
      expect(res.headers["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
      expect(String(res.headers["content-security-policy"])).toContain("upgrade-insecure-requests");
      expectSecurityHeaders(res.headers);
    } finally {
      await t.close();
    }
  });
});
