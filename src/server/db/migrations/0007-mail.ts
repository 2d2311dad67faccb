import { notNull, withId } from "../migration-helpers/columns.ts";
import type { VinculoMigration } from "../migration-helpers/migration.ts";

// Shipped as "0006-mail"; renamed (see ../migration-renames.ts), same schema.

/**
 * E-mail: the outbox (every message, from the moment the change that causes it commits until it
 * is delivered or given up), and the two single-row settings mail depends on — the company (name,
 * time zone, sender address) and the SMTP server.
 */
export const mail: VinculoMigration = {
  name: "0007-mail",
  async up(db, dialect) {
    await withId(db.schema.createTable("mail_outbox"), dialect)
      /** 'person' (Enviar e-mail), 'watch' (Spy System), 'digest', 'test' (SMTP settings). */
      .addColumn("kind", "text", notNull)
      /** Set for kind 'person': the message shows in that person's E-mails list. */
      .addColumn("person_id", "integer", (c) => c.references("persons.id"))
      /** Fixed when the message is queued, so every retry carries the same Message-ID (receivers dedupe on it). */
      .addColumn("message_id", "text", (c) => c.notNull().unique())
      .addColumn("from_name", "text", notNull)
      .addColumn("from_address", "text", notNull)
      /** JSON arrays of addresses. */
      .addColumn("to_addresses", "text", notNull)
      .addColumn("cc_addresses", "text", (c) => c.notNull().defaultTo("[]"))
      .addColumn("reply_to", "text")
      .addColumn("subject", "text", notNull)
      .addColumn("body_text", "text", notNull)
      /** 'queued' → 'sending' (claimed by a worker) → 'sent' | back to 'queued' (retry) | 'failed'. */
      .addColumn("status", "text", notNull)
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      /** When a worker may (re)try it: the backoff of a failed attempt moves it forward. */
      .addColumn("next_attempt_at", "text", notNull)
      /** When a worker claimed it; a 'sending' row claimed long ago belonged to a worker that died. */
      .addColumn("claimed_at", "text")
      .addColumn("last_error", "text")
      .addColumn("created_at", "text", notNull)
      .addColumn("created_by", "integer", (c) => c.references("users.id"))
      .addColumn("sent_at", "text")
      .addColumn("updated_at", "text", notNull)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();
    // The worker: due rows of a status, oldest first.
    await db.schema
      .createIndex("mail_outbox_due")
      .on("mail_outbox")
      .columns(["status", "next_attempt_at", "id"])
      .execute();
    // A person's E-mails list, newest first (keyset on id).
    await db.schema.createIndex("mail_outbox_person").on("mail_outbox").columns(["person_id", "id"]).execute();
    // The administrators' outbox page, by status, newest first (keyset on id).
    await db.schema.createIndex("mail_outbox_status").on("mail_outbox").columns(["status", "id"]).execute();

    await db.schema
      .createTable("company_settings")
      /** Always 1: one row. */
      .addColumn("id", "integer", (c) => c.primaryKey())
      .addColumn("name", "text", notNull)
      /** IANA zone in which dates are shown and days begin. */
      .addColumn("time_zone", "text", notNull)
      /** The sender of every message (the company name is its display name). */
      .addColumn("mail_from", "text", notNull)
      .addColumn("updated_at", "text", notNull)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();

    await db.schema
      .createTable("smtp_settings")
      .addColumn("id", "integer", (c) => c.primaryKey())
      .addColumn("host", "text")
      .addColumn("port", "integer", (c) => c.notNull().defaultTo(587))
      /** 1: TLS from the first byte (port 465); 0: STARTTLS when the server offers it. */
      .addColumn("secure", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("username", "text")
      /** Kept as given: SMTP AUTH needs it in clear. The API never returns it. */
      .addColumn("password", "text")
      /** 0: fall back to VINCULO_SMTP_URL, or to .eml files when that is unset too. */
      .addColumn("enabled", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("updated_at", "text", notNull)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();

    const now = new Date().toISOString();
    await db
      .insertInto("company_settings")
      .values({
        id: 1,
        name: "Vínculo",
        time_zone: "America/Sao_Paulo",
        mail_from: "vinculo@localhost",
        updated_at: now,
      })
      .execute();
    await db.insertInto("smtp_settings").values({ id: 1, port: 587, updated_at: now }).execute();
  },
};
