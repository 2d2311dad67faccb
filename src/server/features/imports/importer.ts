import type { z } from "zod";
import type { ReasonParams } from "../../../shared/errors.ts";
import type { RejectedLine } from "../../../shared/imports.schemas.ts";
import type { Reason } from "../../../shared/reasons/index.ts";
import type { AppContext } from "../../context.ts";
import type { Trx } from "../../db/types.ts";
import { reasonMessage } from "../../errors.ts";

/** A validated record and the line it came from. */
export type ImportItem<R> = { line: number; record: R };

export type BatchOutcome = { inserted: number; updated: number; unchanged: number; rejected: RejectedLine[] };

/**
 * What each entity supplies to the import runner (imports.service.ts): the schema of one line,
 * the keys that identify a record (two lines with a key in common never share a batch, so the
 * second sees what the first wrote), and the batch writer, called inside one transaction. The
 * writer resolves references for the whole batch with one query each, rejects the lines whose
 * references do not exist (naming the field), compares the others with what is stored and writes
 * only what changed.
 */
export type Importer<R> = {
  schema: z.ZodType<R>;
  /**
   * Records per transaction. On SQLite a batch holds the only connection while it is written, so
   * its size is also how long other requests may wait (20 000 receivables ≈ 0.3 s); larger
   * batches write each index page fewer times. PostgreSQL writers do not block readers.
   */
  batchSize: { sqlite: number; postgres: number };
  keys(record: R): string[];
  writeBatch(ctx: AppContext, trx: Trx, items: ImportItem<R>[], now: string): Promise<BatchOutcome>;
};

export const emptyOutcome = (): BatchOutcome => ({ inserted: 0, updated: 0, unchanged: 0, rejected: [] });

/** A line refused for `reason`: the pt-BR sentence in `error`, the reason and its params beside it for the web. */
export const reject = (line: number, field: string, reason: Reason, params?: ReasonParams): RejectedLine => ({
  line,
  field,
  error: reasonMessage(reason, params),
  reason,
  ...(params ? { params } : {}),
});

/** Person code → person id for every code of the batch, in one query. */
export type CodeMap = Map<number, number>;

/** A row changed under the batch between its read and its write: the runner writes the batch again. */
export class StaleBatchError extends Error {
  constructor() {
    super("registro alterado durante a importação");
    this.name = "StaleBatchError";
  }
}
