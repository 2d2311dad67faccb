import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { errorStatus } from "../../../shared/errors.ts";
import { declaredFor, type JsonSchema, type Operation } from "./openapi.ts";

/**
 * What one answer must be, by the document and by the API's error contract. Each problem comes
 * back as a violation with a short `what`; whether an undeclared status fails the run depends on
 * the route (strict once it declares any 4xx) or on strict mode (the default; VINCULO_FUZZ_STRICT=0 lifts it).
 */

export type ViolationKind =
  | "server-error"
  | "undeclared-status"
  | "body-schema"
  | "body-not-json"
  | "204-with-body"
  | "error-shape"
  | "error-code-status"
  | "rejected-write-changed-data"
  | "no-answer"
  | "accepted-invalid"
  | "replacement-char";

export type Violation = { kind: ViolationKind; what: string };

export type Verdict = {
  violations: Violation[];
  /** A status the route does not declare, on a route that is not strict yet: counted, not failed. */
  undeclared: boolean;
};

const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
addFormats(ajv);
/** By schema object: every route's error answers share one (the `Error` component), compiled once. */
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

function validator(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/**
 * Answers Node's HTTP parser or the router gives before any route runs (headers over 16 KiB,
 * a parameter past the router's length): no route can declare them more truly than another,
 * so they need no per-route declaration; their bodies are held to the error shape all the same.
 */
const TRANSPORT_STATUSES = new Set([414, 431]);

const ERROR_KEYS = new Set(["code", "message", "details", "reason", "params"]);

/** `{"error":{"code","message","details"?}}` (plus the reason the web translates), its code matching the status. */
export function errorBodyProblems(status: number, contentType: string | undefined, text: string): Violation[] {
  if (!(contentType ?? "").includes("application/json")) {
    return [{ kind: "error-shape", what: `content-type ${contentType ?? "(none)"}, not application/json` }];
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [{ kind: "error-shape", what: "error body is not JSON" }];
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return [{ kind: "error-shape", what: "error body is not an object" }];
  }
  const top = Object.keys(body);
  const error = (body as { error?: unknown }).error;
  if (typeof error !== "object" || error === null || Array.isArray(error)) {
    return [{ kind: "error-shape", what: `no "error" object (keys: ${top.join(", ")})` }];
  }
  const problems: Violation[] = [];
  if (top.length !== 1)
    problems.push({
      kind: "error-shape",
      what: `extra top-level keys: ${top.filter((k) => k !== "error").join(", ")}`,
    });
  const e = error as Record<string, unknown>;
  const extra = Object.keys(e).filter((k) => !ERROR_KEYS.has(k));
  if (extra.length) problems.push({ kind: "error-shape", what: `extra error keys: ${extra.join(", ")}` });
  if (typeof e.message !== "string" || !e.message)
    problems.push({ kind: "error-shape", what: "error.message missing" });
  if (e.reason !== undefined && typeof e.reason !== "string")
    problems.push({ kind: "error-shape", what: "error.reason not a string" });
  if (e.params !== undefined && (typeof e.params !== "object" || e.params === null)) {
    problems.push({ kind: "error-shape", what: "error.params not an object" });
  }
  if (typeof e.code !== "string") {
    problems.push({ kind: "error-shape", what: "error.code missing" });
  } else if (!(e.code in errorStatus)) {
    problems.push({ kind: "error-code-status", what: `unknown code ${e.code}` });
  } else if (errorStatus[e.code as keyof typeof errorStatus] !== status) {
    problems.push({
      kind: "error-code-status",
      what: `code ${e.code} means ${errorStatus[e.code as keyof typeof errorStatus]}, answered ${status}`,
    });
  }
  return problems;
}

export function checkAnswer(
  op: Operation,
  status: number,
  contentType: string | undefined,
  body: Buffer,
  options: { strict: boolean },
): Verdict {
  const violations: Violation[] = [];
  let undeclared = false;
  const text = body.toString("utf8");
  if (status >= 500) violations.push({ kind: "server-error", what: `status ${status}` });
  const declared = declaredFor(op, status);
  if (!declared && status < 500 && !TRANSPORT_STATUSES.has(status)) {
    // 2xx/3xx are declared by every route today: an unknown one is always a violation.
    if (options.strict || op.declaresClientErrors || status < 400) {
      violations.push({ kind: "undeclared-status", what: `status ${status} not in the document` });
    } else undeclared = true;
  }
  if (declared?.schema) {
    let parsed: unknown;
    let ok = true;
    try {
      parsed = JSON.parse(text);
    } catch {
      ok = false;
      violations.push({ kind: "body-not-json", what: `declared JSON, got ${contentType ?? "no content type"}` });
    }
    if (ok) {
      const validate = validator(declared.schema);
      if (!validate(parsed)) {
        const first = validate.errors?.[0];
        violations.push({
          kind: "body-schema",
          what: `${first?.instancePath || "/"} ${first?.message ?? "does not match"}${first?.params ? ` ${JSON.stringify(first.params)}` : ""}`,
        });
      }
    }
  } else if (status === 204 && body.length > 0) {
    violations.push({ kind: "204-with-body", what: `${body.length} bytes` });
  }
  if (status >= 400) violations.push(...errorBodyProblems(status, contentType, text));
  return { violations, undeclared };
}
