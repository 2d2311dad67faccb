import path from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import type { Dialect } from "./config.ts";

/**
 * The few reads the bench makes of its own databases (counts, samples of codes and tickets,
 * what the crash loop wrote), in plain SQL through the drivers. The bench goes through the
 * server's own code only by its public doors (the CLI and the HTTP API), so it keeps working
 * while the server's modules are moved around; the table names are fixed by frozen migrations.
 */
export type BenchDb = {
  /** `?` placeholders on both databases. */
  all: <T>(text: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
};

export type Location = { dialect: Dialect; dataDir: string; databaseUrl: string | undefined };

/** The file create-db.ts opens inside VINCULO_DATA_DIR. */
export const sqliteFile = (dataDir: string) => path.join(dataDir, "vinculo.sqlite");

export async function openBenchDb(where: Location): Promise<BenchDb> {
  if (where.dialect === "sqlite") {
    const db = new SQLite(sqliteFile(where.dataDir));
    db.pragma("busy_timeout = 10000");
    return {
      all: async <T>(text: string, params: unknown[] = []) => {
        const statement = db.prepare(text);
        if (statement.reader) return statement.all(...params) as T[];
        statement.run(...params);
        return [];
      },
      close: async () => {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: where.databaseUrl });
  await client.connect();
  return {
    all: async <T>(text: string, params: unknown[] = []) => {
      let n = 0;
      const res = await client.query(
        text.replace(/\?/g, () => `$${++n}`),
        params,
      );
      return res.rows as T[];
    },
    close: () => client.end(),
  };
}

export async function one<T>(db: BenchDb, text: string, params: unknown[] = []): Promise<T | undefined> {
  return (await db.all<T>(text, params))[0];
}
