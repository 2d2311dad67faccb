import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/test-app.ts";

describe("system routes", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("GET /api/health answers ok without login", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
  });

  it("/api/openapi.json is an OpenAPI 3 document of the API", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    for (const path of ["/api/auth/login", "/api/auth/logout", "/api/me", "/api/health", "/api/users", "/api/tokens"]) {
      expect(doc.paths).toHaveProperty([path]);
    }
    expect(doc.paths).not.toHaveProperty(["/api/openapi.json"]);
    const login = doc.paths["/api/auth/login"].post;
    expect(login.requestBody.content["application/json"].schema.properties).toHaveProperty("username");
    expect(login.requestBody.content["application/json"].schema.required).toEqual(["username", "password"]);
    expect(login.responses).toHaveProperty("200");
    expect(doc.paths["/api/tokens/{id}"].delete.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "id", in: "path" })]),
    );
    // Every operation has responses: a valid OpenAPI operation needs them.
    for (const item of Object.values(doc.paths) as Record<string, { responses?: object }>[]) {
      for (const op of Object.values(item)) expect(op.responses).toBeDefined();
    }
    expect(doc.components.securitySchemes).toHaveProperty("bearer");
  });

  it("/api/docs serves the documentation page", async () => {
    let url = "/api/docs";
    let res = await t.app.inject({ method: "GET", url });
    for (let hops = 0; hops < 3 && res.statusCode >= 300 && res.statusCode < 400; hops++) {
      url = new URL(String(res.headers.location), `http://localhost${url}`).pathname;
      res = await t.app.inject({ method: "GET", url });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(res.body).toMatch(/swagger/i);
  });
});
