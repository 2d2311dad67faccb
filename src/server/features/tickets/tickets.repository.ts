import type { Insertable, Selectable, Updateable } from "kysely";
import type { Executor, TicketsTable } from "../../db/types.ts";

export type TicketRow = Selectable<TicketsTable>;

export async function nextTicketNumber(db: Executor): Promise<number> {
  const row = await db
    .updateTable("sequences")
    .set((eb) => ({ value: eb("value", "+", 1) }))
    .where("name", "=", "ticket_number")
    .returning("value")
    .executeTakeFirstOrThrow();
  return row.value;
}

export function findTicket(db: Executor, id: number): Promise<TicketRow | undefined> {
  return db.selectFrom("tickets").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertTicket(db: Executor, values: Insertable<TicketsTable>): Promise<number> {
  const { id } = await db.insertInto("tickets").values(values).returning("id").executeTakeFirstOrThrow();
  return id;
}

/** Applies `set` (and the next version) only if the ticket is still at `version`; false when it is not. */
export async function updateTicket(
  db: Executor,
  id: number,
  version: number,
  set: Updateable<TicketsTable>,
  where: { status?: "open" | "closed" } = {},
): Promise<boolean> {
  let query = db
    .updateTable("tickets")
    .set({ ...set, version: version + 1 })
    .where("id", "=", id)
    .where("version", "=", version);
  if (where.status) query = query.where("status", "=", where.status);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Appends a note and keeps the ticket's note count and last note time. With `requireOpen` the
 * ticket must still be open: the count update is conditional, so a note never lands on a ticket
 * closed meanwhile (on PostgreSQL the row lock makes the second writer see the close). Answers
 * the note id, or null when the ticket was not open.
 */
export async function appendNote(
  db: Executor,
  note: { ticketId: number; authorId: number | null; kind: "user" | "system"; text: string; at: string },
  requireOpen: boolean,
): Promise<number | null> {
  let update = db
    .updateTable("tickets")
    .set((eb) => ({ note_count: eb("note_count", "+", 1), last_note_at: note.at }))
    .where("id", "=", note.ticketId);
  if (requireOpen) update = update.where("status", "=", "open");
  const result = await update.executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  const { id } = await db
    .insertInto("ticket_notes")
    .values({
      ticket_id: note.ticketId,
      author_id: note.authorId,
      kind: note.kind,
      text: note.text,
      created_at: note.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

// ——— references ———

export function activeType(db: Executor, id: number) {
  return db
    .selectFrom("ticket_types")
    .select(["id", "name", "area", "days_to_due", "default_priority"])
    .where("id", "=", id)
    .where("is_active", "=", 1)
    .executeTakeFirst();
}

export function typeById(db: Executor, id: number) {
  return db
    .selectFrom("ticket_types")
    .select(["id", "name", "area", "days_to_due", "default_priority"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

export function activeNamed(db: Executor, table: "sectors" | "products", id: number) {
  return db.selectFrom(table).select(["id", "name"]).where("id", "=", id).where("is_active", "=", 1).executeTakeFirst();
}

export function namedById(db: Executor, table: "sectors" | "products" | "users", id: number) {
  return db.selectFrom(table).select(["id", "name"]).where("id", "=", id).executeTakeFirst();
}

export function activeUser(db: Executor, id: number) {
  return db
    .selectFrom("users")
    .select(["id", "username", "name", "email", "is_admin"])
    .where("id", "=", id)
    .where("is_active", "=", 1)
    .executeTakeFirst();
}

// ——— views ———

/** The flat row behind a ticket summary: the ticket with the names it points to. */
export function viewQuery(db: Executor) {
  return db
    .selectFrom("tickets as t")
    .innerJoin("persons as p", "p.id", "t.person_id")
    .innerJoin("ticket_types as ty", "ty.id", "t.type_id")
    .innerJoin("sectors as s", "s.id", "t.sector_id")
    .leftJoin("products as pr", "pr.id", "t.product_id")
    .leftJoin("users as ru", "ru.id", "t.responsible_user_id")
    .leftJoin("users as ou", "ou.id", "t.opened_by")
    .leftJoin("users as iu", "iu.id", "t.internal_contact_user_id")
    .select([
      "t.id",
      "t.number",
      "t.person_id",
      "p.code as person_code",
      "p.name as person_name",
      "t.area",
      "t.status",
      "t.subject",
      "t.type_id",
      "ty.name as type_name",
      "t.sector_id",
      "s.name as sector_name",
      "t.product_id",
      "pr.name as product_name",
      "t.responsible_user_id",
      "ru.name as responsible_name",
      "t.priority",
      "t.channel",
      "t.contact_name",
      "t.opened_at",
      "t.opened_by",
      "ou.name as opened_by_name",
      "t.due_at",
      "t.internal_contact_at",
      "t.internal_contact_user_id",
      "iu.name as internal_contact_user_name",
      "t.closed_at",
      "t.note_count",
      "t.last_note_at",
      "t.version",
    ]);
}

export type TicketViewRow = Awaited<ReturnType<ReturnType<typeof viewQuery>["executeTakeFirstOrThrow"]>>;

export async function ticketDetails(db: Executor, id: number) {
  return viewQuery(db)
    .leftJoin("users as cu", "cu.id", "t.closed_by")
    .leftJoin("tickets as d", "d.id", "t.duplicated_from_id")
    .select(["t.closed_by", "cu.name as closed_by_name", "t.duplicated_from_id", "d.number as duplicated_from_number"])
    .select("t.updated_at")
    .where("t.id", "=", id)
    .executeTakeFirst();
}

export type TicketDetailsRow = NonNullable<Awaited<ReturnType<typeof ticketDetails>>>;

// ——— notes ———

function notesQuery(db: Executor) {
  return db
    .selectFrom("ticket_notes as n")
    .leftJoin("users as u", "u.id", "n.author_id")
    .select(["n.id", "n.ticket_id", "n.kind", "n.text", "n.author_id", "u.name as author_name", "n.created_at"]);
}

export type NoteRow = Awaited<ReturnType<ReturnType<typeof notesQuery>["executeTakeFirstOrThrow"]>>;

export function listNotes(db: Executor, ticketId: number, afterId: number, limit: number): Promise<NoteRow[]> {
  return notesQuery(db)
    .where("n.ticket_id", "=", ticketId)
    .where("n.id", ">", afterId)
    .orderBy("n.id")
    .limit(limit)
    .execute();
}

export function findNote(db: Executor, id: number): Promise<NoteRow> {
  return notesQuery(db).where("n.id", "=", id).executeTakeFirstOrThrow();
}
