import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryIds, makePerson } from "../factories.ts";
import { buildTestApp, type TestApp } from "../test-app.ts";
import { checkAnswer, errorBodyProblems } from "./contract-checks.ts";
import { changedTables, databaseDigest } from "./digest.ts";
import { MUTATIONS } from "./mutations.ts";
import type { Operation } from "./openapi.ts";

/** The fuzzer's own checks, proven to catch what they claim to (a harness that flags nothing proves nothing). */

const op: Operation = {
  key: "GET /api/things/{id}",
  method: "GET",
  path: "/api/things/{id}",
  pathParams: [{ in: "path", name: "id", required: true, schema: { type: "integer", exclusiveMinimum: 0 } }],
  queryParams: [],
  body: undefined,
  bodyRequired: false,
  responses: new Map([
    [
      "200",
      {
        status: "200",
        hasContent: true,
        schema: {
          type: "object",
          properties: { id: { type: "integer" }, at: { type: "string", format: "date-time" } },
          required: ["id"],
          additionalProperties: false,
        },
      },
    ],
  ]),
  declaresClientErrors: false,
};
const json = "application/json; charset=utf-8";
const answer = (status: number, body: unknown, strict = false) =>
  checkAnswer(op, status, json, Buffer.from(JSON.stringify(body)), { strict });

describe("contract checks", () => {
  it("take the one error shape, and flag Fastify's own bodies and a code that does not match the status", () => {
    expect(errorBodyProblems(400, json, '{"error":{"code":"validation_failed","message":"x","details":[]}}')).toEqual(
      [],
    );
    expect(
      errorBodyProblems(401, json, '{"error":{"code":"unauthorized","message":"x","reason":"login_required"}}'),
    ).toEqual([]);
    const fastify431 = '{"error":"Request Header Fields Too Large","message":"Exceeded","statusCode":431}';
    expect(errorBodyProblems(431, json, fastify431).map((p) => p.kind)).toEqual(["error-shape"]);
    expect(errorBodyProblems(403, json, '{"error":{"code":"bad_request","message":"x"}}').map((p) => p.what)).toEqual([
      "code bad_request means 400, answered 403",
    ]);
    expect(errorBodyProblems(404, "text/html", "<h1>404</h1>").map((p) => p.kind)).toEqual(["error-shape"]);
  });

  it("hold a 2xx body to its declared schema, and count an undeclared 4xx without failing until strict", () => {
    expect(answer(200, { id: 1, at: "2026-03-02T12:00:00.000Z" }).violations).toEqual([]);
    expect(answer(200, { id: "1" }).violations.map((v) => v.kind)).toEqual(["body-schema"]);
    expect(answer(200, { id: 1, extra: true }).violations.map((v) => v.kind)).toEqual(["body-schema"]);
    expect(answer(201, { id: 1 }).violations.map((v) => v.kind)).toEqual(["undeclared-status"]);
    const notFound = { error: { code: "not_found", message: "Não encontrado." } };
    expect(answer(404, notFound)).toEqual({ violations: [], undeclared: true });
    expect(answer(404, notFound, true).violations.map((v) => v.kind)).toEqual(["undeclared-status"]);
    expect(
      answer(500, { error: { code: "internal", message: "Erro interno." } }).violations.map((v) => v.kind),
    ).toEqual(["server-error"]);
  });

  it("mutations that make a request wrong beyond doubt say so", () => {
    const trap = MUTATIONS.find((m) => m.name === "path-integer-trap");
    const draft = { pathValues: { id: "1" }, query: [], body: undefined, contentType: undefined, headers: {} };
    const drafts = fc.sample(trap?.arb(op, draft) ?? fc.constant(draft), { seed: 1, numRuns: 200 });
    const hex = drafts.find((d) => d.pathValues.id === "0x10");
    expect(hex?.mustReject).toBe("path integer id=0x10");
    expect(drafts.find((d) => d.pathValues.id === "-1")?.mustReject).toBeUndefined();
    // A second trap on the same parameter (0x10, then 007) leaves a request that may well be accepted.
    const twice = fc.sample(trap?.arb(op, { ...draft, mustReject: "path integer id=0x10" }) ?? fc.constant(draft), {
      seed: 1,
      numRuns: 200,
    });
    const again = twice.find((d) => d.pathValues.id === "007");
    expect(again?.pathValues.id).toBe("007");
    expect(again?.mustReject).toBeUndefined();
    expect(twice.find((d) => d.pathValues.id === "1e3")?.mustReject).toBe("path integer id=1e3");
  });
});

describe("database digest", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("sees a new row, and not a session being touched", async () => {
    const user = await t.user();
    const before = await databaseDigest(t.ctx);
    expect((await t.as(user, { method: "GET", url: "/api/me" })).statusCode).toBe(200);
    await t.ctx.db.updateTable("sessions").set({ last_seen_at: "2030-01-01T00:00:00.000Z" }).execute();
    expect(changedTables(before, await databaseDigest(t.ctx))).toEqual([]);
    const cats = await categoryIds(t.ctx);
    await makePerson(t.ctx, { categoryIds: [cats.Cliente] });
    expect(changedTables(before, await databaseDigest(t.ctx))).toEqual(
      expect.arrayContaining(["persons", "person_categories"]),
    );
  });
});
