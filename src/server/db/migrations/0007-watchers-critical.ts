import type { Kysely } from "kysely";
import { notNull, type VinculoMigration, withId } from "../migration-helpers.ts";
import type { Database } from "../types.ts";
import { createCriticalCounts } from "./0007-critical-counts.ts";

/**
 * Critical factors (fatores críticos) and the Spy System (monitoramento de pessoas):
 * - the critical-factor settings (one row), the running counts behind the company page
 *   (0007-critical-counts.ts) and the indexes on open tickets by due date;
 * - who watches whom, each user's delivery choice, and the events waiting for a daily digest.
 */
export const watchersCritical: VinculoMigration = {
  name: "0007-watchers-critical",
  async up(db, dialect) {
    await db.schema
      .createTable("critical_factor_settings")
      /** Always 1: one row. */
      .addColumn("id", "integer", (c) => c.primaryKey())
      .addColumn("threshold_days", "integer", notNull)
      .addColumn("warn_days", "integer", notNull)
      /** JSON arrays of ticket type ids. */
      .addColumn("include_type_ids", "text", (c) => c.notNull().defaultTo("[]"))
      .addColumn("exclude_type_ids", "text", (c) => c.notNull().defaultTo("[]"))
      .addColumn("updated_at", "text", notNull)
      .addColumn("updated_by", "integer", (c) => c.references("users.id"))
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();
    await (db as unknown as Kysely<Database>)
      .insertInto("critical_factor_settings")
      .values({ id: 1, threshold_days: 5, warn_days: 2, updated_at: new Date().toISOString() })
      .execute();

    // Open tickets only (partial indexes: a closed ticket costs them nothing). Queries spell
    // status = 'open' as a literal so both planners match the index predicate.
    const open = (name: string, columns: string[]) =>
      db.schema.createIndex(name).on("tickets").columns(columns).where("status", "=", "open").execute();
    // The company page: a keyset walk by sector, person, due.
    await open("tickets_open_sector_person_due", ["sector_id", "person_id", "due_at", "id"]);
    // The same walk for one responsible user, and its counts (area and type make it covering).
    await open("tickets_open_responsible", [
      "responsible_user_id",
      "sector_id",
      "person_id",
      "due_at",
      "id",
      "area",
      "type_id",
    ]);
    // Counting by due range (the hours of a threshold's day, see 0007-critical-counts.ts).
    await open("tickets_open_due", ["due_at", "sector_id", "area", "type_id", "person_id"]);
    // A person's critical factors: its open tickets by due.
    await open("tickets_open_person_due", ["person_id", "due_at"]);

    await createCriticalCounts(db, dialect);

    await db.schema
      .createTable("person_watchers")
      .addColumn("person_id", "integer", (c) => c.notNull().references("persons.id"))
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
      .addColumn("created_at", "text", notNull)
      .addPrimaryKeyConstraint("person_watchers_pk", ["person_id", "user_id"])
      .execute();
    await db.schema.createIndex("person_watchers_user").on("person_watchers").columns(["user_id"]).execute();

    await db.schema
      .createTable("watch_preferences")
      .addColumn("user_id", "integer", (c) => c.primaryKey().references("users.id"))
      /** 'immediate' (one e-mail per event) or 'digest' (one a day). */
      .addColumn("delivery", "text", notNull)
      .addColumn("updated_at", "text", notNull)
      .execute();

    // Events for users on the daily digest, until the digest of their day goes out.
    await withId(db.schema.createTable("watch_events"), dialect)
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
      .addColumn("person_id", "integer", (c) => c.notNull().references("persons.id"))
      .addColumn("ticket_id", "integer", (c) => c.notNull().references("tickets.id"))
      /** 'created' | 'note' | 'closed' | 'reopened' */
      .addColumn("event", "text", notNull)
      .addColumn("actor_id", "integer", (c) => c.references("users.id"))
      .addColumn("text", "text", notNull)
      /** The company-time date the event belongs to (its digest's day). */
      .addColumn("day", "text", notNull)
      .addColumn("created_at", "text", notNull)
      .execute();
    await db.schema.createIndex("watch_events_day").on("watch_events").columns(["day", "user_id", "id"]).execute();

    // One digest per user and day: the row is the claim, so two servers never send it twice.
    await db.schema
      .createTable("watch_digests")
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
      .addColumn("day", "text", notNull)
      .addColumn("event_count", "integer", notNull)
      .addColumn("mail_id", "integer")
      .addColumn("created_at", "text", notNull)
      .addPrimaryKeyConstraint("watch_digests_pk", ["user_id", "day"])
      .execute();
  },
};
