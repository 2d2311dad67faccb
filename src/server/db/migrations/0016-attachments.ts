import { notNull, withId } from "../migration-helpers/columns.ts";
import type { VinculoMigration } from "../migration-helpers/migration.ts";

/**
 * Attachments (issue 15). The bytes are stored once per content (SHA-256), the names and owners
 * as often as a file is attached:
 *
 * - file_blobs: one per distinct content. 'writing' while an upload streams in (its sha256 is not
 *   known yet, so it is null), 'ready' once complete, 'deleting' while the sweep removes its bytes
 *   from VINCULO_FILES_DIR. `touched_at` moves when a new attachment starts to use the blob, so the
 *   sweep (unreferenced for an hour) never takes a blob an upload has just deduplicated onto.
 * - file_chunks: the bytes when they live in the database, in pieces of 256 KiB (BLOB on SQLite,
 *   bytea on PostgreSQL), written as they arrive and removed with their blob.
 * - file_thumbnails: the small image of a picture, made once (server-side) and kept with its blob.
 * - attachments: a file as users see it: its public key (random, never a sequence), the name as
 *   given, the type decided from the bytes, what it hangs from (a user's draft, a parecer, a ticket,
 *   an appointment, a person's Documentos, an e-mail) and who attached it when. A blob is never
 *   deleted while an attachment references it (a foreign key without cascade).
 * - file_sweeps: one row per hour the sweep ran; inserting it is how one server of many claims
 *   that hour's run (as watch_digests does for a digest).
 */
export const attachments: VinculoMigration = {
  name: "0016-attachments",
  async up(db, dialect) {
    const bytes = dialect === "postgres" ? "bytea" : "blob";
    await withId(db.schema.createTable("file_blobs"), dialect)
      .addColumn("sha256", "text", (c) => c.unique())
      .addColumn("size", "bigint", (c) => c.notNull().defaultTo(0))
      .addColumn("mime", "text", (c) => c.notNull().defaultTo(""))
      /** 'writing' | 'ready' | 'deleting' */
      .addColumn("state", "text", notNull)
      /** 'db' (file_chunks) | 'dir' (VINCULO_FILES_DIR) */
      .addColumn("storage", "text", notNull)
      .addColumn("chunk_count", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", "text", notNull)
      .addColumn("touched_at", "text", notNull)
      .execute();
    // The sweep: blobs of a state, least recently touched first.
    await db.schema.createIndex("file_blobs_sweep").on("file_blobs").columns(["state", "touched_at"]).execute();

    await db.schema
      .createTable("file_chunks")
      .addColumn("blob_id", "integer", (c) => c.notNull().references("file_blobs.id").onDelete("cascade"))
      .addColumn("seq", "integer", notNull)
      .addColumn("data", bytes, notNull)
      .addPrimaryKeyConstraint("file_chunks_pk", ["blob_id", "seq"])
      .execute();

    await db.schema
      .createTable("file_thumbnails")
      .addColumn("blob_id", "integer", (c) => c.primaryKey().references("file_blobs.id").onDelete("cascade"))
      /** '' when the picture could not be read: not tried again. */
      .addColumn("mime", "text", notNull)
      .addColumn("width", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("height", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("data", bytes, notNull)
      .addColumn("created_at", "text", notNull)
      .execute();

    await withId(db.schema.createTable("attachments"), dialect)
      .addColumn("key", "text", (c) => c.notNull().unique())
      .addColumn("blob_id", "integer", (c) => c.notNull().references("file_blobs.id"))
      .addColumn("name", "text", notNull)
      .addColumn("mime", "text", notNull)
      .addColumn("kind", "text", notNull)
      .addColumn("size", "bigint", notNull)
      /** 'draft' | 'note' | 'ticket' | 'appointment' | 'person' | 'mail' */
      .addColumn("target", "text", notNull)
      .addColumn("person_id", "integer", (c) => c.references("persons.id").onDelete("cascade"))
      /** Set for a ticket's files and for its pareceres' (note_id too). */
      .addColumn("ticket_id", "integer", (c) => c.references("tickets.id").onDelete("cascade"))
      .addColumn("note_id", "integer", (c) => c.references("ticket_notes.id").onDelete("cascade"))
      .addColumn("appointment_id", "integer", (c) => c.references("appointments.id").onDelete("cascade"))
      .addColumn("mail_id", "integer", (c) => c.references("mail_outbox.id").onDelete("cascade"))
      .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("created_at", "text", notNull)
      .execute();
    // Each list keyed by what it hangs from, in upload order (keyset on id).
    await db.schema.createIndex("attachments_ticket").on("attachments").columns(["ticket_id", "id"]).execute();
    await db.schema
      .createIndex("attachments_appointment")
      .on("attachments")
      .columns(["appointment_id", "id"])
      .execute();
    await db.schema
      .createIndex("attachments_person")
      .on("attachments")
      .columns(["person_id", "target", "id"])
      .execute();
    await db.schema.createIndex("attachments_mail").on("attachments").columns(["mail_id", "id"]).execute();
    // A user's drafts (the quota, the expiry) and what still references a blob (the sweep).
    await db.schema.createIndex("attachments_drafts").on("attachments").columns(["target", "created_by"]).execute();
    await db.schema.createIndex("attachments_blob").on("attachments").column("blob_id").execute();

    await db.schema
      .createTable("file_sweeps")
      /** `YYYY-MM-DDTHH` (UTC). */
      .addColumn("hour", "text", (c) => c.primaryKey())
      .addColumn("started_at", "text", notNull)
      .addColumn("finished_at", "text")
      .addColumn("drafts_removed", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("blobs_removed", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("bytes_removed", "bigint", (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
