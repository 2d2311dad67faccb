import { sql } from "kysely";
import type { Db, Dialect } from "./types.ts";

/**
 * Migrations renamed when each got a file and a number of its own (issue 11): until then three
 * files held two migrations each, and numbers repeated (0005, 0007, 0009). Databases migrated
 * before keep the old names in vinculo_migrations; Kysely refuses to run when an applied migration
 * is missing from its list, so they are renamed before it looks. Old → new, order kept (Kysely also
 * checks that the applied ones are the first of the list, in order). An old name is never given to
 * a new migration: a database still holding it would take the new one as applied.
 */
export const renamedMigrations: Readonly<Record<string, string>> = {
  "0005-tickets-defaults": "0006-tickets-defaults",
  "0006-mail": "0007-mail",
  "0007-watchers-critical": "0008-watchers-critical",
  "0008-finance": "0009-finance",
  "0009-appointments": "0010-appointments",
  "0009-appointments-defaults": "0011-appointments-defaults",
  "0010-imports": "0012-imports",
};

/**
 * Gives applied migrations their new names; returns how many rows it renamed. Idempotent (a
 * renamed row no longer matches), all or nothing (one transaction), and safe when several servers
 * start at once (on PostgreSQL the second waits on the first's row locks, then matches nothing).
 * `schema`: the PostgreSQL schema holding vinculo_migrations (see migrate.ts).
 */
export async function renameAppliedMigrations(db: Db, dialect: Dialect, schema?: string): Promise<number> {
  const exists =
    dialect === "postgres"
      ? await sql<{ n: number }>`select count(*)::int as n from information_schema.tables
          where table_schema = ${schema ?? sql`current_schema()`} and table_name = 'vinculo_migrations'`.execute(db)
      : await sql<{ n: number }>`select count(*) as n from sqlite_master
          where type = 'table' and name = 'vinculo_migrations'`.execute(db);
  // A new database: Kysely creates the table, with the new names only.
  if (!exists.rows[0]?.n) return 0;
  const table = schema ? sql.id(schema, "vinculo_migrations") : sql.id("vinculo_migrations");
  return db.transaction().execute(async (trx) => {
    let renamed = 0;
    for (const [from, to] of Object.entries(renamedMigrations)) {
      const result = await sql`update ${table} set name = ${to} where name = ${from}`.execute(trx);
      renamed += Number(result.numAffectedRows ?? 0);
    }
    return renamed;
  });
}
