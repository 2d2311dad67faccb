import { notNull, withId } from "../migration-helpers/columns.ts";
import type { VinculoMigration } from "../migration-helpers/migration.ts";

/**
 * Tickets (atendimentos) and production tickets (produção): one table, told apart by `area`,
 * with the settings they use (ticket types, sectors, products) and their append-only notes.
 */
export const tickets: VinculoMigration = {
  name: "0005-tickets",
  async up(db, dialect) {
    await withId(db.schema.createTable("ticket_types"), dialect)
      .addColumn("name", "text", (c) => c.notNull().unique())
      /** 'service' (Atendimentos tab) or 'production' (Produção tab). */
      .addColumn("area", "text", notNull)
      /** A new ticket is due this many days after it is opened. */
      .addColumn("days_to_due", "integer", notNull)
      .addColumn("default_priority", "text", (c) => c.notNull().defaultTo("normal"))
      .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();

    for (const table of ["sectors", "products"]) {
      await withId(db.schema.createTable(table), dialect)
        .addColumn("name", "text", (c) => c.notNull().unique())
        .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .execute();
    }

    await withId(db.schema.createTable("tickets"), dialect)
      /** The human-facing number, from the `ticket_number` sequence row. */
      .addColumn("number", "integer", (c) => c.notNull().unique())
      .addColumn("person_id", "integer", (c) => c.notNull().references("persons.id"))
      .addColumn("area", "text", notNull)
      .addColumn("type_id", "integer", (c) => c.notNull().references("ticket_types.id"))
      .addColumn("subject", "text", notNull)
      /** The subject normalized (lower case, no accents) for the list's text filter. */
      .addColumn("search_text", "text", notNull)
      .addColumn("product_id", "integer", (c) => c.references("products.id"))
      .addColumn("sector_id", "integer", (c) => c.notNull().references("sectors.id"))
      .addColumn("responsible_user_id", "integer", (c) => c.references("users.id"))
      .addColumn("priority", "text", notNull)
      .addColumn("contact_name", "text")
      .addColumn("channel", "text")
      .addColumn("status", "text", notNull)
      .addColumn("opened_at", "text", notNull)
      /** Null when the ticket came from an import or generated data. */
      .addColumn("opened_by", "integer", (c) => c.references("users.id"))
      .addColumn("due_at", "text", notNull)
      .addColumn("internal_contact_at", "text")
      .addColumn("internal_contact_user_id", "integer", (c) => c.references("users.id"))
      .addColumn("closed_at", "text")
      .addColumn("closed_by", "integer", (c) => c.references("users.id"))
      .addColumn("duplicated_from_id", "integer", (c) => c.references("tickets.id"))
      /** Kept with every note written, so lists show them without counting notes. */
      .addColumn("note_count", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("last_note_at", "text")
      .addColumn("updated_at", "text", notNull)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();
    // The person screen's lists: open or closed, per area, newest first, keyset on (opened_at, id).
    await db.schema
      .createIndex("tickets_person_list")
      .on("tickets")
      .columns(["person_id", "area", "status", "opened_at", "id"])
      .execute();
    // "Meus atendimentos": open tickets of a responsible user, most urgent first …
    await db.schema
      .createIndex("tickets_responsible")
      .on("tickets")
      .columns(["responsible_user_id", "status", "due_at", "id"])
      .execute();
    // … and those whose internal contact date, for that user, has come.
    await db.schema
      .createIndex("tickets_internal_contact")
      .on("tickets")
      .columns(["internal_contact_user_id", "status", "internal_contact_at"])
      .execute();

    await withId(db.schema.createTable("ticket_notes"), dialect)
      .addColumn("ticket_id", "integer", (c) => c.notNull().references("tickets.id"))
      /** Who wrote it, or whose action wrote it (system notes); null for imports and generated data. */
      .addColumn("author_id", "integer", (c) => c.references("users.id"))
      /** 'user' (typed by someone) or 'system' (written by the application). */
      .addColumn("kind", "text", notNull)
      .addColumn("text", "text", notNull)
      .addColumn("created_at", "text", notNull)
      .execute();
    await db.schema.createIndex("ticket_notes_ticket").on("ticket_notes").columns(["ticket_id", "id"]).execute();
  },
};
