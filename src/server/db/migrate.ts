import { type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import type { DbHandle } from "./create-db.ts";
import type { VinculoMigration } from "./migration-helpers/migration.ts";
import { renameAppliedMigrations } from "./migration-renames.ts";
import { platform } from "./migrations/0001-platform.ts";
import { persons } from "./migrations/0002-persons.ts";
import { personsDefaults } from "./migrations/0003-persons-defaults.ts";
import { personWords } from "./migrations/0004-person-words.ts";
import { tickets } from "./migrations/0005-tickets.ts";
import { ticketsDefaults } from "./migrations/0006-tickets-defaults.ts";
import { mail } from "./migrations/0007-mail.ts";
import { watchersCritical } from "./migrations/0008-watchers-critical.ts";
import { finance } from "./migrations/0009-finance.ts";
import { appointments } from "./migrations/0010-appointments.ts";
import { appointmentsDefaults } from "./migrations/0011-appointments-defaults.ts";
import { imports } from "./migrations/0012-imports.ts";
import { criticalCountsLockOrder } from "./migrations/0013-critical-counts-lock-order.ts";
import { searchVocabulary } from "./migrations/0014-search-vocabulary.ts";
import { journal } from "./migrations/0015-journal.ts";
import { attachments } from "./migrations/0016-attachments.ts";
import { ticketViews } from "./migrations/0017-ticket-views.ts";
import { webhooks } from "./migrations/0018-webhooks.ts";

/**
 * Frozen, ordered: one file per migration, named after it, numbered in order. Never edit a
 * migration that has shipped (migrations-frozen.test.ts pins each file's hash): add a new one at
 * the end, and its file's hash to that test.
 */
export const migrations: VinculoMigration[] = [
  platform,
  persons,
  personsDefaults,
  personWords,
  tickets,
  ticketsDefaults,
  mail,
  watchersCritical,
  finance,
  appointments,
  appointmentsDefaults,
  imports,
  criticalCountsLockOrder,
  searchVocabulary,
  journal,
  attachments,
  ticketViews,
  webhooks,
];

/**
 * Runs the migrations not yet applied; returns their names. `list`: a first part of `migrations`,
 * for tests that need a database as an earlier version left it.
 */
export async function migrateToLatest(handle: DbHandle, list: VinculoMigration[] = migrations): Promise<string[]> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const all: Record<string, Migration> = {};
      for (const m of list) {
        // Kysely runs SQLite migrations outside a transaction (it assumes no transactional
        // DDL, which SQLite has): give each its own, so a failed one leaves nothing half-done.
        all[m.name] = {
          up: (db) =>
            handle.dialect === "sqlite"
              ? db.transaction().execute((trx) => m.up(trx, handle.dialect))
              : m.up(db, handle.dialect),
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
  // Before the Migrator looks: it refuses to run while an applied migration has an old name.
  await renameAppliedMigrations(handle.db, handle.dialect, schema);
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
