import fs from "node:fs";
import fc from "fast-check";
import type { TestApp } from "../test-app.ts";
import { checkAnswer, type Violation } from "./contract-checks.ts";
import { changedTables, type Digest, databaseDigest } from "./digest.ts";
import { excerpt, Findings } from "./findings.ts";
import { type OpenApiDocument, type Operation, operationsOf } from "./openapi.ts";
import { type FuzzRequest, requestArb } from "./requests.ts";
import { startServer } from "./server.ts";
import { buildWorld } from "./world-fixture.ts";

/**
 * The contract fuzzer's loop: read the document from the running app, seed a world, then take
 * the routes round-robin (each round in a seeded shuffle), generate one request per turn with
 * fast-check, send it over a real socket and hold the answer to the contract. Sequential on
 * purpose: each rejected write is bracketed by fingerprints of the database.
 */

export type FuzzOptions = {
  /** Requests after the warm-up (VINCULO_FUZZ_RUNS). */
  runs: number;
  /** Stop early past this many seconds (VINCULO_FUZZ_SECONDS). */
  seconds: number;
  /** VINCULO_FUZZ_SEED; printed so a failing run can be replayed. */
  seed: number;
  /**
   * On by default: a status the route does not declare fails the run (every route declares its
   * errors). VINCULO_FUZZ_STRICT=0 only counts them, while a new route's answers are being found.
   */
  strict: boolean;
  /** VINCULO_FUZZ_ONLY: a substring of `METHOD /path` to fuzz only some routes. */
  only: string | undefined;
  /** VINCULO_FUZZ_TRACE: a file that gets one line per request and answer, for debugging the generator. */
  trace: string | undefined;
};

export function fuzzOptionsFromEnv(env = process.env): FuzzOptions {
  const int = (value: string | undefined, fallback: number) => {
    const n = Number.parseInt(value ?? "", 10);
    return Number.isFinite(n) && n >= 0 ? n : fallback;
  };
  return {
    runs: int(env.VINCULO_FUZZ_RUNS, 2000),
    seconds: int(env.VINCULO_FUZZ_SECONDS, 40),
    seed: int(env.VINCULO_FUZZ_SEED, Date.now() % 2_147_483_647),
    strict: env.VINCULO_FUZZ_STRICT !== "0",
    only: env.VINCULO_FUZZ_ONLY || undefined,
    trace: env.VINCULO_FUZZ_TRACE || undefined,
  };
}

const REPLACEMENT = Buffer.from("\uFFFD");

/** Whether the request itself carried U+FFFD (or bytes that decode to it), in its path or body. */
function sentReplacement(request: FuzzRequest): boolean {
  const bytes = Buffer.from(
    request.path.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
    "latin1",
  );
  const body = request.body ?? Buffer.alloc(0);
  return (
    bytes.toString("utf8").includes("\uFFFD") || body.toString("utf8").includes("\uFFFD") || body.includes("\\ufffd")
  );
}

const IDENTITY_ROUTES = /^\/api\/(users|tokens|auth|access-profiles)/;
const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export type FuzzResult = {
  findings: Findings;
  operations: Operation[];
  report: { text: string; file: string };
  skipped: number;
};

export async function runContractFuzz(t: TestApp, options: FuzzOptions): Promise<FuzzResult> {
  const server = await startServer(t);
  const findings = new Findings();
  let skipped = 0;
  try {
    const docAnswer = await server.send({ method: "GET", path: "/api/openapi.json", headers: {}, body: undefined });
    if (docAnswer.kind !== "answer" || docAnswer.status !== 200) throw new Error("GET /api/openapi.json failed");
    const doc = JSON.parse(docAnswer.body.toString("utf8")) as OpenApiDocument;
    const operations = operationsOf(doc).filter((op) => !options.only || op.key.includes(options.only));
    const world = await buildWorld(t, server.origin);

    let fresh: Digest | undefined;
    let index = 0;
    const exchange = async (request: FuzzRequest) => {
      index += 1;
      const isWrite = WRITES.has(request.method);
      const before = isWrite ? (fresh ?? (await databaseDigest(t.ctx))) : undefined;
      fresh = undefined;
      const answer = await server.send(request);
      const log = server.drainLog();
      if (answer.kind === "unsendable") {
        skipped += 1;
        return;
      }
      const route = request.op.key;
      const status = answer.kind === "answer" ? answer.status : 0;
      if (options.trace) {
        const shown = answer.kind === "answer" ? excerpt(answer.body, 300) : answer.error;
        fs.appendFileSync(
          options.trace,
          `#${index} ${request.principal} ${request.mutation ?? "valid"} ${request.method} ${request.path.slice(0, 300)} ${excerpt(request.body, 300)} → ${status} ${shown}\n`,
        );
      }
      findings.count(route, status);
      const violations: Violation[] = [];
      if (answer.kind === "no-answer") violations.push({ kind: "no-answer", what: answer.error });
      else {
        const verdict = checkAnswer(request.op, status, answer.headers["content-type"], answer.body, {
          strict: options.strict,
        });
        violations.push(...verdict.violations);
        if (verdict.undeclared) findings.noteUndeclared(route, status);
        if (isWrite && status >= 400 && status < 500 && before) {
          const after = await databaseDigest(t.ctx);
          fresh = after;
          const skip = request.op.path === "/api/import/{entity}" ? ["import_runs"] : [];
          const changed = changedTables(before, after, skip);
          if (changed.length)
            violations.push({ kind: "rejected-write-changed-data", what: `changed ${changed.join(", ")}` });
        }
        if (status >= 200 && status < 300 && request.mustReject) {
          violations.push({ kind: "accepted-invalid", what: `${status} to a request with ${request.mustReject}` });
        }
        if (answer.body.includes(REPLACEMENT) && !sentReplacement(request)) {
          violations.push({
            kind: "replacement-char",
            what: "U+FFFD in the answer that this request did not send (stored mojibake)",
          });
        }
        if (status >= 200 && status < 300) {
          const type = answer.headers["content-type"] ?? "";
          if (type.includes("application/json") && answer.body.length) {
            try {
              world.harvest(request.op.path, route, JSON.parse(answer.body.toString("utf8")));
            } catch {
              // Not JSON although it says so: checkAnswer has reported it.
            }
          }
        }
        // Even a refused login ends the session it was sent with: check the principals after any answer there.
        if (IDENTITY_ROUTES.test(request.op.path) && (await world.repairPrincipals()) > 0) {
          // New principals are new rows: the fingerprint taken before the repair is stale.
          fresh = undefined;
        }
      }
      const logged = log.map(
        (l) => `${l.msg}${l.err ? `: ${l.err.type ?? ""} ${l.err.code ?? ""} ${l.err.message ?? ""}` : ""}`,
      );
      // A 5xx is named by what the server logged, so two different crashes are two findings.
      const crash = log.find((l) => l.level >= 50 && l.err)?.err;
      for (const v of violations) {
        if (v.kind === "server-error" && crash)
          v.what = `${status}: ${(crash.message ?? "").split("\n")[0]?.slice(0, 160)}`;
      }
      findings.add(route, status, violations, {
        index,
        principal: request.principal,
        mutation: request.mutation,
        method: request.method,
        path: request.path,
        requestHeaders: Object.fromEntries(
          Object.entries(request.headers).map(([k, v]) => [
            k,
            k === "authorization" || k === "cookie" ? `[${request.principal}]` : v,
          ]),
        ),
        requestBody: excerpt(request.body),
        status,
        responseBody: answer.kind === "answer" ? excerpt(answer.body) : answer.error,
        serverLog: logged,
      });
    };

    const sample = (op: Operation, at: number) =>
      fc.sample(requestArb(op, world), { seed: (options.seed + Math.imul(at, 0x9e3779b1)) | 0, numRuns: 1 })[0];

    // Warm-up: every GET once, valid, as the administrator, so ids, versions and cursors are harvested.
    for (const op of operations.filter((o) => o.method === "GET")) {
      const [request] = fc.sample(requestArb(op, world, { principal: "admin-token", valid: true }), {
        seed: options.seed,
        numRuns: 1,
      });
      if (request) await exchange(request);
    }

    const started = performance.now();
    const indexes = operations.map((_, i) => i);
    let order: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      if (performance.now() - started > options.seconds * 1000) break;
      if (!order.length) {
        order = fc.sample(fc.shuffledSubarray(indexes, { minLength: indexes.length }), {
          seed: options.seed + i,
          numRuns: 1,
        })[0] as number[];
      }
      const op = operations[order.shift() ?? 0];
      if (!op) continue;
      const request = sample(op, i);
      if (request) await exchange(request);
    }
    const report = findings.report(t.ctx.dialect, options.seed);
    return { findings, operations, report, skipped };
  } finally {
    await server.close();
  }
}
