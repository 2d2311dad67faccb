import { type ErrorCode, errorStatus, type FieldIssue, type ReasonParams } from "../shared/errors.ts";
import { ptBRReasons, type Reason, renderTemplate } from "../shared/reasons/index.ts";

/**
 * The only error type services throw; the error plugin turns it into the API's error body.
 * `code` decides the status; `reason` (shared/reasons/) says which rule refused, so the web can
 * say it in the user's language; `message` is the pt-BR sentence made from the reason.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly reason: string | undefined;
  readonly params: ReasonParams | undefined;

  constructor(code: ErrorCode, message: string, details?: unknown, reason?: string, params?: ReasonParams) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
    this.reason = reason;
    this.params = params;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** The pt-BR sentence of a reason. */
export const reasonMessage = (reason: Reason, params?: ReasonParams): string =>
  renderTemplate(ptBRReasons[reason], params);

/** An error whose message is its reason's pt-BR template; `details` as the API documents them. */
export function fail(code: ErrorCode, reason: Reason, params?: ReasonParams, details?: unknown): AppError {
  return new AppError(code, reasonMessage(reason, params), details, reason, params);
}

/** One field's issue, as `details` carries it. */
export function fieldIssue(field: string, reason: Reason, params?: ReasonParams): FieldIssue {
  return { field, reason, message: reasonMessage(reason, params), ...(params ? { params } : {}) };
}

/**
 * A refusal that names the field: message `field: why`, details `[{field, reason, message}]`.
 * 400 (validation_failed) unless another code fits better (a 409 for a document in use).
 */
export function fieldError(
  field: string,
  reason: Reason,
  params?: ReasonParams,
  code: ErrorCode = "validation_failed",
): AppError {
  const issue = fieldIssue(field, reason, params);
  return new AppError(code, `${field}: ${issue.message}`, [issue], reason, params);
}
