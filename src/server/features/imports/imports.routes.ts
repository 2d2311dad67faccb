import { Readable } from "node:stream";
import type { FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { listOf } from "../../../shared/common.schemas.ts";
import {
  IMPORT_ENTITIES,
  type ImportFormat,
  importEntityParam,
  importRun,
  importRunsQuery,
  importSummary,
} from "../../../shared/imports.schemas.ts";
import type { AppContext } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { adminOnly, requireAdmin } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import { ImportAbortedError, isImportEntity, listImportRuns, runImport } from "./imports.service.ts";
import { textEncodingOf } from "./text-encoding.ts";

/** Imports stream: the body is read as it arrives, never held whole; past this it is refused (413). */
export const IMPORT_BODY_LIMIT = 512 * 1024 * 1024;

const FORMAT_OF: Record<string, ImportFormat> = {
  "application/x-ndjson": "ndjson",
  "application/jsonl": "ndjson",
  "text/csv": "csv",
};

const tags = ["imports"];

function mediaType(request: FastifyRequest): string {
  return (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * The body as chunks of text or bytes: the raw request stream for JSON lines and CSV; a JSON array
 * (small syncs, under the API's 1 MiB body limit) is turned into JSON lines, one record per line.
 */
function bodySource(request: FastifyRequest): AsyncIterable<Buffer | string> {
  if (mediaType(request) === "application/json") {
    const body = request.body;
    if (!Array.isArray(body)) {
      throw new AppError("bad_request", "Corpo JSON: envie uma lista de registros ([{...}, {...}]) ou JSON lines.");
    }
    return Readable.from(body.map((record) => `${JSON.stringify(record)}\n`));
  }
  return request.body as Readable;
}

export function importsRoutes(app: Api, ctx: AppContext): void {
  // Parsers of their own, in a scope of their own: only these routes take CSV and JSON lines,
  // handed on as the raw stream (no buffering; the service enforces IMPORT_BODY_LIMIT).
  app.register(async (scope) => {
    scope.addContentTypeParser(["application/x-ndjson", "application/jsonl", "text/csv"], (_request, payload, done) =>
      done(null, payload),
    );
    const api = scope.withTypeProvider<ZodTypeProvider>();
    api.post(
      "/import/:entity",
      {
        onRequest: adminOnly,
        // No route bodyLimit: it would lift the JSON parser's 1 MiB too (a JSON array is buffered).
        schema: {
          tags,
          summary: `Importa ${IMPORT_ENTITIES.join(", ")} do ERP: JSON lines (application/x-ndjson) ou CSV (text/csv); idempotente por externalId`,
          description:
            "Administradores. Uma linha por registro; a resposta conta inseridos, atualizados, inalterados e as linhas recusadas (linha, campo, erro). Arquivo malformado: 400 com a linha.",
          params: importEntityParam,
          response: { 200: importSummary },
        },
      },
      async (request) => {
        const user = requireAdmin(request);
        const { entity } = request.params;
        if (!isImportEntity(entity)) {
          throw new AppError("not_found", `Importação desconhecida: ${entity}. Use ${IMPORT_ENTITIES.join(", ")}.`);
        }
        const type = mediaType(request);
        const format = FORMAT_OF[type] ?? (type === "application/json" ? "ndjson" : undefined);
        if (!format) {
          throw new AppError(
            "unsupported_media_type",
            "Tipo de conteúdo não suportado: envie application/x-ndjson (JSON lines) ou text/csv.",
          );
        }
        try {
          return await runImport(ctx, {
            entity,
            format,
            input: bodySource(request),
            encoding: textEncodingOf(request.headers["content-type"]),
            userId: user.id,
            source: "api",
            fileName: fileNameOf(request),
            maxBytes: IMPORT_BODY_LIMIT,
          });
        } catch (error) {
          if (error instanceof ImportAbortedError) throw abortedError(error);
          throw error;
        }
      },
    );
  });

  app.get(
    "/import/runs",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Histórico das importações, da mais recente para a mais antiga (administradores)",
        querystring: importRunsQuery,
        response: { 200: listOf(importRun) },
      },
    },
    async (request) => listImportRuns(ctx, request.query),
  );
}

/** The file's name, when the client sends one (the web page does): shown in the history. */
function fileNameOf(request: FastifyRequest): string | null {
  const raw = request.headers["x-file-name"];
  const name = typeof raw === "string" ? decodeURIComponent(raw).slice(0, 200) : "";
  return name || null;
}

/** 400 (malformed file) or 413 (too large), with the line and what earlier batches committed. */
function abortedError(error: ImportAbortedError): AppError {
  const tooLarge = !("line" in error.reason);
  const committed = error.committedThroughLine;
  const message = tooLarge
    ? `Arquivo grande demais: ${error.reason.message}.`
    : `${error.reason.message[0]?.toUpperCase()}${error.reason.message.slice(1)}.`;
  const note = committed
    ? ` As linhas até a ${committed} já foram importadas; corrija o arquivo e envie-o inteiro de novo (o que já entrou conta como inalterado).`
    : " Nada foi importado.";
  return new AppError(tooLarge ? "payload_too_large" : "bad_request", message + note, {
    line: "line" in error.reason ? error.reason.line : null,
    committedThroughLine: committed,
    summary: error.summary,
  });
}
