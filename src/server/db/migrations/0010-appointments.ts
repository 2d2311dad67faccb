import { notNull, withId } from "../migration-helpers/columns.ts";
import type { VinculoMigration } from "../migration-helpers/migration.ts";

// Shipped as "0009-appointments"; renamed (see ../migration-renames.ts), same schema.

/**
 * Appointments (agendamentos): commitments with a person, their types, and the private
 * iCalendar feed each user may subscribe to.
 *
 * Time: `starts_at`/`ends_at` are always UTC instants (ISO text), so one index serves the
 * agenda's window query, the "past" rule and the overlap warning for every appointment.
 * An all-day appointment also keeps its calendar dates (`start_date`, `end_date`, inclusive,
 * `YYYY-MM-DD`): those are what it *is* and what the API and the feed answer, so it never
 * shifts a day with a time zone; its instants are 00:00 of the first day and 00:00 of the
 * day after the last one, in the company's time zone, written with the dates.
 */
export const appointments: VinculoMigration = {
  name: "0010-appointments",
  async up(db, dialect) {
    await withId(db.schema.createTable("appointment_types"), dialect)
      .addColumn("name", "text", (c) => c.notNull().unique())
      /** `#RRGGBB`, for the agenda. */
      .addColumn("color", "text", notNull)
      /** A new appointment without an end lasts this long. */
      .addColumn("duration_minutes", "integer", notNull)
      .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();

    await withId(db.schema.createTable("appointments"), dialect)
      .addColumn("person_id", "integer", (c) => c.notNull().references("persons.id"))
      .addColumn("type_id", "integer", (c) => c.notNull().references("appointment_types.id"))
      .addColumn("all_day", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("starts_at", "text", notNull)
      /** Exclusive end. */
      .addColumn("ends_at", "text", notNull)
      /** All-day only: first and last day (inclusive), in the company's calendar. */
      .addColumn("start_date", "text")
      .addColumn("end_date", "text")
      .addColumn("subject", "text", notNull)
      .addColumn("description", "text")
      .addColumn("assigned_user_id", "integer", (c) => c.notNull().references("users.id"))
      /** Addresses are deleted for real: the appointment keeps the text it was planned with. */
      .addColumn("address_id", "integer", (c) => c.references("addresses.id").onDelete("set null"))
      .addColumn("address_text", "text")
      .addColumn("remote", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("product_id", "integer", (c) => c.references("products.id"))
      .addColumn("ticket_id", "integer", (c) => c.references("tickets.id"))
      /** 'open' | 'done' */
      .addColumn("status", "text", notNull)
      .addColumn("done_at", "text")
      .addColumn("done_by", "integer", (c) => c.references("users.id"))
      .addColumn("result", "text")
      .addColumn("deleted_at", "text")
      .addColumn("deleted_by", "integer", (c) => c.references("users.id"))
      .addColumn("delete_reason", "text")
      .addColumn("locked_by", "integer", (c) => c.references("users.id"))
      .addColumn("locked_at", "text")
      .addColumn("lock_reason", "text")
      .addColumn("created_at", "text", notNull)
      /** Null for generated data. */
      .addColumn("created_by", "integer", (c) => c.references("users.id"))
      .addColumn("updated_at", "text", notNull)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();
    // The person's tab: open or done, soonest first, keyset on (starts_at, id).
    await db.schema
      .createIndex("appointments_person_list")
      .on("appointments")
      .columns(["person_id", "status", "starts_at", "id"])
      .execute();
    // The agenda (everyone's in a window) and the calendar feed.
    await db.schema.createIndex("appointments_starts").on("appointments").columns(["starts_at", "id"]).execute();
    // The agenda of one user, the feed and the overlap warning.
    await db.schema
      .createIndex("appointments_assigned")
      .on("appointments")
      .columns(["assigned_user_id", "starts_at"])
      .execute();
    // A ticket's appointments (and the foreign key's lookups).
    await db.schema.createIndex("appointments_ticket").on("appointments").column("ticket_id").execute();

    await db.schema
      .createTable("calendar_feeds")
      /** One feed per user: creating another replaces (and so revokes) the old URL. */
      .addColumn("user_id", "integer", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
      /** SHA-256 of the secret in the URL: a copy of the table never yields a working feed. */
      .addColumn("token_hash", "text", (c) => c.notNull().unique())
      .addColumn("created_at", "text", notNull)
      .addColumn("last_used_at", "text")
      .execute();
  },
};
