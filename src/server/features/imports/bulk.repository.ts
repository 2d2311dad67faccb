import type SQLite from "better-sqlite3";
import { sql } from "kysely";
import type { AppContext } from "../../context.ts";
import type { Trx } from "../../db/types.ts";

/**
 * The SQL every import shares: batched reads and writes of tables keyed by `external_id`, fast on
 * both databases, given the table and its columns by each entity (entities/*.import.ts); what is
 * particular to an entity lives in its own repository (entities/*.repository.ts). Runs inside the
 * batch's transaction (`trx`).
 * - SQLite: prepared statements of better-sqlite3, row by row. Kysely's transaction holds the only
 *   connection (its mutex) for the whole batch, so these statements run inside that transaction
 *   and nothing else interleaves; a prepared statement costs microseconds a row, a compiled Kysely
 *   query tens.
 * - PostgreSQL: one statement per batch over `unnest` of one array per column (a few parameters
 *   instead of thousands, so parsing and planning stay constant).
 * Values are plain numbers, strings and nulls, compared with `===` to decide what changed.
 */
export type PgType = "text" | "int4" | "int8";
export type Column = { name: string; pg: PgType };
export type Value = string | number | null;
export type Existing = { id: number; version: number; values: Value[] };

/** An identifier we wrote ourselves (table and column names of this module's callers), quoted. */
const q = (name: string) => `"${name}"`;

const SQLITE_CHUNK = 500;

function sqliteOf(ctx: AppContext): SQLite.Database {
  const s = ctx.handle.sqlite;
  if (!s) throw new Error("imports: SQLite handle missing");
  return s;
}

const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();
/** Prepared once per text and connection (the in-lists come in a few sizes only). */
function prepared(s: SQLite.Database, text: string): SQLite.Statement {
  let cache = statements.get(s);
  if (!cache) {
    cache = new Map();
    statements.set(s, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = s.prepare(text);
    if (cache.size > 500) cache.clear();
    cache.set(text, statement);
  }
  return statement;
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Rows of `table` whose `keyColumn` is one of `keys`, with the `columns` asked for, by key.
 * Works for any unique text or integer key (external_id, persons.code, persons.document).
 */
export async function selectByKeys(
  ctx: AppContext,
  trx: Trx,
  table: string,
  keyColumn: Column,
  columns: string[],
  keys: Value[],
): Promise<Map<Value, Record<string, Value>>> {
  const found = new Map<Value, Record<string, Value>>();
  const unique = [...new Set(keys.filter((k) => k !== null))];
  if (!unique.length) return found;
  const list = [keyColumn.name, ...columns.filter((c) => c !== keyColumn.name)].map(q).join(", ");
  if (ctx.dialect === "sqlite") {
    const s = sqliteOf(ctx);
    for (const part of chunks(unique, SQLITE_CHUNK)) {
      const text = `select ${list} from ${q(table)} where ${q(keyColumn.name)} in (${part.map(() => "?").join(",")})`;
      for (const row of prepared(s, text).all(...part) as Record<string, Value>[]) {
        found.set(row[keyColumn.name] as Value, row);
      }
    }
    return found;
  }
  const result = await sql<Record<string, Value>>`select ${sql.raw(list)} from ${sql.raw(q(table))}
    where ${sql.raw(q(keyColumn.name))} = any(${unique}::${sql.raw(keyColumn.pg)}[])`.execute(trx);
  for (const row of result.rows) found.set(row[keyColumn.name] as Value, row);
  return found;
}

/** The stored rows of these external ids: id, version and the values of `columns`, in order. */
export async function existingByExternalId(
  ctx: AppContext,
  trx: Trx,
  table: string,
  columns: Column[],
  externalIds: string[],
): Promise<Map<string, Existing>> {
  const names = columns.map((c) => c.name);
  const rows = await selectByKeys(
    ctx,
    trx,
    table,
    { name: "external_id", pg: "text" },
    ["id", "version", ...names],
    externalIds,
  );
  const out = new Map<string, Existing>();
  for (const [key, row] of rows) {
    out.set(key as string, {
      id: Number(row.id),
      version: Number(row.version),
      values: names.map((n) => normalize(row[n] ?? null)),
    });
  }
  return out;
}

/** pg hands BIGINT as a number (see create-db.ts) and text as text; keep numbers as numbers. */
const normalize = (v: Value): Value => (typeof v === "bigint" ? Number(v) : v);

export function sameValues(a: Value[], b: Value[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Inserts rows (values in `columns` order, `external_id` among them) with created_at = updated_at
 * = now and version 1; answers the new ids by external id.
 */
export async function insertRows(
  ctx: AppContext,
  trx: Trx,
  table: string,
  columns: Column[],
  rows: Value[][],
  now: string,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (!rows.length) return ids;
  const names = columns.map((c) => c.name);
  const keyAt = names.indexOf("external_id");
  const list = [...names, "created_at", "updated_at", "version"].map(q).join(", ");
  if (ctx.dialect === "sqlite") {
    const s = sqliteOf(ctx);
    const insert = prepared(
      s,
      `insert into ${q(table)} (${list}) values (${names.map(() => "?").join(", ")}, ?, ?, 1)`,
    );
    for (const row of rows) ids.set(row[keyAt] as string, Number(insert.run(...row, now, now).lastInsertRowid));
    return ids;
  }
  const arrays = columns.map((c, i) => sql`${rows.map((r) => r[i] ?? null)}::${sql.raw(c.pg)}[]`);
  const result = await sql<{ id: number; external_id: string }>`insert into ${sql.raw(q(table))} (${sql.raw(list)})
    select t.*, ${now}, ${now}, 1 from unnest(${sql.join(arrays)}) as t
    returning id, external_id`.execute(trx);
  for (const r of result.rows) ids.set(r.external_id, r.id);
  return ids;
}

/** Rewrites changed rows: their values, updated_at = now, version + 1. */
export async function updateRows(
  ctx: AppContext,
  trx: Trx,
  table: string,
  columns: Column[],
  rows: { id: number; values: Value[] }[],
  now: string,
): Promise<void> {
  if (!rows.length) return;
  if (ctx.dialect === "sqlite") {
    const s = sqliteOf(ctx);
    const sets = columns.map((c) => `${q(c.name)} = ?`).join(", ");
    const update = prepared(
      s,
      `update ${q(table)} set ${sets}, "updated_at" = ?, "version" = "version" + 1 where "id" = ?`,
    );
    for (const row of rows) update.run(...row.values, now, row.id);
    return;
  }
  const arrays = [
    sql`${rows.map((r) => r.id)}::int4[]`,
    ...columns.map((c, i) => sql`${rows.map((r) => r.values[i] ?? null)}::${sql.raw(c.pg)}[]`),
  ];
  const alias = columns.map((_c, i) => `c${i}`);
  const sets = columns.map((c, i) => `${q(c.name)} = u.c${i}`).join(", ");
  await sql`update ${sql.raw(q(table))} as r set ${sql.raw(sets)}, updated_at = ${now}, version = r.version + 1
    from unnest(${sql.join(arrays)}) as u(id, ${sql.raw(alias.join(", "))})
    where r.id = u.id`.execute(trx);
}

/** Person id of each person code of the batch (codes that exist), in one query. */
export async function personIdsByCode(ctx: AppContext, trx: Trx, codes: number[]): Promise<Map<number, number>> {
  const rows = await selectByKeys(ctx, trx, "persons", { name: "code", pg: "int4" }, ["id"], codes);
  const out = new Map<number, number>();
  for (const [code, row] of rows) out.set(Number(code), Number(row.id));
  return out;
}

/** Inserts rows of a table without external id, timestamps or version (commission_items). */
export async function insertPlainRows(
  ctx: AppContext,
  trx: Trx,
  table: string,
  columns: Column[],
  rows: Value[][],
): Promise<void> {
  if (!rows.length) return;
  const list = columns.map((c) => q(c.name)).join(", ");
  if (ctx.dialect === "sqlite") {
    const insert = prepared(
      sqliteOf(ctx),
      `insert into ${q(table)} (${list}) values (${columns.map(() => "?").join(", ")})`,
    );
    for (const row of rows) insert.run(...row);
    return;
  }
  const arrays = columns.map((c, i) => sql`${rows.map((r) => r[i] ?? null)}::${sql.raw(c.pg)}[]`);
  await sql`insert into ${sql.raw(q(table))} (${sql.raw(list)}) select * from unnest(${sql.join(arrays)})`.execute(trx);
}

/** A row an upsert wrote, for the journal: its id, and its values before (null: new) and after. */
export type WrittenRow = { id: number; before: Value[] | null; after: Value[] };

/**
 * Insert-or-update by external_id: a new external id is inserted (version 1); a stored row is
 * rewritten (version + 1, updated_at = now) only when some value differs; an equal row is not
 * touched at all. `columns` starts with external_id; the batch holds each external id once (the
 * runner sees to it). With `written`, every row written is added to it (the audit log's diff: on
 * SQLite this costs one batched read of the stored rows first).
 */
export async function upsertRows(
  ctx: AppContext,
  trx: Trx,
  table: string,
  columns: Column[],
  rows: Value[][],
  now: string,
  written?: WrittenRow[],
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  if (!rows.length) return counts;
  if (ctx.dialect === "sqlite") {
    const stored = written
      ? await existingByExternalId(
          ctx,
          trx,
          table,
          columns,
          rows.map((r) => r[0] as string),
        )
      : null;
    // SQLite: one upsert a row, compared by SQLite itself (no lookup round trip through JS).
    const names = columns.map((c) => q(c.name));
    const list = [...names, q("created_at"), q("updated_at"), q("version")].join(", ");
    const sets = names.filter((n) => n !== q("external_id")).map((n) => `${n} = excluded.${n}`);
    const storedList = names.map((n) => `t.${n}`).join(", ");
    const incoming = names.map((n) => `excluded.${n}`).join(", ");
    const upsert = prepared(
      sqliteOf(ctx),
      `insert into ${q(table)} as t (${list}) values (${names.map(() => "?").join(", ")}, ?, ?, 1)
       on conflict (external_id) do update set ${sets.join(", ")}, "updated_at" = excluded."updated_at", "version" = t."version" + 1
       where (${storedList}) is not (${incoming}) returning "id", "version"`,
    );
    for (const row of rows) {
      const wrote = upsert.get(...row, now, now) as { id: number; version: number } | undefined;
      if (!wrote) counts.unchanged += 1;
      else if (wrote.version === 1) counts.inserted += 1;
      else counts.updated += 1;
      if (wrote && written) {
        const before = wrote.version === 1 ? null : (stored?.get(row[0] as string)?.values ?? null);
        written.push({ id: Number(wrote.id), before, after: row });
      }
    }
    return counts;
  }
  // PostgreSQL: read the stored rows and compare here. An ON CONFLICT … WHERE would lock (and so
  // write) every unchanged row, which is most rows of a nightly re-run.
  const existing = await existingByExternalId(
    ctx,
    trx,
    table,
    columns,
    rows.map((r) => r[0] as string),
  );
  const inserts: Value[][] = [];
  const updates: { id: number; values: Value[] }[] = [];
  for (const row of rows) {
    const stored = existing.get(row[0] as string);
    if (!stored) inserts.push(row);
    else if (sameValues(stored.values, row)) counts.unchanged += 1;
    else updates.push({ id: stored.id, values: row });
  }
  const ids = await insertRows(ctx, trx, table, columns, inserts, now);
  await updateRows(ctx, trx, table, columns, updates, now);
  if (written) {
    for (const row of inserts) written.push({ id: ids.get(row[0] as string) as number, before: null, after: row });
    for (const u of updates) {
      written.push({ id: u.id, before: existing.get(u.values[0] as string)?.values ?? null, after: u.values });
    }
  }
  counts.inserted = inserts.length;
  counts.updated = updates.length;
  return counts;
}
