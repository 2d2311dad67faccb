import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { IMPORT_ENTITIES, type ImportFormat, type RejectedLine } from "../../shared/imports.schemas.ts";
import { csvRow } from "../features/imports/csv-cell.ts";
import { ImportAbortedError, isImportEntity, runImport } from "../features/imports/imports.service.ts";
import { parseEncoding } from "../features/imports/text-encoding.ts";
import { CliError, cliArgs, info, invalidInput, out, usageError, withContext } from "./common.ts";
import { progressBar } from "./progress.ts";

/** Rejected lines shown on the terminal; `--rejected FILE` gets them all. */
const SHOWN = 20;

const FORMAT_BY_EXTENSION: Record<string, ImportFormat> = {
  ".csv": "csv",
  ".ndjson": "ndjson",
  ".jsonl": "ndjson",
  ".json": "ndjson",
};

function formatOf(option: string | undefined, file: string): ImportFormat {
  if (option !== undefined) {
    if (option === "csv" || option === "ndjson") return option;
    throw invalidInput(`--format: use csv ou ndjson (recebido "${option}").`);
  }
  const byExtension = FORMAT_BY_EXTENSION[path.extname(file).toLowerCase()];
  if (!byExtension) throw invalidInput(`não sei o formato de ${file}: use --format csv ou --format ndjson.`);
  return byExtension;
}

/**
 * `vinculo import <entity> <file>`: the same import as POST /api/import/{entity}, straight to the
 * database, with a progress bar (bytes read of the file) and the summary. Rejected lines do not
 * make it fail (exit 0); a malformed file or a database failure does (exit 1).
 */
export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = cliArgs(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: "string" },
        rejected: { type: "string" },
        encoding: { type: "string" },
      },
    }),
  );
  const [entity, file, extra] = positionals;
  if (!entity || !file) throw usageError("informe a entidade e o arquivo.");
  if (extra !== undefined) throw usageError(`argumento inesperado: ${extra}`);
  if (!isImportEntity(entity)) {
    throw usageError(`entidade desconhecida: ${entity} (use ${IMPORT_ENTITIES.join(", ")}).`);
  }
  const format = formatOf(values.format, file);
  const encoding = values.encoding === undefined ? "auto" : parseEncoding(values.encoding);
  if (!encoding) throw invalidInput(`--encoding: use utf-8 ou latin1 (recebido "${values.encoding}").`);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw invalidInput(`arquivo não encontrado: ${file}`);
  }

  const rejectedFile = values.rejected ? fs.openSync(values.rejected, "w") : null;
  if (rejectedFile !== null) fs.writeSync(rejectedFile, csvRow(["linha", "campo", "erro"]));
  const shown: RejectedLine[] = [];
  const bar = progressBar(`${entity} (bytes)`);
  const started = Date.now();
  try {
    const summary = await withContext((ctx) =>
      runImport(ctx, {
        entity,
        format,
        encoding,
        input: fs.createReadStream(file, { highWaterMark: 1024 * 1024 }),
        userId: null,
        source: "cli",
        fileName: path.basename(file),
        onBytes: (bytes) => bar(bytes, size),
        onRejected: (r) => {
          if (shown.length < SHOWN) shown.push(r);
          if (rejectedFile !== null) fs.writeSync(rejectedFile, csvRow([r.line, r.field, r.error]));
        },
      }),
    );
    if (size === 0) bar(0, 0);
    const seconds = (Date.now() - started) / 1000;
    for (const r of shown) info(`linha ${r.line}${r.field ? `, ${r.field}` : ""}: ${r.error}`);
    if (summary.rejectedTotal > shown.length) {
      info(
        `… e mais ${summary.rejectedTotal - shown.length} linhas recusadas${values.rejected ? ` (todas em ${values.rejected})` : " (--rejected ARQUIVO grava todas)"}.`,
      );
    }
    out(
      `${entity}: ${summary.records} linhas lidas; inseridos ${summary.inserted}, atualizados ${summary.updated}, inalterados ${summary.unchanged}, recusados ${summary.rejectedTotal}`,
    );
    info(`em ${seconds.toFixed(1)} s (${Math.round(summary.records / Math.max(seconds, 0.001))} linhas/s).`);
    return 0;
  } catch (error) {
    if (error instanceof ImportAbortedError) {
      process.stderr.write("\n");
      const committed = error.committedThroughLine;
      const s = error.summary;
      throw new CliError(
        `${error.message}\n${committed ? `as linhas até a ${committed} foram importadas (inseridos ${s.inserted}, atualizados ${s.updated}, inalterados ${s.unchanged}); corrija o arquivo e rode de novo: o que já entrou fica inalterado.` : "nada foi importado."}`,
      );
    }
    throw error;
  } finally {
    if (rejectedFile !== null) fs.closeSync(rejectedFile);
  }
}
