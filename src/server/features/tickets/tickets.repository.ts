import type { Insertable, Selectable, Updateable } from "kysely";
import type { TicketArea } from "../../../shared/tickets.schemas.ts";
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
function viewQuery(db: Executor) {
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

export type OpenedCursor = { at: string; id: number };

/** One page of a person's tickets of an area and status, newest first (index tickets_person_list). */
export function listByPerson(
  db: Executor,
  f: {
    personId: number;
    area: TicketArea;
    status: "open" | "closed";
    terms: string[];
    number: number | null;
    after: OpenedCursor | null;
    limit: number;
  },
): Promise<TicketViewRow[]> {
  let query = viewQuery(db)
    .where("t.person_id", "=", f.personId)
    .where("t.area", "=", f.area)
    .where("t.status", "=", f.status);
  if (f.terms.length) {
    query = query.where((eb) => {
      const text = eb.and(f.terms.map((term) => eb("t.search_text", "like", `%${term}%`)));
      return f.number === null ? text : eb.or([eb("t.number", "=", f.number), text]);
    });
  }
  const after = f.after;
  if (after) query = query.where((eb) => eb(eb.refTuple("t.opened_at", "t.id"), "<", eb.tuple(after.at, after.id)));
  return query.orderBy("t.opened_at", "desc").orderBy("t.id", "desc").limit(f.limit).execute();
}

export type DueCursor = { due: string; id: number };

/**
 * "Meus atendimentos": open tickets whose responsible is the user, or whose internal contact is
 * the user and due by `now`; only those of categories the user may see for the ticket's area
 * (`visible`: category ids per area, null = all). Most urgent first: (due_at, id).
 *
 * Two queries merged here rather than one OR: each branch walks its own index in (due_at, id)
 * order and stops at `limit`, where an OR would collect and sort every open ticket of the user.
 */
export async function listMine(
  db: Executor,
  f: {
    userId: number;
    now: string;
    visible: Record<TicketArea, number[] | null>;
    after: DueCursor | null;
    limit: number;
  },
): Promise<TicketViewRow[]> {
  const branch = (which: "responsible" | "contact") => {
    let query = viewQuery(db).where("t.status", "=", "open");
    query =
      which === "responsible"
        ? query.where("t.responsible_user_id", "=", f.userId)
        : query
            .where("t.internal_contact_user_id", "=", f.userId)
            .where("t.internal_contact_at", "<=", f.now)
            // Already in the other branch.
            .where((eb) =>
              eb.or([eb("t.responsible_user_id", "is", null), eb("t.responsible_user_id", "!=", f.userId)]),
            );
    if (f.visible.service !== null || f.visible.production !== null) {
      query = query.where((eb) =>
        eb.or(
          (["service", "production"] as const).map((area) => {
            const cats = f.visible[area];
            if (cats === null) return eb("t.area", "=", area);
            if (!cats.length) return eb.lit(false);
            return eb.and([
              eb("t.area", "=", area),
              eb.exists(
                eb
                  .selectFrom("person_categories as pc")
                  .select(eb.lit(1).as("one"))
                  .whereRef("pc.person_id", "=", "t.person_id")
                  .where("pc.category_id", "in", cats),
              ),
            ]);
          }),
        ),
      );
    }
    const after = f.after;
    if (after) query = query.where((eb) => eb(eb.refTuple("t.due_at", "t.id"), ">", eb.tuple(after.due, after.id)));
    return query.orderBy("t.due_at").orderBy("t.id").limit(f.limit).execute();
  };
  const [responsible, contact] = await Promise.all([branch("responsible"), branch("contact")]);
  return [...responsible, ...contact]
    .sort((a, b) => (a.due_at < b.due_at ? -1 : a.due_at > b.due_at ? 1 : a.id - b.id))
    .slice(0, f.limit);
}

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
