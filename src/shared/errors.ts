/**
 * The one error shape of the API: `{"error": {"code", "message", "details"}}`.
 * Codes map to HTTP statuses in one place so server and web agree.
 */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  /** The logged-in user has no current account (not linked to an employee or representative). */
  current_account_disabled: 403,
  not_found: 404,
  /** A method the route does not take (the static server's answer to a POST, for instance). */
  method_not_allowed: 405,
  /** The client took too long to send its request (Node's request timeout). */
  request_timeout: 408,
  conflict: 409,
  /** Agendamentos: the rule that refuses, told apart for the web (see appointments.rules.ts). */
  appointment_past: 409,
  appointment_done: 409,
  appointment_deleted: 409,
  stale_version: 412,
  /** An If-Match/If-Unmodified-Since that does not hold, outside the versioned records (static files). */
  precondition_failed: 412,
  payload_too_large: 413,
  /** A path (or one of its parameters) longer than the router takes. */
  uri_too_long: 414,
  unsupported_media_type: 415,
  /** A Range header past the end of a static file. */
  range_not_satisfiable: 416,
  locked: 423,
  rate_limited: 429,
  /** Request headers (the query string among them) over Node's 16 KiB. */
  header_too_large: 431,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** Values a reason's message is built from (`{{name}}` in the templates of shared/reasons/). */
export type ReasonParams = Record<string, string | number>;

/**
 * One problem with one field. `reason` is a stable code (shared/reasons/, or a zod issue code such
 * as `too_small` with zod's own params), so the web can say it in the user's language; `message`
 * is the server's pt-BR sentence.
 */
export type FieldIssue = { field: string; message: string; reason?: string; params?: ReasonParams };

export type ErrorBody = {
  error: { code: ErrorCode; message: string; reason?: string; params?: ReasonParams; details?: unknown };
};

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    "error" in value &&
    typeof (value as ErrorBody).error?.code === "string"
  );
}
