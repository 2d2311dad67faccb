import type SQLite from "better-sqlite3";
import { sql } from "kysely";
import type { AppContext } from "../../context.ts";
import type { Executor, Trx } from "../../db/types.ts";
import type { AuditContent } from "./journal.hash.ts";

/**
 * The journal's SQL: appending audit rows to their chains and domain events, in the caller's
 * transaction. Any number of rows in a constant number of statements on PostgreSQL (unnest of
 * one array per column, so a 5 000-row import batch costs what one row does to parse and plan);
 * prepared statements a row on SQLite, run on the connection Kysely's transaction holds (its
 * mutex keeps anything else from interleaving), as the imports' bulk writes do.
 */

export type AuditRow = AuditContent & { hash: string };
export type Head = { seq: number; hash: string };
export type EventRow = {
  at: string;
  type: string;
  actor_kind: string;
  actor_user_id: number | null;
  person_id: number | null;
  person_code: number | null;
  area: string;
  refs: string;
};

const AUDIT_COLUMNS = [
  ["at", "text"],
  ["shard", "int4"],
  ["seq", "int4"],
  ["actor_kind", "text"],
  ["user_id", "int4"],
  ["token_id", "int4"],
  ["import_run_id", "int4"],
  ["ip", "text"],
  ["user_agent", "text"],
  ["entity", "text"],
  ["entity_id", "text"],
  ["person_id", "int4"],
  ["person_code", "int4"],
  ["action", "text"],
  ["changes", "text"],
  ["prev_hash", "text"],
  ["hash", "text"],
] as const satisfies readonly (readonly [keyof AuditRow, string])[];

const EVENT_COLUMNS = [
  ["at", "text"],
  ["type", "text"],
  ["actor_kind", "text"],
  ["actor_user_id", "int4"],
  ["person_id", "int4"],
  ["person_code", "int4"],
  ["area", "text"],
  ["refs", "text"],
] as const satisfies readonly (readonly [keyof EventRow, string])[];

const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();
function prepared(ctx: AppContext, text: string): SQLite.Statement {
  const s = ctx.handle.sqlite;
  if (!s) throw new Error("journal: SQLite handle missing");
  let cache = statements.get(s);
  if (!cache) {
    cache = new Map();
    statements.set(s, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = s.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}

const insertText = (table: string, columns: readonly (readonly [string, string])[]) =>
  `insert into ${table} (${columns.map(([c]) => c).join(", ")}) values (${columns.map(() => "?").join(", ")})`;

/** Unnest of one typed array per column, for an `insert … select * from` of many rows. */
function unnestOf<R>(rows: R[], columns: readonly (readonly [keyof R & string, string])[]) {
  return sql.join(columns.map(([name, type]) => sql`${rows.map((r) => r[name] ?? null)}::${sql.raw(type)}[]`));
}

/**
 * The last link of each chain asked for, locked until the transaction ends (PostgreSQL: in shard
 * order, so two transactions appending to the same chains never wait for each other in a
 * circle; SQLite: its transactions already hold the only write lock).
 */
export async function lockHeads(ctx: AppContext, trx: Trx, shards: number[]): Promise<Map<number, Head>> {
  const heads = new Map<number, Head>();
  if (ctx.dialect === "sqlite") {
    const select = prepared(ctx, "select seq, hash from audit_chain_heads where shard = ?");
    for (const shard of shards) {
      const row = select.get(shard) as Head | undefined;
      if (!row) throw new Error(`audit chain ${shard} has no head`);
      heads.set(shard, { seq: Number(row.seq), hash: row.hash });
    }
    return heads;
  }
  const result = await sql<{ shard: number; seq: number; hash: string }>`select shard, seq, hash
    from audit_chain_heads where shard = any(${shards}::int4[]) order by shard for update`.execute(trx);
  for (const row of result.rows) heads.set(row.shard, { seq: Number(row.seq), hash: row.hash });
  for (const shard of shards) if (!heads.has(shard)) throw new Error(`audit chain ${shard} has no head`);
  return heads;
}

export async function insertAuditRows(ctx: AppContext, trx: Trx, rows: AuditRow[]): Promise<void> {
  if (!rows.length) return;
  if (ctx.dialect === "sqlite") {
    const insert = prepared(ctx, insertText("audit_log", AUDIT_COLUMNS));
    for (const row of rows) insert.run(...AUDIT_COLUMNS.map(([c]) => row[c]));
    return;
  }
  await sql`insert into audit_log (${sql.raw(AUDIT_COLUMNS.map(([c]) => c).join(", "))})
    select * from unnest(${unnestOf(rows, AUDIT_COLUMNS)})`.execute(trx);
}

export async function saveHeads(ctx: AppContext, trx: Trx, heads: Map<number, Head>): Promise<void> {
  if (ctx.dialect === "sqlite") {
    const update = prepared(ctx, "update audit_chain_heads set seq = ?, hash = ? where shard = ?");
    for (const [shard, head] of heads) update.run(head.seq, head.hash, shard);
    return;
  }
  const shards = [...heads.keys()];
  await sql`update audit_chain_heads as h set seq = u.seq, hash = u.hash
    from unnest(${shards}::int4[], ${shards.map((s) => heads.get(s)?.seq ?? 0)}::int4[],
      ${shards.map((s) => heads.get(s)?.hash ?? "")}::text[]) as u(shard, seq, hash)
    where h.shard = u.shard`.execute(trx);
}

/** Appends the events; answers the last id written (what the bus wake-up names). */
export async function insertEvents(ctx: AppContext, trx: Trx, rows: EventRow[]): Promise<number> {
  if (ctx.dialect === "sqlite") {
    const insert = prepared(ctx, insertText("domain_events", EVENT_COLUMNS));
    let last = 0;
    for (const row of rows) last = Number(insert.run(...EVENT_COLUMNS.map(([c]) => row[c])).lastInsertRowid);
    return last;
  }
  const result = await sql<{
    id: number;
  }>`insert into domain_events (${sql.raw(EVENT_COLUMNS.map(([c]) => c).join(", "))})
    select * from unnest(${unnestOf(rows, EVENT_COLUMNS)}) returning id`.execute(trx);
  return Math.max(0, ...result.rows.map((r) => Number(r.id)));
}

/** The code of a person by id (for changes that know only the id). */
export async function personCodeOf(db: Executor, personId: number): Promise<number | null> {
  const row = await db.selectFrom("persons").select("code").where("id", "=", personId).executeTakeFirst();
  return row ? Number(row.code) : null;
}
