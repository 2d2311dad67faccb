import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ZodError } from "zod";
import type { ErrorCode, FieldIssue, ReasonParams } from "../../shared/errors.ts";
import type { Reason } from "../../shared/reasons/index.ts";
import { isTransientConflict } from "../db/db-errors.ts";
import { AppError, reasonMessage } from "../errors.ts";

/** The error body for one of the platform's own refusals. */
const body = (code: ErrorCode, reason: Reason, params?: ReasonParams) => ({
  error: { code, message: reasonMessage(reason, params), reason, ...(params ? { params } : {}) },
});

/**
 * The code of a 4xx that the framework or the static server gives with no code of ours, so the
 * body's code always means the status it came with. A status not listed becomes a 400.
 */
const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  408: "request_timeout",
  409: "conflict",
  412: "precondition_failed",
  413: "payload_too_large",
  414: "uri_too_long",
  415: "unsupported_media_type",
  416: "range_not_satisfiable",
  423: "locked",
  429: "rate_limited",
  431: "header_too_large",
};

/**
 * Errors Fastify's router answers before any hook runs (Fastify's `frameworkErrors` option): a
 * path that does not percent-decode (`/api/persons/%ff`), a parameter over the router's length.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === "FST_ERR_BAD_URL") {
    reply.status(400).send(body("bad_request", "bad_url"));
  } else if (error.code === "FST_ERR_MAX_PARAM_LENGTH") {
    reply.status(414).send(body("uri_too_long", "uri_too_long"));
  } else {
    reply.log.error({ err: error }, "router error");
    reply.status(500).send(body("internal", "internal"));
  }
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (Fastify's `clientErrorHandler`):
 * headers over 16 KiB (a long query string) are a 431, a slow request a 408, anything else a
 * 400 — in the one error shape, written straight to the socket as Fastify's default does.
 */
export const clientErrorHandler: NonNullable<FastifyServerOptions["clientErrorHandler"]> = (
  error: Error & { code?: string },
  socket: Socket,
) => {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [status, answer] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, body("header_too_large", "header_too_large")]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, body("request_timeout", "request_timeout")]
        : [400, body("bad_request", "bad_request")];
  const text = JSON.stringify(answer);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
};

/** What a zod issue says, as params the web can put in its own words (zod's issue fields). */
function zodParams(issue: Record<string, unknown> | undefined): ReasonParams | undefined {
  if (!issue) return undefined;
  const params: ReasonParams = {};
  for (const key of ["origin", "expected", "minimum", "maximum", "format", "divisor", "inclusive"]) {
    const value = issue[key];
    if (typeof value === "string" || typeof value === "number") params[key] = value;
    else if (typeof value === "boolean") params[key] = String(value);
    else if (typeof value === "bigint") params[key] = Number(value);
  }
  return Object.keys(params).length ? params : undefined;
}

/** Turns every failure into the API's one error body; bad input is a 4xx naming the field, never a 500. */
export function registerErrorHandling(app: FastifyInstance, options: { spaFallback: boolean }): void {
  app.setErrorHandler((error: FastifyError | AppError | ZodError, request, reply) => {
    if (error instanceof AppError) {
      if (error.code === "rate_limited" && typeof error.details === "object" && error.details) {
        const retry = (error.details as { retryAfterSeconds?: number }).retryAfterSeconds;
        if (retry) reply.header("Retry-After", String(retry));
      }
      return reply.status(error.status).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.reason ? { reason: error.reason } : {}),
          ...(error.params ? { params: error.params } : {}),
          details: error.details,
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? "body";
      const issues: FieldIssue[] = error.validation.map((v) => {
        // fastify-type-provider-zod 7 spreads the zod issue into `params`, all but its path (the
        // instancePath), its code (the keyword) and its message.
        const issue = v.params as Record<string, unknown> | undefined;
        const field = v.instancePath.replace(/^\//, "").replaceAll("/", ".") || where;
        // A refinement names its reason in params (`{ params: { reason: "invalid_cpf" } }`); else zod's code.
        const custom = (issue?.params as { reason?: unknown } | undefined)?.reason;
        const reason = typeof custom === "string" ? custom : v.keyword || "invalid";
        const params = zodParams(issue);
        return { field, reason, message: v.message ?? "valor inválido", ...(params ? { params } : {}) };
      });
      const message = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
      return reply.status(400).send({ error: { code: "validation_failed", message, details: issues } });
    }
    const fe = error as FastifyError;
    if (fe.code === "FST_ERR_CTP_INVALID_JSON_BODY" || fe instanceof SyntaxError) {
      return reply.status(400).send(body("bad_request", "malformed_json"));
    }
    if (fe.code === "FST_ERR_CTP_EMPTY_JSON_BODY") {
      return reply.status(400).send(body("bad_request", "empty_json"));
    }
    if (fe.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return reply.status(413).send(body("payload_too_large", "body_too_large"));
    }
    if (fe.code === "FST_ERR_CTP_INVALID_CONTENT_LENGTH") {
      return reply.status(400).send(body("bad_request", "content_length_mismatch"));
    }
    if (fe.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      return reply
        .status(415)
        .send(body("unsupported_media_type", request.url.startsWith("/api/import/") ? "import_formats" : "json_only"));
    }
    if (fe.statusCode === 429) {
      return reply.status(429).send(body("rate_limited", "too_many_requests"));
    }
    if (fe.code === "FST_STATIC_FORBIDDEN_PATH") {
      // `/../../etc/passwd`, `/%2e%2e/…`: the static server refused a path outside the web app. A 404
      // like any file that is not there, so the answer says nothing about the disk.
      const path = request.url.split("?")[0] ?? "";
      return reply.status(404).send(body("not_found", "route_not_found", { method: request.method, path }));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      const code = CODE_OF_STATUS[fe.statusCode];
      if (!code || code === "bad_request") return reply.status(400).send(body("bad_request", "bad_request"));
      return reply.status(fe.statusCode).send(body(code, "request_refused", { status: fe.statusCode }));
    }
    if (isTransientConflict(error)) {
      // PostgreSQL chose this transaction as a deadlock victim (or a serialization failure):
      // it was rolled back whole, so nothing was saved and the same request can simply be sent again.
      request.log.warn({ err: error }, "transaction rolled back by the database; the client may retry");
      return reply.status(503).header("Retry-After", "1").send(body("unavailable", "retry_conflict"));
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.status(500).send(body("internal", "internal"));
  });

  app.setNotFoundHandler((request, reply) => {
    // Deep links (/pessoas/000123) load the app; unknown /api routes stay JSON 404s.
    const html = (request.headers.accept ?? "").includes("text/html");
    if (
      options.spaFallback &&
      html &&
      !request.url.startsWith("/api") &&
      (request.method === "GET" || request.method === "HEAD")
    ) {
      return reply.header("Cache-Control", "no-cache").sendFile("index.html");
    }
    return reply
      .status(404)
      .send(body("not_found", "route_not_found", { method: request.method, path: request.url.split("?")[0] ?? "" }));
  });
}
