// Run by sqlite-writers.test.ts in two processes at once: many short read-then-write
// transactions on one SQLite file, as two cluster workers would make. Prints what failed, as JSON.
// argv: <dataDir> <transactions> <"immediate" | "deferred">
import { Kysely, SqliteDialect, sql } from "kysely";
import { createDb, openSqlite } from "./create-db.ts";
import type { Database } from "./types.ts";

const [dataDir = "", count = "100", mode = "immediate"] = process.argv.slice(2);
const db =
  mode === "deferred"
    ? // Kysely's own dialect: BEGIN (deferred), for the comparison.
      new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(`${dataDir}/vinculo.sqlite`) }) })
    : createDb({ databaseUrl: undefined, dataDir }).db;

const errors: Record<string, number> = {};
process.stdout.write("ready\n");
process.stdin.once("data", async () => {
  for (let i = 0; i < Number(count); i += 1) {
    try {
      await db.transaction().execute(async (trx) => {
        const row = await sql<{ n: number }>`select n from counter where id = 1`.execute(trx);
        // A turn of the event loop between the read and the write, as a service has.
        await new Promise((resolve) => setImmediate(resolve));
        await sql`update counter set n = ${(row.rows[0]?.n ?? 0) + 1} where id = 1`.execute(trx);
      });
    } catch (error) {
      const code = (error as { code?: string }).code ?? String(error);
      errors[code] = (errors[code] ?? 0) + 1;
    }
  }
  await db.destroy();
  process.stdout.write(`${JSON.stringify(errors)}\n`);
  process.exit(0);
});
