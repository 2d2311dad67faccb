import { createHash } from "node:crypto";
import {
  type Compilable,
  type CompiledQuery,
  createQueryId,
  type Expression,
  PostgresAdapter,
  type QueryExecutor,
  type QueryId,
  type RootOperationNode,
  type SqlBool,
  SqliteAdapter,
  sql,
} from "kysely";
import type { Dialect, Executor } from "./types.ts";

/**
 * Hot queries compiled once. Kysely builds and compiles a query anew on every call, which
 * profiled as most of a small request's CPU (issue 13); a query defined here is built once per
 * dialect, with placeholders standing for its parameters, and every call only fills the
 * parameter array. It still runs through Kysely's executor — so it takes the connection Kysely
 * would (a transaction's own, or SQLite's single one after whoever holds it), and plugins still
 * see it — and then the drivers of create-db.ts run it as a statement prepared once: a
 * better-sqlite3 statement held by the query's identity, a named statement on PostgreSQL
 * (parsed and planned once per connection).
 *
 * The builder must pass each parameter only as a value (`eb("p.code", "=", p.code)`,
 * `.limit(p.limit)`, `inArray(ref, p.ids, dialect)`), never read it in JavaScript: it is a
 * placeholder when the query is compiled. Arrays are bound as one parameter (JSON text on
 * SQLite, read by json_each; an array on PostgreSQL), so an `in` list keeps one shape.
 */

export type PreparedParams = Record<string, unknown>;

export type PreparedQuery<P extends PreparedParams, R> = (db: Executor, params: P) => Promise<R[]>;

/** The SQL of a prepared query starts with this comment, which names it (create-db.ts reads it on PostgreSQL). */
const NAME_PREFIX = "/* prepared:";
const NAME_END = " */ ";

/** Placeholders are strings no caller sends: an exact match marks the parameter's slot. */
const PLACEHOLDER = "\u0000vinculo-parameter:";

type Compiled = {
  sql: string;
  /** The compiled parameters, with placeholders in the slots the caller fills. */
  parameters: readonly unknown[];
  /** [index in parameters, parameter name] */
  slots: readonly (readonly [number, string])[];
  query: RootOperationNode;
};

/** Root nodes of prepared queries: the SQLite driver holds a statement for each (create-db.ts). */
const preparedNodes = new WeakSet<RootOperationNode>();

export const isPreparedQuery = (node: RootOperationNode): boolean => preparedNodes.has(node);

/** The statement name of a prepared query's SQL, or undefined for any other SQL. */
export function preparedName(text: string): string | undefined {
  if (!text.startsWith(NAME_PREFIX)) return undefined;
  const end = text.indexOf(NAME_END, NAME_PREFIX.length);
  return end > 0 ? text.slice(NAME_PREFIX.length, end) : undefined;
}

const dialects = new WeakMap<object, Dialect>();

function dialectOf(executor: QueryExecutor): Dialect {
  const adapter = executor.adapter;
  let dialect = dialects.get(adapter);
  if (!dialect) {
    if (adapter instanceof SqliteAdapter) dialect = "sqlite";
    else if (adapter instanceof PostgresAdapter) dialect = "postgres";
    else throw new Error("prepared queries run on SQLite or PostgreSQL only");
    dialects.set(adapter, dialect);
  }
  return dialect;
}

/** An array parameter as bound: JSON text for SQLite's json_each, the array itself for pg. */
const bindable = (value: unknown, dialect: Dialect): unknown =>
  Array.isArray(value) && dialect === "sqlite" ? JSON.stringify(value) : value;

function parameterValue(params: PreparedParams, key: string, query: string, dialect: Dialect): unknown {
  const value = params[key];
  if (value === undefined) throw new Error(`prepared query ${query}: parameter ${key} is missing`);
  return bindable(value, dialect);
}

function compile<P extends PreparedParams>(
  name: string,
  db: Executor,
  build: (db: Executor, p: P, dialect: Dialect) => Compilable<unknown>,
  dialect: Dialect,
): Compiled {
  const placeholders = new Proxy({} as P, {
    get: (_, key) => (typeof key === "string" ? `${PLACEHOLDER}${key}` : undefined),
  });
  // Without plugins: the node is shared by every handle of this dialect, each applying its own.
  const compiled = build(db.withoutPlugins(), placeholders, dialect).compile();
  if (compiled.sql.includes(PLACEHOLDER)) throw new Error(`prepared query ${name}: a parameter became SQL text`);
  const slots: [number, string][] = [];
  compiled.parameters.forEach((value, index) => {
    if (typeof value !== "string" || !value.includes(PLACEHOLDER)) return;
    // A placeholder inside a larger value (`%${p.term}%`) would be bound as that text: refuse it.
    if (!value.startsWith(PLACEHOLDER)) throw new Error(`prepared query ${name}: a parameter is part of a value`);
    slots.push([index, value.slice(PLACEHOLDER.length)]);
  });
  // Short and unique per text: PostgreSQL keeps 63 bytes of a name, and pg refuses one name for two texts.
  const hash = createHash("sha256").update(compiled.sql).digest("hex").slice(0, 10);
  const statement = `${name.replace(/[^a-z0-9]+/gi, "_").slice(0, 40)}_${hash}`;
  preparedNodes.add(compiled.query);
  return {
    sql: `${NAME_PREFIX}${statement}${NAME_END}${compiled.sql}`,
    parameters: compiled.parameters,
    slots,
    query: compiled.query,
  };
}

/**
 * A query compiled once per dialect, on its first call. `build` gets placeholders for `P`'s
 * values and the dialect; the answer runs it with the values of each call.
 */
export function prepared<P extends PreparedParams, R>(
  name: string,
  build: (db: Executor, p: P, dialect: Dialect) => Compilable<R>,
): PreparedQuery<P, R> {
  const byDialect: Partial<Record<Dialect, Compiled>> = {};
  return async (db, params) => {
    // getExecutor is marked internal, but it is the seam Kysely's own builders execute through.
    const executor = db.getExecutor();
    const dialect = dialectOf(executor);
    let entry = byDialect[dialect];
    if (!entry) {
      entry = compile(name, db, build, dialect);
      byDialect[dialect] = entry;
    }
    const queryId = createQueryId();
    const node = executor.transformQuery(entry.query, queryId);
    const query =
      node === entry.query
        ? filled(entry, params, dialect, name, queryId)
        : // A plugin rewrote the query: compile its version, filling the placeholders it kept.
          refilled(executor.compileQuery(node, queryId), params, dialect, name);
    const result = await executor.executeQuery<R>(query as CompiledQuery<R>);
    return result.rows;
  };
}

function filled(entry: Compiled, params: PreparedParams, dialect: Dialect, name: string, queryId: QueryId) {
  const parameters = entry.parameters.slice();
  for (const [index, key] of entry.slots) parameters[index] = parameterValue(params, key, name, dialect);
  return { sql: entry.sql, parameters, query: entry.query, queryId };
}

function refilled(compiled: CompiledQuery, params: PreparedParams, dialect: Dialect, name: string): CompiledQuery {
  const parameters = compiled.parameters.map((value) =>
    typeof value === "string" && value.startsWith(PLACEHOLDER)
      ? parameterValue(params, value.slice(PLACEHOLDER.length), name, dialect)
      : value,
  );
  return { ...compiled, parameters };
}

/**
 * `ref` is one of the values of an array parameter (see the header): one shape whatever the
 * array's length, where Kysely's `in (?, ?, …)` makes a text per length.
 */
export function inArray(ref: Expression<unknown>, values: unknown, dialect: Dialect): Expression<SqlBool> {
  return dialect === "sqlite"
    ? sql<SqlBool>`${ref} in (select value from json_each(${values}))`
    : sql<SqlBool>`${ref} = any(${values})`;
}

/** `ref` matches one of the LIKE patterns of an array parameter (one shape whatever their number). */
export function likeAny(ref: Expression<unknown>, patterns: unknown, dialect: Dialect): Expression<SqlBool> {
  return dialect === "sqlite"
    ? sql<SqlBool>`exists (select 1 from json_each(${patterns}) where ${ref} like json_each.value)`
    : sql<SqlBool>`${ref} like any(${patterns})`;
}
