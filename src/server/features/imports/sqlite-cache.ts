import type SQLite from "better-sqlite3";
import type { AppContext } from "../../context.ts";

/** Page cache of the SQLite connection while imports run: 128 MiB. */
const IMPORT_CACHE_KIB = 128 * 1024;
const widened = new WeakMap<SQLite.Database, { imports: number; previous: unknown }>();

/**
 * A large import into SQLite writes index pages all over (receivables of many persons): with
 * SQLite's default 2 MiB cache every batch spills and re-reads them, and commits write the same
 * pages again and again. While any import runs, the connection's cache grows to 128 MiB (the
 * 1 M-row measure went from ~40 000 to ~60 000 rows/s); the last import to finish puts it back.
 * Returns the function that does that.
 */
export function widenSqliteCache(ctx: AppContext): () => void {
  const s = ctx.handle.sqlite;
  if (ctx.dialect !== "sqlite" || !s) return () => {};
  const state = widened.get(s) ?? { imports: 0, previous: s.pragma("cache_size", { simple: true }) };
  if (state.imports === 0) s.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  state.imports += 1;
  widened.set(s, state);
  return () => {
    state.imports -= 1;
    if (state.imports === 0 && s.open) {
      s.pragma(`cache_size = ${Number(state.previous)}`);
      widened.delete(s);
    }
  };
}
