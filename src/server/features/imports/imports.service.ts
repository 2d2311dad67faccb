import type { z } from "zod";
import type { ReasonParams } from "../../../shared/errors.ts";
import {
  IMPORT_ENTITIES,
  type ImportEntity,
  type ImportFormat,
  type ImportRun,
  type ImportSummary,
  REJECTED_IN_ANSWER,
  type RejectedLine,
} from "../../../shared/imports.schemas.ts";
import type { AppContext } from "../../context.ts";
import { isUniqueViolation } from "../../db/db-errors.ts";
import { fieldError } from "../../errors.ts";
import { findBadText, TEXT_REASON } from "../../plugins/text-input.ts";
import { withImportRun } from "../audit/actor.ts";
import { inTransaction } from "../audit/journal.ts";
import { CsvCellError, type CsvColumn, csvColumns, shapeCsvRow } from "./csv-shape.ts";
import { commissionEntriesImporter } from "./entities/commission-entries.import.ts";
import { contractBillingsImporter } from "./entities/contract-billings.import.ts";
import { contractsImporter } from "./entities/contracts.import.ts";
import { personsImporter } from "./entities/persons.import.ts";
import { receivablesImporter } from "./entities/receivables.import.ts";
import { type Importer, type ImportItem, reject, StaleBatchError } from "./importer.ts";
import * as repo from "./imports.repository.ts";
import { ImportFormatError, ImportTooLargeError, readRecords } from "./record-reader.ts";
import { widenSqliteCache } from "./sqlite-cache.ts";
import type { TextEncodingName } from "./text-encoding.ts";

const IMPORTERS: { [E in ImportEntity]: Importer<never> } = {
  receivables: receivablesImporter as Importer<never>,
  "commission-entries": commissionEntriesImporter as Importer<never>,
  contracts: contractsImporter as Importer<never>,
  "contract-billings": contractBillingsImporter as Importer<never>,
  persons: personsImporter as Importer<never>,
};

export const isImportEntity = (v: string): v is ImportEntity => (IMPORT_ENTITIES as readonly string[]).includes(v);

export type RunImportOptions = {
  entity: ImportEntity;
  format: ImportFormat;
  input: AsyncIterable<Buffer | string>;
  userId: number | null;
  source: "api" | "cli";
  fileName?: string | null;
  maxBytes?: number;
  /** The file's text encoding (default UTF-8). */
  encoding?: TextEncodingName;
  /** Records per transaction; default: the entity's own. */
  batchSize?: number;
  onBytes?: (bytes: number) => void;
  /** Every rejected line, in line order (the CLI writes them all to a file). */
  onRejected?: (rejected: RejectedLine) => void;
};

/**
 * A malformed file (or one over the size limit) stopped the import at `line`. Batches committed
 * before it stay (a batch is committed only once all its lines were read and validated, so the
 * batch holding the bad line is never written): `summary` says what they did and
 * `committedThroughLine` the last line they covered (0: nothing written). Sending the corrected
 * file again is safe: the lines already imported count as unchanged.
 */
export class ImportAbortedError extends Error {
  constructor(
    readonly reason: ImportFormatError | ImportTooLargeError,
    readonly summary: ImportSummary,
    readonly committedThroughLine: number,
  ) {
    super(reason.message);
    this.name = "ImportAbortedError";
  }
}

const SAMPLE_IN_HISTORY = 100;

const ZOD_PARAMS = ["origin", "expected", "minimum", "maximum", "format", "divisor", "inclusive"];

/** What a zod issue says, as params the web can put in its own words (as the error plugin sends them). */
function zodParams(issue: z.core.$ZodIssue): ReasonParams | undefined {
  const params: ReasonParams = {};
  for (const key of ZOD_PARAMS) {
    const value = (issue as unknown as Record<string, unknown>)[key];
    if (typeof value === "string" || typeof value === "number") params[key] = value;
    else if (typeof value === "boolean") params[key] = String(value);
    else if (typeof value === "bigint") params[key] = Number(value);
  }
  return Object.keys(params).length ? params : undefined;
}

/**
 * The first issue of a failed validation as a rejected line; further issues follow in the text.
 * Its reason: the one a refinement names in `params.reason` (shared/reasons/), else zod's code.
 */
function rejection(line: number, error: z.ZodError): RejectedLine {
  const [first, ...rest] = error.issues;
  const field = (first?.path ?? []).map(String).join(".");
  const more = rest.map((i) => `${i.path.map(String).join(".") || "linha"}: ${i.message}`);
  const custom = first?.code === "custom" ? (first.params as { reason?: unknown } | undefined)?.reason : undefined;
  const reason = typeof custom === "string" ? custom : (first?.code ?? "invalid");
  const params = first ? zodParams(first) : undefined;
  return {
    line,
    field,
    error: [first?.message ?? "registro inválido", ...more].join("; "),
    reason,
    ...(params ? { params } : {}),
  };
}

/**
 * Streams `input` through the entity's importer: reads and validates line by line, writes in
 * batched transactions, and answers the counts. A rejected line never stops the others. The run
 * is recorded in import_runs.
 */
export async function runImport(ctx: AppContext, o: RunImportOptions): Promise<ImportSummary> {
  const importer = IMPORTERS[o.entity];
  const batchSize = o.batchSize ?? importer.batchSize[ctx.dialect];
  const runId = await repo.startRun(ctx.db, {
    entity: o.entity,
    format: o.format,
    source: o.source,
    fileName: o.fileName ?? null,
    userId: o.userId,
    now: ctx.now().toISOString(),
  });
  const summary: ImportSummary = {
    entity: o.entity,
    records: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: [],
    rejectedTotal: 0,
    runId,
  };
  const emit = (list: RejectedLine[]) => {
    list.sort((a, b) => a.line - b.line);
    for (const r of list) {
      summary.rejectedTotal += 1;
      if (summary.rejected.length < REJECTED_IN_ANSWER) summary.rejected.push(r);
      o.onRejected?.(r);
    }
  };

  let batch: ImportItem<never>[] = [];
  let batchKeys = new Set<string>();
  let pending: RejectedLine[] = [];
  let committedThroughLine = 0;
  let lastLine = 0;

  const write = (items: ImportItem<never>[]) => {
    // Journaled as the run (and the user or command line that started it), in the batch's transaction.
    const once = () =>
      withImportRun(runId, () =>
        inTransaction(ctx, (trx) => importer.writeBatch(ctx, trx, items, ctx.now().toISOString())),
      );
    // A unique violation means someone wrote one of these keys meanwhile (the API, another
    // import), a stale batch that someone saved a row it read: the batch rolled back whole;
    // once more reads those rows as they are now.
    return once().catch((error: unknown) => {
      if (isUniqueViolation(error) || error instanceof StaleBatchError) return once();
      throw error;
    });
  };

  // One batch is written while the next one is read and validated: on PostgreSQL the database
  // works in its own process meanwhile. Writes stay in file order (each waits for the one before),
  // so a batch always sees what earlier batches wrote.
  const writing: { batch: Promise<void> | null } = { batch: null };
  const flush = async () => {
    if (writing.batch) await writing.batch;
    const items = batch;
    const rejected = pending;
    const through = lastLine;
    batch = [];
    batchKeys = new Set();
    pending = [];
    const written = (async () => {
      if (items.length) {
        const outcome = await write(items);
        summary.inserted += outcome.inserted;
        summary.updated += outcome.updated;
        summary.unchanged += outcome.unchanged;
        rejected.push(...outcome.rejected);
      }
      committedThroughLine = through;
      emit(rejected);
    })();
    // A failure surfaces at the next flush (or the end); until then it is not "unhandled".
    written.catch(() => {});
    writing.batch = written;
    // SQLite writes in this very thread: nothing to overlap, and two batches alive at once
    // would only double what the garbage collector has to carry.
    if (ctx.dialect === "sqlite") await written;
  };

  let columns: CsvColumn[] | null = null;
  const restoreCache = widenSqliteCache(ctx);
  try {
    for await (const group of readRecords(o.input, o.format, {
      maxBytes: o.maxBytes,
      onBytes: o.onBytes,
      encoding: o.encoding,
    })) {
      for (const raw of group) {
        lastLine = raw.line;
        let value = raw.value;
        if (o.format === "csv") {
          const header = (value as { __header?: string[] }).__header;
          if (header) {
            columns = checkedColumns(header, importer.schema, raw.line);
            continue;
          }
          try {
            value = shapeCsvRow(columns ?? [], value as Record<string, string>);
          } catch (error) {
            if (!(error instanceof CsvCellError)) throw error;
            summary.records += 1;
            pending.push(reject(raw.line, error.field, error.reason));
            continue;
          }
        }
        summary.records += 1;
        // NUL, a lone surrogate or U+FFFD (bytes that were not text) never reach the database.
        const badText = findBadText(value, "", true);
        if (badText) {
          pending.push(reject(raw.line, badText.field, TEXT_REASON[badText.problem]));
          continue;
        }
        const parsed = importer.schema.safeParse(value);
        if (!parsed.success) {
          pending.push(rejection(raw.line, parsed.error));
          continue;
        }
        const keys = importer.keys(parsed.data);
        if (keys.some((k) => batchKeys.has(k))) {
          // The same record twice: the first is written before the second is compared.
          lastLine = raw.line - 1;
          await flush();
          lastLine = raw.line;
        }
        for (const k of keys) batchKeys.add(k);
        batch.push({ line: raw.line, record: parsed.data });
        if (batch.length >= batchSize) await flush();
      }
    }
    await flush();
    await writing.batch;
  } catch (error) {
    // Whatever was being written when the reading stopped finishes first: it is committed or not.
    await writing.batch?.catch(() => {});
    const stopped = error instanceof ImportFormatError || error instanceof ImportTooLargeError;
    await repo.finishRun(ctx.db, runId, {
      status: "failed",
      now: ctx.now().toISOString(),
      ...counts(summary),
      error: error instanceof Error ? error.message : String(error),
      sample: summary.rejected.slice(0, SAMPLE_IN_HISTORY),
    });
    if (stopped) throw new ImportAbortedError(error, summary, committedThroughLine);
    throw error;
  } finally {
    restoreCache();
  }
  await repo.finishRun(ctx.db, runId, {
    status: "done",
    now: ctx.now().toISOString(),
    ...counts(summary),
    error: null,
    sample: summary.rejected.slice(0, SAMPLE_IN_HISTORY),
  });
  return summary;
}

const counts = (s: ImportSummary) => ({
  records: s.records,
  inserted: s.inserted,
  updated: s.updated,
  unchanged: s.unchanged,
  rejected: s.rejectedTotal,
});

/** The CSV header: every column a field of the record (a typo would silently drop a value). */
function checkedColumns(header: string[], schema: z.ZodType, line: number): CsvColumn[] {
  const seen = new Set<string>();
  for (const name of header) {
    if (name === "") throw new ImportFormatError(line, "cabeçalho com coluna sem nome");
    if (seen.has(name)) throw new ImportFormatError(line, `coluna repetida no cabeçalho: ${name}`);
    seen.add(name);
  }
  const columns = csvColumns(header, schema);
  const unknown = columns.filter((c) => c.unknown).map((c) => c.name);
  if (unknown.length) throw new ImportFormatError(line, `coluna desconhecida no cabeçalho: ${unknown.join(", ")}`);
  return columns;
}

export async function listImportRuns(
  ctx: AppContext,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ items: ImportRun[]; nextCursor: string | null }> {
  let before: number | null = null;
  if (query.cursor !== undefined) {
    before = Number(query.cursor);
    if (!Number.isInteger(before) || before < 1) throw fieldError("cursor", "invalid_cursor");
  }
  const rows = await repo.listRuns(ctx.db, query.limit + 1, before);
  const page = rows.slice(0, query.limit);
  return { items: page, nextCursor: rows.length > query.limit ? String(page.at(-1)?.id) : null };
}
