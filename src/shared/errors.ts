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
  conflict: 409,
  /** Agendamentos: the rule that refuses, told apart for the web (see appointments.rules.ts). */
  appointment_past: 409,
  appointment_done: 409,
  appointment_deleted: 409,
  stale_version: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  locked: 423,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type FieldIssue = { field: string; message: string };

export type ErrorBody = {
  error: { code: ErrorCode; message: string; details?: unknown };
};

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    "error" in value &&
    typeof (value as ErrorBody).error?.code === "string"
  );
}
