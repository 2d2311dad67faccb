import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database, Db, Dialect } from "./types.ts";

// COUNT(*) and BIGINT arrive as strings from pg; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// NUMERIC (sums) as numbers too: money is integer cents, so no precision is lost.
pg.types.setTypeParser(1700, (v) => Number(v));

export type DbHandle = {
  db: Db;
  dialect: Dialect;
  /** The SQLite file, for the backup command; undefined on PostgreSQL. */
  sqliteFile: string | undefined;
  sqlite: SQLite.Database | undefined;
  close: () => Promise<void>;
};

export type DbOptions = {
  databaseUrl: string | undefined;
  dataDir: string;
  /** PostgreSQL schema to use (tests give each file its own). */
  pgSchema?: string;
  poolSize?: number;
};

export function createDb(options: DbOptions): DbHandle {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema},public` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: "postgres",
      sqliteFile: undefined,
      sqlite: undefined,
      close: () => db.destroy(),
    };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, "vinculo.sqlite");
  const sqlite = openSqlite(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: "sqlite", sqliteFile: file, sqlite, close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; SQLite parsing and planning the same text again
 * is most of a small query's cost. Keep prepared statements by SQL text (bounded:
 * `in (?, ?, …)` lists make many texts). Safe because better-sqlite3 runs each
 * statement to completion synchronously and Kysely never streams here.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (cache.size >= 1000) cache.clear();
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

export function openSqlite(file: string): SQLite.Database {
  const sqlite = new SQLite(file);
  // WAL lets readers run beside the writer; FULL makes every commit durable.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return sqlite;
}
