import { type ErrorCode, type FieldIssue, isErrorBody, type ReasonParams } from "../../shared/errors.ts";

/** Codes the server sends, plus the two the client makes up when there is no usable answer. */
export type ApiErrorCode = ErrorCode | "network" | "unknown";

/** What an error answer says besides its code: which rule refused (shared/reasons/) and with what values. */
export type ErrorReason = { reason?: string | undefined; params?: ReasonParams | undefined };

/**
 * Any failed call: an error answer of the API, or no answer at all (status 0, code "network").
 * `message` is the server's pt-BR sentence; `reason` and `params` let the web say it in English
 * (app/server-text.ts).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: unknown;
  /** From the Retry-After header of a 429, when the server sent one. */
  readonly retryAfterSeconds: number | null;
  readonly reason: string | undefined;
  readonly params: ReasonParams | undefined;

  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    details?: unknown,
    retryAfterSeconds?: number | null,
    why: ErrorReason = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds ?? null;
    this.reason = why.reason;
    this.params = why.params;
  }

  /** The `[{field, message, reason?, params?}]` list of a 400/409, if the server sent one. */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldIssue =>
        typeof d === "object" && d !== null && typeof d.field === "string" && typeof d.message === "string",
    );
  }
}

/** The ApiError of an error body (the API's one shape), whoever fetched it. */
export function apiErrorOf(status: number, data: unknown, retryAfterSeconds: number | null = null): ApiError | null {
  if (!isErrorBody(data)) return null;
  const { code, message, details, reason, params } = data.error;
  return new ApiError(status, code, message, details, retryAfterSeconds, { reason, params });
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value); // The header may also be an HTTP date.
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The one way the web app talks to the API: same-origin cookies, JSON both ways,
 * and every failure turned into an ApiError.
 */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  // No Content-Type without a body: the server refuses an empty JSON body.
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, "network", error instanceof Error ? error.message : "network error");
  }
  const data = await readJson(response);
  if (response.ok) return data as T;
  const retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
  const answered = apiErrorOf(response.status, data, retryAfter);
  if (answered) throw answered;
  // A proxy or gateway answered instead of the API (502/504 pages, for instance).
  const code: ApiErrorCode = response.status >= 500 ? "unavailable" : "unknown";
  throw new ApiError(response.status, code, response.statusText, undefined, retryAfter);
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, body),
  patch: <T>(path: string, body?: unknown) => request<T>("PATCH", path, body),
  delete: <T>(path: string) => request<T>("DELETE", path),
};
