import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  type QueryCompiler,
  type QueryResult,
  type RootOperationNode,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type TransactionSettings,
} from "kysely";
import pg from "pg";
import { isPreparedQuery, preparedName } from "./prepared.ts";
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
      Client: NamedStatementsClient as unknown as pg.PoolConfig["Client"],
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
  const db = new Kysely<Database>({ dialect: new HeldStatementsDialect(sqlite) });
  return { db, dialect: "sqlite", sqliteFile: file, sqlite, close: () => db.destroy() };
}

/**
 * Transactions begin IMMEDIATE: they take the write lock at BEGIN, waiting for it with the busy
 * timeout. Kysely's DEFERRED begin reads first and asks for the lock at the first write; in WAL
 * mode, when another process committed in between, SQLite answers SQLITE_BUSY at once, without
 * waiting (its snapshot is stale). Several server processes on one file (VINCULO_WORKERS) need this.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config);
  }
}

/**
 * pg's client, running the queries of prepared.ts as named statements: the server parses and
 * plans each once per connection, and later calls send only the name and the values. Kysely
 * calls `query(text, values)`; the name is in the text's leading comment.
 */
class NamedStatementsClient extends pg.Client {}
const plainQuery = pg.Client.prototype.query;
NamedStatementsClient.prototype.query = function (
  this: pg.Client,
  config: unknown,
  values?: unknown,
  callback?: unknown,
) {
  const name = typeof config === "string" && Array.isArray(values) ? preparedName(config) : undefined;
  const call = plainQuery as (this: pg.Client, ...args: unknown[]) => unknown;
  return name ? call.call(this, { name, text: config, values }, callback) : call.call(this, config, values, callback);
} as typeof plainQuery;

/**
 * SQLite through Kysely's driver (transactions IMMEDIATE, above), except for the queries of
 * prepared.ts: each runs on a better-sqlite3 statement prepared on its first call and held by
 * the query's identity, so no SQL text is hashed or compared per call. Every other query keeps
 * the statement cache by text (below).
 */
class HeldStatementsDialect extends ImmediateSqliteDialect {
  readonly #sqlite: SQLite.Database;

  constructor(sqlite: SQLite.Database) {
    super({ database: withStatementCache(sqlite) });
    this.#sqlite = sqlite;
  }

  override createDriver(): Driver {
    return new HeldStatementsDriver(super.createDriver(), this.#sqlite);
  }
}

class HeldStatementsDriver implements Driver {
  readonly #inner: Driver;
  readonly #sqlite: SQLite.Database;
  readonly #statements = new WeakMap<RootOperationNode, SQLite.Statement>();
  /** SQLite has one connection: Kysely's driver hands out the same one, wrapped once here. */
  #connection: DatabaseConnection | undefined;

  constructor(inner: Driver, sqlite: SQLite.Database) {
    this.#inner = inner;
    this.#sqlite = sqlite;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    // Kysely's mutex: a prepared query waits for a transaction in progress, as any other does.
    const inner = await this.#inner.acquireConnection();
    if (!this.#connection) {
      this.#connection = {
        executeQuery: <R>(query: CompiledQuery) =>
          isPreparedQuery(query.query) ? this.#run<R>(query) : inner.executeQuery<R>(query),
        streamQuery: <R>(query: CompiledQuery, chunkSize?: number) => inner.streamQuery<R>(query, chunkSize),
      };
    }
    return this.#connection;
  }

  #run<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    let statement = this.#statements.get(query.query);
    if (!statement) {
      statement = this.#sqlite.prepare(query.sql);
      this.#statements.set(query.query, statement);
    }
    const parameters = query.parameters as unknown[];
    if (statement.reader) return Promise.resolve({ rows: statement.all(parameters) as R[] });
    const { changes, lastInsertRowid } = statement.run(parameters);
    return Promise.resolve({ numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] });
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.rollbackTransaction(connection);
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]) {
    await this.#inner.savepoint?.(connection, name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]) {
    await this.#inner.rollbackToSavepoint?.(connection, name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]) {
    await this.#inner.releaseSavepoint?.(connection, name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
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
