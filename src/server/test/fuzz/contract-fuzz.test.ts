import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../test-app.ts";
import { type FuzzResult, fuzzOptionsFromEnv, runContractFuzz } from "./run-fuzz.ts";

/**
 * Issue 12, "a contract fuzzer in npm test": requests generated from /api/openapi.json (valid
 * and broken, as the administrator and as a user without grants) against a real server on this
 * database. Fails on any 5xx, on an answer outside the document or the one error shape, and on
 * a rejected request that changed data. Knobs: VINCULO_FUZZ_RUNS, VINCULO_FUZZ_SECONDS,
 * VINCULO_FUZZ_SEED, VINCULO_FUZZ_STRICT, VINCULO_FUZZ_ONLY (see run-fuzz.ts).
 */
describe("contract fuzz", () => {
  const options = fuzzOptionsFromEnv();
  let t: TestApp;
  let result: FuzzResult;

  beforeAll(async () => {
    t = await buildTestApp();
    result = await runContractFuzz(t, options);
    console.log(result.report.text);
  }, 180_000);
  afterAll(() => t?.close());

  it("requests every documented route and reaches the handlers of most", () => {
    const { findings, operations } = result;
    const untouched = operations.filter((op) => !findings.statuses.has(op.key)).map((op) => op.key);
    expect(untouched, "routes the fuzzer never requested").toEqual([]);
    const reached = operations.filter((op) =>
      [...(findings.statuses.get(op.key)?.keys() ?? [])].some((status) => status >= 200 && status < 300),
    );
    // Below this, the generator no longer gets past validation and access: the run proves little.
    expect(
      reached.length / operations.length,
      `routes with a 2xx: ${reached.length} of ${operations.length}`,
    ).toBeGreaterThan(0.8);
  });

  it("answers no request with a 5xx", () => {
    expect(result.findings.serverErrors, result.report.text).toBe(0);
  });

  it("answers every request as the document and the error contract say, and rejected writes change nothing", () => {
    expect(result.findings.contractViolations, result.report.text).toBe(0);
  });
});
