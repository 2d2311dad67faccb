import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from "kysely";
import type { Dialect } from "./types.ts";

export type MigrationDb = Kysely<unknown>;

export type VinculoMigration = {
  name: string;
  up: (db: MigrationDb, dialect: Dialect) => Promise<void>;
};

/** An auto-increment integer primary key, spelled the way each database wants it. */
export function withId<T extends string>(
  table: CreateTableBuilder<T, never>,
  dialect: Dialect,
  name = "id",
): CreateTableBuilder<T, never> {
  return dialect === "postgres"
    ? table.addColumn(name, "integer", (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn(name, "integer", (c) => c.primaryKey().autoIncrement());
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
