import { Readable } from "node:stream";
import { IMPORT_ENTITIES, type ImportFormat, type ImportSummary } from "../../../shared/imports.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { type AppError, fail } from "../../errors.ts";
import { ImportAbortedError, isImportEntity, runImport } from "./imports.service.ts";
import type { TextEncodingName } from "./text-encoding.ts";

/** An import sent to the API (`POST /api/import/{entity}`): the request's file, run and answered. */

/** Imports stream: the body is read as it arrives, never held whole; past this it is refused (413). */
export const IMPORT_BODY_LIMIT = 512 * 1024 * 1024;

const FORMAT_OF: Record<string, ImportFormat> = {
  "application/x-ndjson": "ndjson",
  "application/jsonl": "ndjson",
  "text/csv": "csv",
  // A JSON array (small syncs, under the API's 1 MiB body limit) is read as JSON lines.
  "application/json": "ndjson",
};

export type ImportUpload = {
  entity: string;
  /** The Content-Type without parameters, lower case. */
  mediaType: string;
  /** The raw request stream (JSON lines, CSV), or the parsed body of an application/json request. */
  body: unknown;
  encoding: TextEncodingName;
  fileName: string | null;
};

/** The body as chunks of text or bytes; a JSON array becomes JSON lines, one record per line. */
function records(upload: ImportUpload): AsyncIterable<Buffer | string> {
  if (upload.mediaType !== "application/json") return upload.body as Readable;
  if (!Array.isArray(upload.body)) throw fail("bad_request", "import_json_list");
  return Readable.from(upload.body.map((record) => `${JSON.stringify(record)}\n`));
}

export async function importUpload(ctx: AppContext, user: AuthUser, upload: ImportUpload): Promise<ImportSummary> {
  const { entity } = upload;
  if (!isImportEntity(entity)) {
    throw fail("not_found", "unknown_import", { entity, entities: IMPORT_ENTITIES.join(", ") });
  }
  const format = FORMAT_OF[upload.mediaType];
  if (!format) throw fail("unsupported_media_type", "import_formats");
  try {
    return await runImport(ctx, {
      entity,
      format,
      input: records(upload),
      encoding: upload.encoding,
      userId: user.id,
      source: "api",
      fileName: upload.fileName,
      maxBytes: IMPORT_BODY_LIMIT,
    });
  } catch (error) {
    if (error instanceof ImportAbortedError) throw abortedError(error);
    throw error;
  }
}

/** 400 (malformed file) or 413 (too large), with the line and what earlier batches committed. */
function abortedError(error: ImportAbortedError): AppError {
  const cause = error.reason;
  const committed = error.committedThroughLine;
  const details = {
    line: "line" in cause ? cause.line : null,
    committedThroughLine: committed,
    summary: error.summary,
  };
  if (!("line" in cause)) {
    const limitMib = Math.round(cause.limit / 1024 / 1024);
    return committed
      ? fail("payload_too_large", "import_too_large_partly", { limitMib, committed }, details)
      : fail("payload_too_large", "import_too_large", { limitMib }, details);
  }
  const params = { line: cause.line, problem: cause.problem };
  return committed
    ? fail("bad_request", "import_malformed_partly", { ...params, committed }, details)
    : fail("bad_request", "import_malformed", params, details);
}
