import { notNull, withId } from "../migration-helpers/columns.ts";
import type { VinculoMigration } from "../migration-helpers/migration.ts";

export const platform: VinculoMigration = {
  name: "0001-platform",
  async up(db, dialect) {
    await withId(db.schema.createTable("users"), dialect)
      .addColumn("username", "text", (c) => c.notNull().unique())
      .addColumn("name", "text", notNull)
      .addColumn("email", "text", notNull)
      .addColumn("password_hash", "text", notNull)
      .addColumn("is_admin", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
      .addColumn("created_at", "text", notNull)
      .addColumn("updated_at", "text", notNull)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();

    await db.schema
      .createTable("sessions")
      .addColumn("id_hash", "text", (c) => c.primaryKey())
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("created_at", "text", notNull)
      .addColumn("last_seen_at", "text", notNull)
      .addColumn("expires_at", "text", notNull)
      .addColumn("user_agent", "text")
      .execute();
    await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
    await db.schema.createIndex("sessions_expires").on("sessions").column("expires_at").execute();

    await withId(db.schema.createTable("api_tokens"), dialect)
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("name", "text", notNull)
      .addColumn("token_hash", "text", (c) => c.notNull().unique())
      .addColumn("prefix", "text", notNull)
      .addColumn("created_at", "text", notNull)
      .addColumn("created_by", "integer", (c) => c.references("users.id"))
      .addColumn("last_used_at", "text")
      .addColumn("revoked_at", "text")
      .execute();

    await withId(db.schema.createTable("auth_failures"), dialect)
      .addColumn("key", "text", notNull)
      .addColumn("at", "text", notNull)
      .execute();
    await db.schema.createIndex("auth_failures_key_at").on("auth_failures").columns(["key", "at"]).execute();
  },
};
