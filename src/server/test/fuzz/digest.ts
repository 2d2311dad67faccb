import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { AppContext } from "../../context.ts";

/**
 * A fingerprint of every table (row count and a hash of the rows, order-free), to prove that a
 * rejected request changed nothing. Left out, because a refusal legitimately writes them:
 * the login-failure counter (it is how 10 wrong passwords become a 429), when a session or a
 * token was last seen, the access log (who asked, not what changed), and, for the import route,
 * the run history (a malformed file is recorded as a failed run, by design).
 */

export type Digest = Map<string, string>;

const VOLATILE_COLUMNS: Record<string, string[]> = {
  sessions: ["last_seen_at", "expires_at"],
  api_tokens: ["last_used_at"],
  calendar_feeds: ["last_used_at"],
};
/**
 * access_log is the access log of the audit feature (features/audit/access-log.*): it records
 * reads and attempts by design (LGPD, Marco Civil art. 15), so a refused login or a refused write
 * legitimately appends to it, and the views it notes are flushed in the background, landing during
 * whatever request comes next. It records that someone asked, never a change: the change journal
 * (audit_log) stays in the fingerprint, since a rejected write must not journal a change.
 */
const ALWAYS_SKIPPED = new Set(["auth_failures", "kysely_migration_lock", "access_log"]);

export type DigestOptions = { skip?: string[] };

/** The table list (SQLite) or the one fingerprint query (PostgreSQL), worked out once per database. */
const plans = new WeakMap<AppContext, string[] | string>();

export async function databaseDigest(ctx: AppContext): Promise<Digest> {
  const out: Digest = new Map();
  const sqlite = ctx.handle.sqlite;
  if (sqlite) {
    const tables = (plans.get(ctx) as string[] | undefined) ?? listSqliteTables(ctx);
    plans.set(ctx, tables);
    for (const table of tables) {
      const statement = sqlite.prepare(`select * from "${table}"`).raw();
      const volatile = new Set(VOLATILE_COLUMNS[table] ?? []);
      const keep = statement.columns().map((c) => !volatile.has(c.name));
      const rows = (statement.all() as unknown[][]).map((row) =>
        createHash("sha1")
          .update(
            JSON.stringify(
              row.filter((_, i) => keep[i]),
              (_k, v) => (Buffer.isBuffer(v) ? v.toString("hex") : v),
            ),
          )
          .digest("hex"),
      );
      rows.sort();
      out.set(table, `${rows.length}:${createHash("sha1").update(rows.join("")).digest("hex")}`);
    }
    return out;
  }
  const pgQuery = (plans.get(ctx) as string | undefined) ?? (await buildPgQuery(ctx));
  plans.set(ctx, pgQuery);
  const { rows } = await sql<{ t: string; n: number; h: string }>`${sql.raw(pgQuery)}`.execute(ctx.db);
  for (const row of rows) out.set(row.t, `${row.n}:${row.h}`);
  return out;
}

function listSqliteTables(ctx: AppContext): string[] {
  const rows = ctx.handle.sqlite
    ?.prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .all() as { name: string; sql: string | null }[];
  // FTS5 indexes and their shadow tables are derived from the persons rows: hashing those is enough.
  const virtual = rows.filter((r) => /^create virtual table/i.test(r.sql ?? "")).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)) && !ALWAYS_SKIPPED.has(name))
    .sort();
}

async function buildPgQuery(ctx: AppContext): Promise<string> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(ctx.db);
  const parts = rows
    .map((r) => r.table_name)
    .filter((name) => !ALWAYS_SKIPPED.has(name))
    .map((name) => {
      const minus = (VOLATILE_COLUMNS[name] ?? []).map((c) => ` - '${c}'`).join("");
      const row = `md5((to_jsonb(x)${minus})::text)`;
      return `select '${name}' as t, count(*)::int as n, coalesce(md5(string_agg(${row}, '' order by ${row})), '') as h from "${name}" x`;
    });
  return parts.join(" union all ");
}

/** The tables whose fingerprint differs, leaving out `skip`. */
export function changedTables(before: Digest, after: Digest, skip: string[] = []): string[] {
  const changed: string[] = [];
  for (const [table, print] of after) {
    if (skip.includes(table)) continue;
    if (before.get(table) !== print) changed.push(table);
  }
  return changed;
}
