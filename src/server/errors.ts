import { type ErrorCode, errorStatus } from "../shared/errors.ts";

/** The only error type services throw; the error plugin turns it into the API's error body. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what = "Recurso") => new AppError("not_found", `${what} não encontrado.`);
export const forbidden = (message = "Você não tem permissão para esta ação.") => new AppError("forbidden", message);
export const badRequest = (field: string, message: string) =>
  new AppError("validation_failed", `${field}: ${message}`, [{ field, message }]);
