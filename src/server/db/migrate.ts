import { type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import type { DbHandle } from "./create-db.ts";
import type { MigrationDb, VinculoMigration } from "./migration-helpers.ts";
import { platform } from "./migrations/0001-platform.ts";
import { persons, personsDefaults } from "./migrations/0002-persons.ts";
import { personWords } from "./migrations/0004-person-words.ts";
import { tickets, ticketsDefaults } from "./migrations/0005-tickets.ts";
import { mail } from "./migrations/0006-mail.ts";
import { watchersCritical } from "./migrations/0007-watchers-critical.ts";
import { finance } from "./migrations/0008-finance.ts";
import { appointments, appointmentsDefaults } from "./migrations/0009-appointments.ts";
import { imports } from "./migrations/0010-imports.ts";

/** Frozen, ordered: never edit a migration that has shipped; add a new one. */
export const migrations: VinculoMigration[] = [
  platform,
  persons,
  personsDefaults,
  personWords,
  tickets,
  ticketsDefaults,
  mail,
  watchersCritical,
  // In name order: Kysely runs migrations sorted by name, and migrate.test.ts holds this list to it.
  finance,
  appointments,
  appointmentsDefaults,
  imports,
];

export async function migrateToLatest(handle: DbHandle): Promise<string[]> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const all: Record<string, Migration> = {};
      for (const m of migrations) {
        // Kysely runs SQLite migrations outside a transaction (it assumes no transactional
        // DDL, which SQLite has): give each its own, so a failed one leaves nothing half-done.
        all[m.name] = {
          up: (db) =>
            handle.dialect === "sqlite"
              ? db.transaction().execute((trx) => m.up(trx as unknown as MigrationDb, handle.dialect))
              : m.up(db as MigrationDb, handle.dialect),
        };
      }
      return all;
    },
  };
  // Kysely looks for its bookkeeping tables in every schema unless told which one: on a
  // PostgreSQL database holding another Vínculo schema (the tests' parallel schemas, a
  // staging copy) it would find theirs and never create ours. Name the current schema.
  const schema =
    handle.dialect === "postgres"
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db: handle.db,
    provider,
    migrationTableName: "vinculo_migrations",
    migrationLockTableName: "vinculo_migrations_lock",
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    throw new Error(`Migração ${failed?.migrationName ?? ""} falhou: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
