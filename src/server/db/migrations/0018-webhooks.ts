import { notNull, withId } from "../migration-helpers/columns.ts";
import type { VinculoMigration } from "../migration-helpers/migration.ts";

/**
 * Outbound webhooks (issue 14).
 *
 * - webhooks: a receiver an administrator registered: its URL, the event types it hears (JSON
 *   array), the user whose grants decide what it carries, the signing secret (kept as given: the
 *   worker signs with it), and the dispatch cursor: the last domain_events id already turned into
 *   deliveries. `failures`/`retry_at` are the receiver's state: after a failed attempt the worker
 *   leaves the whole webhook alone until retry_at (a receiver that is down is probed, not flooded).
 * - webhook_deliveries: one per event per webhook (unique), sent oldest first per person
 *   (`person_key`: the person's code, 0 for events of no person), retried until delivered, or given
 *   up on ('failed'); 'skipped' when the webhook's user could not see the event at dispatch.
 *   `lease_until` is a server's claim while it sends, so two servers never send the same one at once.
 */
export const webhooks: VinculoMigration = {
  name: "0018-webhooks",
  async up(db, dialect) {
    await withId(db.schema.createTable("webhooks"), dialect)
      .addColumn("url", "text", notNull)
      .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("event_types", "text", notNull)
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
      .addColumn("allow_private", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
      .addColumn("secret", "text", notNull)
      .addColumn("secret_prefix", "text", notNull)
      .addColumn("cursor", "bigint", (c) => c.notNull().defaultTo(0))
      .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("retry_at", "text")
      .addColumn("last_error", "text")
      .addColumn("last_delivered_at", "text")
      .addColumn("created_at", "text", notNull)
      .addColumn("updated_at", "text", notNull)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();

    await withId(db.schema.createTable("webhook_deliveries"), dialect)
      .addColumn("webhook_id", "integer", (c) => c.notNull().references("webhooks.id").onDelete("cascade"))
      .addColumn("event_id", "bigint", notNull)
      .addColumn("event_type", "text", notNull)
      .addColumn("person_code", "integer")
      .addColumn("person_key", "integer", notNull)
      /** 'pending' | 'delivered' | 'failed' | 'skipped' */
      .addColumn("status", "text", notNull)
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("last_status", "integer")
      .addColumn("last_error", "text")
      .addColumn("last_attempt_at", "text")
      .addColumn("next_attempt_at", "text")
      .addColumn("lease_until", "text")
      .addColumn("delivered_at", "text")
      .addColumn("created_at", "text", notNull)
      .addUniqueConstraint("webhook_deliveries_event", ["webhook_id", "event_id"])
      .execute();
    // The head of each person's queue: the oldest pending event per webhook and person.
    await db.schema
      .createIndex("webhook_deliveries_queue")
      .on("webhook_deliveries")
      .columns(["webhook_id", "status", "person_key", "event_id"])
      .execute();
    // The admin's list: a webhook's deliveries, newest first, by status or all.
    await db.schema
      .createIndex("webhook_deliveries_list")
      .on("webhook_deliveries")
      .columns(["webhook_id", "status", "id"])
      .execute();
  },
};
