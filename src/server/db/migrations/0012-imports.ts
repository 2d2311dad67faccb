import { notNull, withId } from "../migration-helpers/columns.ts";
import type { VinculoMigration } from "../migration-helpers/migration.ts";

// Shipped as "0010-imports"; renamed (see ../migration-renames.ts), same schema.

/**
 * The history of imports (POST /api/import/{entity}, `vinculo import`): one row per run, written
 * when it starts ('running') and completed when it ends ('done' or 'failed'), with the counts and
 * the first rejected lines, so an administrator sees what last night's sync did.
 * (persons.external_id, the persons import's key beside the document, exists since 0002.)
 */
export const imports: VinculoMigration = {
  name: "0012-imports",
  async up(db, dialect) {
    await withId(db.schema.createTable("import_runs"), dialect)
      .addColumn("entity", "text", notNull)
      /** 'ndjson' | 'csv' */
      .addColumn("format", "text", notNull)
      /** 'api' | 'cli' */
      .addColumn("source", "text", notNull)
      .addColumn("file_name", "text")
      .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
      /** 'running' | 'done' | 'failed' */
      .addColumn("status", "text", notNull)
      .addColumn("started_at", "text", notNull)
      .addColumn("finished_at", "text")
      .addColumn("records", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("inserted", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("updated", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("unchanged", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("rejected", "integer", (c) => c.notNull().defaultTo(0))
      /** Why a failed run stopped (the malformed line). */
      .addColumn("error", "text")
      /** JSON: the first rejected lines [{line, field, error}]. */
      .addColumn("rejected_sample", "text", (c) => c.notNull().defaultTo("[]"))
      .execute();
    // The history lists newest first by id (the primary key); no other query reads this table.
  },
};
