import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryIds } from "../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../test/test-app.ts";
import { findBadText, jsonTooDeep, textProblem } from "./text-input.ts";

/**
 * The boundary that keeps text no database should store out of every route at once (issue 12,
 * defects 1 and 3): NUL, lone surrogates, invalid UTF-8 — and JSON nested deep enough to
 * overflow whatever walks it afterwards (found by the contract fuzzer: a 500).
 */
describe("text input at the boundary", () => {
  it("tells NUL and lone surrogates from clean text (a surrogate pair is an emoji, not a problem)", () => {
    expect(textProblem("José 😀")).toBeNull();
    expect(textProblem("a\u0000")).toBe("nul");
    expect(textProblem("\ud800x")).toBe("lone_surrogate");
    expect(textProblem("x\udc00")).toBe("lone_surrogate");
    expect(textProblem("\ud83d")).toBe("lone_surrogate");
  });

  it("names the field at fault with its path, keys included", () => {
    expect(findBadText({ emails: [{ address: "ok" }, { address: "a\u0000" }] }, "")).toEqual({
      field: "emails.1.address",
      problem: "nul",
    });
    expect(findBadText({ "k\ud800": 1 }, "")).toMatchObject({ problem: "lone_surrogate" });
    expect(findBadText({ name: "Jos\ufffd" }, "", true)).toEqual({ field: "name", problem: "replacement" });
    expect(findBadText({ name: "Jos\ufffd" }, "")).toBeNull();
  });

  it("measures JSON depth outside strings only", () => {
    expect(jsonTooDeep(`${"[".repeat(64)}${"]".repeat(64)}`)).toBe(false);
    expect(jsonTooDeep(`${"[".repeat(65)}${"]".repeat(65)}`)).toBe(true);
    expect(jsonTooDeep(JSON.stringify({ a: "[".repeat(500), b: '\\"[[[[' }))).toBe(false);
    expect(jsonTooDeep(`{"a":[{"b":[{"c":[]}]}]}`, 5)).toBe(true);
  });

  describe("through the API", () => {
    let t: TestApp;
    let admin: TestUser;
    beforeAll(async () => {
      t = await buildTestApp();
      admin = await t.user({ isAdmin: true });
    });
    afterAll(() => t.close());

    const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;

    it("JSON nested 200 000 deep is a 400 naming the body, on a route and on an import (was a 500)", async () => {
      for (const url of ["/api/persons", "/api/import/receivables"]) {
        const res = await t.as(admin, {
          method: "POST",
          url,
          payload: deep(200_000),
          headers: { "content-type": "application/json" },
        });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
        expect(res.json().error).toMatchObject({ code: "validation_failed", reason: "json_too_deep" });
        expect(res.json().error.details).toEqual([expect.objectContaining({ field: "body" })]);
      }
    });

    it("a JSON-lines import with one line nested deep rejects that line and imports the others", async () => {
      const cats = await categoryIds(t.ctx);
      expect(cats.Cliente).toBeGreaterThan(0);
      const good = JSON.stringify({
        externalId: "DEEP-1",
        kind: "individual",
        name: "Pessoa Rasa",
        categories: ["Cliente"],
      });
      const res = await t.as(admin, {
        method: "POST",
        url: "/api/import/persons",
        payload: `${good}\n{"externalId":"DEEP-2","name":${deep(100_000)}}\n`,
        headers: { "content-type": "application/x-ndjson" },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ inserted: 1, rejectedTotal: 1 });
      expect(res.json().rejected).toEqual([expect.objectContaining({ line: 2 })]);
    });

    it("a NUL in a query parameter is a 400 naming it", async () => {
      const res = await t.as(admin, { method: "GET", url: "/api/persons?q=ana%00" });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: "validation_failed", reason: "text_nul" });
      expect(res.json().error.details).toEqual([expect.objectContaining({ field: "q" })]);
    });
  });
});
