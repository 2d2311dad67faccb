import { notNull, withId } from "../migration-helpers/columns.ts";
import type { VinculoMigration } from "../migration-helpers/migration.ts";

/**
 * The ticket queues across persons (issue 18): saved views, and the index the queues page by.
 *
 * - ticket_views: a queue's filter saved by a user, personal or shared with an access profile.
 * - tickets_queue_opened: the queues by area and status, newest or oldest opened first (open
 *   ones by due date use tickets_open_due).
 */
export const ticketViews: VinculoMigration = {
  name: "0017-ticket-views",
  async up(db, dialect) {
    await withId(db.schema.createTable("ticket_views"), dialect)
      .addColumn("owner_id", "integer", (c) => c.notNull().references("users.id"))
      .addColumn("name", "text", notNull)
      /** 'service' (Atendimentos) | 'production' (Produção) */
      .addColumn("area", "text", notNull)
      /** JSON of the queue's filter (shared/ticket-queues.schemas.ts queueFilter). */
      .addColumn("filters", "text", notNull)
      /** Null: personal; else every user of this profile sees it. */
      .addColumn("shared_profile_id", "integer", (c) => c.references("access_profiles.id").onDelete("set null"))
      .addColumn("created_at", "text", notNull)
      .addColumn("updated_at", "text", notNull)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex("ticket_views_owner").on("ticket_views").columns(["owner_id", "area"]).execute();
    await db.schema
      .createIndex("ticket_views_profile")
      .on("ticket_views")
      .columns(["shared_profile_id", "area"])
      .execute();
    await db.schema
      .createIndex("tickets_queue_opened")
      .on("tickets")
      .columns(["area", "status", "opened_at", "id"])
      .execute();
  },
};
