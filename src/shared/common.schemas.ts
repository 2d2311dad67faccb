import { z } from "zod";

/** The largest value of PostgreSQL's `integer` (int4), which every id and code column is. */
export const MAX_DB_INTEGER = 2_147_483_647;

const DECIMAL = /^\d+$/;

/**
 * An integer from a path or a query string: plain decimal digits only ("16", "007"), never what
 * `Number()` also reads ("0x10", "1e1", "+16", "16.0", "0b10000", " 16"), and at most `max`, so a
 * value past the database's integer never reaches a query. A JSON number passes as it is (the web
 * parses its forms with the same schemas). Documented as an integer with its bounds.
 */
export function decimalInt(options: { min?: number; max?: number; message?: string } = {}) {
  const { min = 1, max = MAX_DB_INTEGER, message } = options;
  const error = message ? { message } : undefined;
  return z.preprocess(
    (value) => (typeof value === "string" && DECIMAL.test(value) ? Number(value) : value),
    z.number(error).int(error).min(min, error).max(max, error),
  );
}

export const idParam = z.object({ id: decimalInt() });

const reasonParams = z.record(z.string(), z.union([z.string(), z.number()]));

/** One field's problem in `details` (shared/errors.ts FieldIssue). */
export const fieldIssueSchema = z.object({
  field: z.string(),
  message: z.string(),
  reason: z.string().optional(),
  params: reasonParams.optional(),
});

/**
 * The API's one error body (shared/errors.ts ErrorBody); `details` is a list of field issues or an
 * object. One OpenAPI component (`Error`), referenced by every route's error answers.
 */
export const errorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      reason: z.string().optional(),
      params: reasonParams.optional(),
      details: z.union([z.array(fieldIssueSchema), z.record(z.string(), z.unknown())]).optional(),
    }),
  })
  .meta({ id: "Error" });

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 423 | 429 | 503;

/**
 * The error answers a route can give, for its `response` map: `...errors(400, 401, 404)`. 500
 * is on every route (a bug or a database down answers it anywhere). 414 and 431 come from Node's
 * parser and the router before any route runs, so no route declares them.
 */
export function errors<S extends ErrorStatus>(...statuses: S[]): Record<S | 500, typeof errorResponse> {
  const out = { 500: errorResponse } as Record<S | 500, typeof errorResponse>;
  for (const status of statuses) out[status] = errorResponse;
  return out;
}

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const listQuery = z.object({
  limit: decimalInt({ min: 1, max: 500 }).default(50),
  cursor: z.string().max(500).optional(),
});
