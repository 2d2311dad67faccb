import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ZodError } from "zod";
import type { FieldIssue } from "../../shared/errors.ts";
import { isTransientConflict } from "../db/db-errors.ts";
import { AppError } from "../errors.ts";

/** Turns every failure into the API's one error body; bad input is a 4xx naming the field, never a 500. */
export function registerErrorHandling(app: FastifyInstance, options: { spaFallback: boolean }): void {
  app.setErrorHandler((error: FastifyError | AppError | ZodError, request, reply) => {
    if (error instanceof AppError) {
      if (error.code === "rate_limited" && typeof error.details === "object" && error.details) {
        const retry = (error.details as { retryAfterSeconds?: number }).retryAfterSeconds;
        if (retry) reply.header("Retry-After", String(retry));
      }
      return reply
        .status(error.status)
        .send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? "body";
      const issues: FieldIssue[] = error.validation.map((v) => {
        const p = (v.params as { issue?: { path?: PropertyKey[] } }).issue?.path ?? [];
        const field = p.length
          ? p.map(String).join(".")
          : v.instancePath.replace(/^\//, "").replaceAll("/", ".") || where;
        return { field, message: v.message ?? "valor inválido" };
      });
      const message = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
      return reply.status(400).send({ error: { code: "validation_failed", message, details: issues } });
    }
    const fe = error as FastifyError;
    if (fe.code === "FST_ERR_CTP_INVALID_JSON_BODY" || fe instanceof SyntaxError) {
      return reply
        .status(400)
        .send({ error: { code: "bad_request", message: "JSON malformado no corpo da requisição." } });
    }
    if (fe.code === "FST_ERR_CTP_EMPTY_JSON_BODY") {
      return reply
        .status(400)
        .send({ error: { code: "bad_request", message: "Corpo JSON vazio: envie um objeto JSON." } });
    }
    if (fe.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return reply
        .status(413)
        .send({ error: { code: "payload_too_large", message: "Corpo da requisição grande demais." } });
    }
    if (fe.code === "FST_ERR_CTP_INVALID_CONTENT_LENGTH") {
      return reply
        .status(400)
        .send({ error: { code: "bad_request", message: "Content-Length não confere com o corpo enviado." } });
    }
    if (fe.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      return reply.status(415).send({
        error: {
          code: "unsupported_media_type",
          message: request.url.startsWith("/api/import/")
            ? "Tipo de conteúdo não suportado: envie text/csv ou application/x-ndjson."
            : "Tipo de conteúdo não suportado: envie application/json.",
        },
      });
    }
    if (fe.statusCode === 429) {
      return reply
        .status(429)
        .send({ error: { code: "rate_limited", message: "Muitas requisições; tente novamente em instantes." } });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send({ error: { code: "bad_request", message: "Requisição inválida." } });
    }
    if (isTransientConflict(error)) {
      // PostgreSQL chose this transaction as a deadlock victim (or a serialization failure):
      // it was rolled back whole, so nothing was saved and the same request can simply be sent again.
      request.log.warn({ err: error }, "transaction rolled back by the database; the client may retry");
      return reply
        .status(503)
        .header("Retry-After", "1")
        .send({ error: { code: "unavailable", message: "Conflito momentâneo no banco de dados; tente novamente." } });
    }
    request.log.error({ err: error }, "unhandled error");
    return reply
      .status(500)
      .send({ error: { code: "internal", message: "Erro interno. A equipe foi avisada pelo registro do servidor." } });
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
    return reply.status(404).send({
      error: { code: "not_found", message: `Rota não encontrada: ${request.method} ${request.url.split("?")[0]}` },
    });
  });
}
