import type { ColumnDefinitionBuilder, CreateTableBuilder } from "kysely";
import type { Dialect } from "./migration.ts";

// Shipped migrations call these: a change here changes what those migrations build on a new
// database (but not on one already migrated). Add a new helper rather than change one.

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
