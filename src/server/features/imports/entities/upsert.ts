import type { AppContext } from "../../../context.ts";
import type { Trx } from "../../../db/types.ts";
import { type Column, upsertRows, type Value } from "../bulk.ts";

/**
 * The common write of a batch keyed by external_id (values[0]): new rows are inserted, rows that
 * differ from the stored ones are rewritten (version + 1, updated_at), equal ones are left alone.
 */
export function upsertByExternalId(
  ctx: AppContext,
  trx: Trx,
  table: string,
  columns: Column[],
  rows: { line: number; values: Value[] }[],
  now: string,
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  return upsertRows(
    ctx,
    trx,
    table,
    columns,
    rows.map((r) => r.values),
    now,
  );
}
