import type { FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { errors, listOf } from "../../../shared/common.schemas.ts";
import {
  IMPORT_ENTITIES,
  importEntityParam,
  importRun,
  importRunsQuery,
  importSummary,
} from "../../../shared/imports.schemas.ts";
import type { AppContext } from "../../context.ts";
import { adminOnly, requireAdmin } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import { listImportRuns } from "./imports.service.ts";
import { importUpload } from "./imports.upload.service.ts";
import { textEncodingOf } from "./text-encoding.ts";

const tags = ["imports"];

function mediaType(request: FastifyRequest): string {
  return (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
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
          response: { 200: importSummary, ...errors(400, 401, 403, 404, 413, 415, 503) },
        },
      },
      async (request) =>
        importUpload(ctx, requireAdmin(request), {
          entity: request.params.entity,
          mediaType: mediaType(request),
          // The raw stream for JSON lines and CSV, the parsed array for application/json.
          body: request.body,
          encoding: textEncodingOf(request.headers["content-type"]),
          fileName: fileNameOf(request),
        }),
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
        response: { 200: listOf(importRun), ...errors(400, 401, 403) },
      },
    },
    async (request) => listImportRuns(ctx, request.query),
  );
}

/** The file's name, when the client sends one (the web page does): shown in the history. */
function fileNameOf(request: FastifyRequest): string | null {
  const raw = request.headers["x-file-name"];
  if (typeof raw !== "string") return null;
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // Not percent-encoded after all (a stray "%"): the name as sent, rather than a 500.
  }
  return name.slice(0, 200) || null;
}
