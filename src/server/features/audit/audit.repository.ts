import { sql } from "kysely";
import type { Dialect, Executor, Trx } from "../../db/types.ts";

/** The audit log's chains as `vinculo audit verify` and the retention job read and trim them. */

export type HeadRow = { shard: number; seq: number; hash: string; anchor_seq: number; anchor_hash: string };

export async function chainHeads(db: Executor): Promise<HeadRow[]> {
  const rows = await db.selectFrom("audit_chain_heads").selectAll().orderBy("shard").execute();
  return rows.map((r) => ({ ...r, shard: Number(r.shard), seq: Number(r.seq), anchor_seq: Number(r.anchor_seq) }));
}

/** Every head, locked in shard order until the transaction ends (PostgreSQL; SQLite holds its write lock). */
export async function lockAllHeads(db: Trx, dialect: Dialect): Promise<HeadRow[]> {
  if (dialect === "sqlite") return chainHeads(db);
  const rows = await db.selectFrom("audit_chain_heads").selectAll().orderBy("shard").forUpdate().execute();
  return rows.map((r) => ({ ...r, shard: Number(r.shard), seq: Number(r.seq), anchor_seq: Number(r.anchor_seq) }));
}

/** One page of a chain, in chain order, after `afterSeq`. */
export async function chainPage(db: Executor, shard: number, afterSeq: number, limit: number) {
  const rows = await db
    .selectFrom("audit_log")
    .selectAll()
    .where("shard", "=", shard)
    .where("seq", ">", afterSeq)
    .orderBy("seq")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), shard: Number(r.shard), seq: Number(r.seq) }));
}

/**
 * The last link of a chain the retention job may remove: rows older than `before`, up to the first
 * row that is not (a row written late, with a clock behind, keeps the ones after it), at most
 * `limit` of them. Undefined when there is none.
 */
export async function lastExpired(
  db: Executor,
  shard: number,
  afterSeq: number,
  before: string,
  limit: number,
): Promise<{ seq: number; hash: string } | undefined> {
  const kept = await db
    .selectFrom("audit_log")
    .select("seq")
    .where("shard", "=", shard)
    .where("seq", ">", afterSeq)
    .where("at", ">=", before)
    .orderBy("seq")
    .limit(1)
    .executeTakeFirst();
  let q = db
    .selectFrom("audit_log")
    .select(["seq", "hash"])
    .where("shard", "=", shard)
    .where("seq", ">", afterSeq)
    .where("seq", "<=", afterSeq + limit)
    .where("at", "<", before);
  if (kept) q = q.where("seq", "<", Number(kept.seq));
  const row = await q.orderBy("seq", "desc").limit(1).executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash } : undefined;
}

/** Lets this transaction delete audit rows (the triggers of 0015-journal refuse it otherwise). */
export async function permitDeletes(db: Trx, on: boolean): Promise<void> {
  if (on) await db.insertInto("audit_delete_permits").values({ id: 1 }).execute();
  else await db.deleteFrom("audit_delete_permits").execute();
}

/** Removes a chain's links up to `throughSeq` and anchors the chain after the last one. */
export async function trimChain(db: Trx, shard: number, through: { seq: number; hash: string }): Promise<number> {
  const result = await db
    .deleteFrom("audit_log")
    .where("shard", "=", shard)
    .where("seq", "<=", through.seq)
    .executeTakeFirst();
  await db
    .updateTable("audit_chain_heads")
    .set({ anchor_seq: through.seq, anchor_hash: through.hash })
    .where("shard", "=", shard)
    .execute();
  return Number(result.numDeletedRows);
}

/** Deletes up to `limit` access-log rows older than `before`; how many it deleted. */
export async function deleteOldAccess(db: Executor, before: string, limit: number): Promise<number> {
  const ids = db.selectFrom("access_log").select("id").where("at", "<", before).orderBy("id").limit(limit);
  const result = await db.deleteFrom("access_log").where("id", "in", ids).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function retentionRow(db: Executor) {
  return db.selectFrom("retention_settings").selectAll().where("id", "=", 1).executeTakeFirst();
}

/** Saves the row if still at `version` (moving it on); version 0: the row went missing, put it back. */
export async function saveRetention(
  db: Executor,
  version: number,
  values: { audit_log_months: number; access_log_months: number; updated_at: string },
): Promise<boolean> {
  if (version === 0) {
    await db
      .insertInto("retention_settings")
      .values({ id: 1, ...values, version: 1 })
      .execute();
    return true;
  }
  const result = await db
    .updateTable("retention_settings")
    .set({ ...values, version: version + 1 })
    .where("id", "=", 1)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Claims the day's retention run: true for the one server whose insert wrote the row. */
export async function claimRetentionRun(db: Executor, day: string, at: string): Promise<boolean> {
  const row = await db
    .insertInto("retention_runs")
    .values({ day, started_at: at })
    .onConflict((oc) => oc.column("day").doNothing())
    .returning("day")
    .executeTakeFirst();
  return row !== undefined;
}

export async function finishRetentionRun(
  db: Executor,
  day: string,
  at: string,
  removed: { audit: number; access: number },
): Promise<void> {
  await db
    .updateTable("retention_runs")
    .set({ finished_at: at, audit_removed: removed.audit, access_removed: removed.access })
    .where("day", "=", day)
    .execute();
}

/** A count of rows, for the verify report and tests. */
export async function auditCount(db: Executor): Promise<number> {
  const row = await sql<{ n: number }>`select count(*) as n from audit_log`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}
