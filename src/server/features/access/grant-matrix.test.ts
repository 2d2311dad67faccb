import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryIds } from "../../test/factories.ts";
import {
  buildMatrixFixture,
  expectedOutcome,
  MATRIX,
  type MatrixEndpoint,
  type MatrixFixture,
  matrixCaller,
  OUTSIDE_MATRIX,
  type Outcome,
  SITUATIONS,
  type Situation,
} from "../../test/grant-matrix.ts";
import { buildTestApp, type TestApp } from "../../test/test-app.ts";

/**
 * Every endpoint of the person screen and of administration, against every access situation
 * (see src/server/test/grant-matrix.ts). Rows live there; this file only runs them.
 */
describe("grant matrix", () => {
  let t: TestApp;
  let f: MatrixFixture;
  let call: ReturnType<typeof matrixCaller>;
  beforeAll(async () => {
    t = await buildTestApp();
    f = await buildMatrixFixture(t, await categoryIds(t.ctx));
    call = matrixCaller(f);
  });
  afterAll(() => t.close());

  const ERROR_CODE: Record<Exclude<Outcome, "2xx">, string> = {
    "401": "unauthorized",
    "403": "forbidden",
    "404": "not_found",
  };

  async function runCase(row: MatrixEndpoint, situation: Situation, expected: Outcome) {
    const record = row.setup ? await row.setup(f, await call.userFor(situation, row)) : { person: f.person };
    const body = row.body?.(record, f);
    const res = await call(situation, row, {
      method: row.method,
      url: row.url(record, f),
      ...(body === undefined ? {} : { payload: body }),
    });
    const why = `${row.method} ${row.url(record, f)} as ${situation}: ${res.statusCode} ${res.body.slice(0, 300)}`;
    if (row.listed && expected !== "401") {
      expect(res.statusCode, why).toBe(200);
      expect(row.listed(res, record), why).toBe(expected === "2xx");
      return;
    }
    if (expected === "2xx") {
      expect(res.statusCode, why).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, why).toBeLessThan(300);
      return;
    }
    expect(res.statusCode, why).toBe(Number(expected));
    expect(res.json().error.code, why).toBe(ERROR_CODE[expected]);
  }

  for (const row of MATRIX) {
    describe(`${row.method} ${row.path}${row.label ? ` [${row.label}]` : ""}`, () => {
      it.each(SITUATIONS.map((s) => [s, expectedOutcome(row.need, s)] as const))("%s → %s", (situation, expected) =>
        runCase(row, situation, expected),
      );
    });
  }

  it("covers every documented route", async () => {
    const res = await t.as(f.admin, { method: "GET", url: "/api/openapi.json" });
    const paths = res.json().paths as Record<string, Record<string, unknown>>;
    const documented = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const inMatrix = new Set(MATRIX.map((r) => `${r.method} ${r.path}`));
    const missing = documented.filter((key) => !inMatrix.has(key) && !(key in OUTSIDE_MATRIX));
    expect(missing, "add a row to src/server/test/grant-matrix.ts (or a reason to OUTSIDE_MATRIX)").toEqual([]);
    const stale = [...inMatrix].filter((key) => !documented.includes(key));
    expect(stale, "matrix rows for routes that do not exist").toEqual([]);
  });

  it("derives the expectations the access rules state", () => {
    const table = (need: Parameters<typeof expectedOutcome>[0]) => SITUATIONS.map((s) => expectedOutcome(need, s));
    // anonymous, noGrant, otherCategory, otherTabRead, sisterTabWrite, rightTabRead, rightTabWrite, admin
    expect(table({ kind: "tab", tab: "addresses", level: "read" })).toEqual([
      "401",
      "404",
      "404",
      "403",
      "403",
      "2xx",
      "2xx",
      "2xx",
    ]);
    expect(table({ kind: "tab", tab: "addresses", level: "write" })).toEqual([
      "401",
      "404",
      "404",
      "403",
      "403",
      "403",
      "2xx",
      "2xx",
    ]);
    expect(table({ kind: "person", level: "read" })).toEqual(["401", "404", "404", "2xx", "2xx", "2xx", "2xx", "2xx"]);
    expect(table({ kind: "person", level: "write" })).toEqual(["401", "404", "404", "403", "2xx", "403", "2xx", "2xx"]);
    expect(table({ kind: "create-person" })).toEqual(["401", "403", "403", "403", "2xx", "403", "2xx", "2xx"]);
    expect(table({ kind: "admin" })).toEqual(["401", "403", "403", "403", "403", "403", "403", "2xx"]);
    expect(table({ kind: "settings-read" })).toEqual(["401", "2xx", "2xx", "2xx", "2xx", "2xx", "2xx", "2xx"]);
    // A ticket: no grant on its area's tab is 404, whatever else the user may do with the person.
    expect(table({ kind: "ticket", tab: "production", level: "read" })).toEqual([
      "401",
      "404",
      "404",
      "404",
      "404",
      "2xx",
      "2xx",
      "2xx",
    ]);
    expect(table({ kind: "ticket", tab: "tickets", level: "write" })).toEqual([
      "401",
      "404",
      "404",
      "404",
      "404",
      "403",
      "2xx",
      "2xx",
    ]);
  });
});
