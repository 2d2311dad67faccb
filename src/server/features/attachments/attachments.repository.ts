import type { Insertable } from "kysely";
import type { AttachmentsTable, Executor } from "../../db/types.ts";

/** All SQL of attachments: a file as users see it, and what it hangs from. */

const COLUMNS = [
  "a.id",
  "a.key",
  "a.blob_id",
  "a.name",
  "a.mime",
  "a.kind",
  "a.size",
  "a.target",
  "a.person_id",
  "a.ticket_id",
  "a.note_id",
  "a.appointment_id",
  "a.mail_id",
  "a.created_by",
  "a.created_at",
  "u.name as created_by_name",
] as const;

const withAuthor = (db: Executor) =>
  db.selectFrom("attachments as a").leftJoin("users as u", "u.id", "a.created_by").select(COLUMNS);

export type AttachmentRow = Awaited<ReturnType<typeof byKey>> & {};

export async function byKey(db: Executor, key: string) {
  return withAuthor(db).where("a.key", "=", key).executeTakeFirst();
}

export async function insertAttachments(db: Executor, rows: Insertable<AttachmentsTable>[]): Promise<void> {
  if (rows.length) await db.insertInto("attachments").values(rows).execute();
}

/** This user's drafts among `keys` (others' drafts and attached files are not theirs to attach). */
export function draftsOf(db: Executor, userId: number, keys: string[]) {
  if (!keys.length) return Promise.resolve([]);
  return db
    .selectFrom("attachments")
    .select(["id", "key", "size"])
    .where("target", "=", "draft")
    .where("created_by", "=", userId)
    .where("key", "in", keys)
    .execute();
}

export type AttachTo = {
  target: "note" | "ticket" | "appointment" | "person" | "mail";
  personId: number;
  ticketId?: number | null;
  noteId?: number | null;
  appointmentId?: number | null;
  mailId?: number | null;
};

/** Drafts become the files of what they were attached to; true when every one of them still was a draft. */
export async function attachDrafts(db: Executor, ids: number[], to: AttachTo, at: string): Promise<number> {
  if (!ids.length) return 0;
  const result = await db
    .updateTable("attachments")
    .set({
      target: to.target,
      person_id: to.personId,
      ticket_id: to.ticketId ?? null,
      note_id: to.noteId ?? null,
      appointment_id: to.appointmentId ?? null,
      mail_id: to.mailId ?? null,
      created_at: at,
    })
    .where("id", "in", ids)
    .where("target", "=", "draft")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export type ListOf =
  | { ticketId: number }
  | { appointmentId: number }
  | { personDocuments: number }
  | { mailId: number }
  | { drafts: number };

/** One list, in upload order, keyset on id. */
export function list(db: Executor, of: ListOf, afterId: number, limit: number) {
  let q = withAuthor(db).where("a.id", ">", afterId);
  if ("ticketId" in of) q = q.where("a.ticket_id", "=", of.ticketId);
  else if ("appointmentId" in of) q = q.where("a.appointment_id", "=", of.appointmentId);
  else if ("personDocuments" in of)
    q = q.where("a.person_id", "=", of.personDocuments).where("a.target", "=", "person");
  else if ("mailId" in of) q = q.where("a.mail_id", "=", of.mailId);
  else q = q.where("a.target", "=", "draft").where("a.created_by", "=", of.drafts);
  return q.orderBy("a.id").limit(limit).execute();
}

/** Bytes a user's drafts hold (the quota). */
export async function draftBytes(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom("attachments")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("size"), eb.lit(0)).as("total"))
    .where("target", "=", "draft")
    .where("created_by", "=", userId)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

export async function deleteAttachment(db: Executor, id: number): Promise<void> {
  await db.deleteFrom("attachments").where("id", "=", id).execute();
}

/** Drafts never attached, uploaded before `before`: removed by the sweep. */
export async function deleteDraftsBefore(db: Executor, before: string): Promise<number> {
  const result = await db
    .deleteFrom("attachments")
    .where("target", "=", "draft")
    .where("created_at", "<", before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A message's attachments with where their bytes are, for the outbox worker. */
export function mailFiles(db: Executor, mailId: number) {
  return db
    .selectFrom("attachments as a")
    .innerJoin("file_blobs as b", "b.id", "a.blob_id")
    .select(["a.id", "a.name", "a.mime", "a.size", "b.id as blob_id", "b.storage", "b.chunk_count"])
    .where("a.mail_id", "=", mailId)
    .orderBy("a.id")
    .execute();
}

/** A person's code, for the journal and for the access check of a person's files. */
export async function personCode(db: Executor, personId: number): Promise<number | undefined> {
  const row = await db.selectFrom("persons").select("code").where("id", "=", personId).executeTakeFirst();
  return row?.code;
}
