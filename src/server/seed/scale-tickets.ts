import { sql } from "kysely";
import { normalizeSearchText } from "../../shared/search-text.ts";
import { CHANNELS, PRIORITIES } from "../../shared/tickets.schemas.ts";
import type { DbHandle } from "../db/create-db.ts";
import { STORIES } from "./demo-ticket-stories.ts";
import { pickFrom, prng } from "./names.ts";
import type { Progress } from "./scale.ts";

type NoteGen = { id: number; ticketId: number; author: number | null; kind: string; text: string; at: string };

type TicketGen = {
  id: number;
  number: number;
  personId: number;
  area: string;
  typeId: number;
  subject: string;
  searchText: string;
  productId: number | null;
  sectorId: number;
  responsible: number | null;
  priority: string;
  channel: string;
  status: string;
  openedAt: string;
  openedBy: number | null;
  dueAt: string;
  contactAt: string | null;
  contactUser: number | null;
  closedAt: string | null;
  closedBy: number | null;
  notes: NoteGen[];
};

type Refs = {
  types: { id: number; name: string; area: string; days_to_due: number; default_priority: string }[];
  sectors: { id: number; name: string }[];
  products: number[];
  users: number[];
  /** Person ids: a contiguous range when persons were never skipped, else the list. */
  persons: { min: number; max: number } | number[];
};

const DAY = 24 * 60 * 60 * 1000;
const FOLLOW_UPS = [...new Set(Object.values(STORIES).flatMap((list) => list.flatMap((s) => s.followUps)))];

/** Many tickets of plausible shape; ~20% go to 1% of the persons, so some persons have long lists. */
function* generate(n: number, start: { id: number; noteId: number; number: number }, refs: Refs, now: number) {
  const rand = prng(start.number + 7);
  const between = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const personCount = Array.isArray(refs.persons) ? refs.persons.length : refs.persons.max - refs.persons.min + 1;
  const personAt = (i: number) => (Array.isArray(refs.persons) ? (refs.persons[i] as number) : refs.persons.min + i);
  const heavy = Math.max(1, Math.floor(personCount / 100));
  const user = () => (refs.users.length && rand() < 0.9 ? pickFrom(rand, refs.users) : null);
  const iso = (ms: number) => new Date(ms).toISOString();
  let noteId = start.noteId;
  for (let i = 0; i < n; i++) {
    const area = rand() < 0.25 ? "production" : "service";
    const type = pickFrom(
      rand,
      refs.types.filter((t) => t.area === area),
    );
    const story = pickFrom(rand, STORIES[type.name] ?? STORIES["Suporte técnico"] ?? []);
    const subject = story?.subject ?? type.name;
    const sector =
      refs.sectors.find((s) => s.name === (area === "production" ? "Desenvolvimento" : "Suporte")) ??
      (refs.sectors[0] as { id: number });
    const opened = now - Math.floor(rand() * 3 * 365 * DAY);
    const closed = rand() < (now - opened > 30 * DAY ? 0.85 : 0.3);
    const responsible = user();
    const openedBy = user();
    const id = start.id + i;
    const count = between(2, 4);
    const notes: NoteGen[] = [];
    let at = opened;
    for (let k = 0; k < count; k++) {
      const last = k === count - 1;
      notes.push({
        id: noteId++,
        ticketId: id,
        author: k === 0 ? openedBy : responsible,
        kind: closed && last ? "system" : "user",
        text:
          k === 0
            ? (story?.opening ?? subject)
            : closed && last
              ? "Atendimento encerrado."
              : pickFrom(rand, FOLLOW_UPS),
        at: iso(at),
      });
      at = Math.min(now, at + between(10, 3 * 24 * 60) * 60_000);
    }
    const lastAt = notes.at(-1)?.at ?? iso(opened);
    const contact = !closed && rand() < 0.1;
    yield {
      id,
      number: start.number + i,
      personId: personAt(rand() < 0.2 ? Math.floor(rand() * heavy) : Math.floor(rand() * personCount)),
      area,
      typeId: type.id,
      subject,
      searchText: normalizeSearchText(subject),
      productId: refs.products.length && rand() < 0.7 ? pickFrom(rand, refs.products) : null,
      sectorId: sector.id,
      responsible,
      priority: rand() < 0.8 ? type.default_priority : pickFrom(rand, PRIORITIES),
      channel: pickFrom(rand, CHANNELS),
      status: closed ? "closed" : "open",
      openedAt: iso(opened),
      openedBy,
      dueAt: iso(opened + type.days_to_due * DAY),
      contactAt: contact ? iso(now + between(-72, 72) * 3_600_000) : null,
      contactUser: contact ? user() : null,
      closedAt: closed ? lastAt : null,
      closedBy: closed ? responsible : null,
      notes,
    } satisfies TicketGen;
  }
}

async function loadRefs(handle: DbHandle): Promise<Refs> {
  const { db } = handle;
  const types = await db
    .selectFrom("ticket_types")
    .select(["id", "name", "area", "days_to_due", "default_priority"])
    .where("is_active", "=", 1)
    .execute();
  if (!types.some((t) => t.area === "service") || !types.some((t) => t.area === "production")) {
    throw new Error("É preciso ao menos um tipo de atendimento ativo de cada área.");
  }
  const stats = await db
    .selectFrom("persons")
    .select((eb) => [eb.fn.min("id").as("min"), eb.fn.max("id").as("max"), eb.fn.countAll().as("n")])
    .executeTakeFirstOrThrow();
  const [min, max, count] = [Number(stats.min), Number(stats.max), Number(stats.n)];
  if (!count) throw new Error("Não há pessoas: semeie pessoas antes dos atendimentos.");
  const persons =
    max - min + 1 === count
      ? { min, max }
      : handle.sqlite
        ? (handle.sqlite.prepare("select id from persons order by id").pluck().all() as number[])
        : (await db.selectFrom("persons").select("id").orderBy("id").execute()).map((r) => r.id);
  return {
    types,
    sectors: await db.selectFrom("sectors").select(["id", "name"]).where("is_active", "=", 1).execute(),
    products: (await db.selectFrom("products").select("id").where("is_active", "=", 1).execute()).map((r) => r.id),
    users: (await db.selectFrom("users").select("id").where("is_active", "=", 1).limit(50).execute()).map((r) => r.id),
    persons,
  };
}

const BATCH = 5000;

/**
 * Adds `n` tickets with 2–4 notes each (~3) over the existing persons, in batched transactions
 * (one per 5 000 tickets): prepared statements on SQLite (synchronous=OFF during the load),
 * multi-row `unnest` inserts on PostgreSQL. Numbers continue the `ticket_number` sequence.
 */
export async function seedScaleTickets(
  handle: DbHandle,
  n: number,
  progress: Progress = () => {},
): Promise<{ first: number; last: number }> {
  const { db } = handle;
  const refs = await loadRefs(handle);
  const maxOf = async (table: "tickets" | "ticket_notes") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.max("id").as("m"))
          .executeTakeFirst()
      )?.m ?? 0,
    );
  const seq = await db
    .selectFrom("sequences")
    .select("value")
    .where("name", "=", "ticket_number")
    .executeTakeFirstOrThrow();
  const start = { id: (await maxOf("tickets")) + 1, noteId: (await maxOf("ticket_notes")) + 1, number: seq.value + 1 };
  const rows = generate(n, start, refs, Date.now());
  const takeBatch = (): TicketGen[] => {
    const batch: TicketGen[] = [];
    for (let i = 0; i < BATCH; i++) {
      const next = rows.next();
      if (next.done) break;
      batch.push(next.value);
    }
    return batch;
  };

  let done = 0;
  if (handle.sqlite) {
    const s = handle.sqlite;
    // Generated data can be regenerated: skip the per-commit fsync.
    s.pragma("synchronous = OFF");
    const ticket = s.prepare(
      `insert into tickets (id, number, person_id, area, type_id, subject, search_text, product_id, sector_id,
        responsible_user_id, priority, contact_name, channel, status, opened_at, opened_by, due_at, internal_contact_at,
        internal_contact_user_id, closed_at, closed_by, note_count, last_note_at, updated_at, version)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    );
    const note = s.prepare(
      "insert into ticket_notes (id, ticket_id, author_id, kind, text, created_at) values (?, ?, ?, ?, ?, ?)",
    );
    const bump = s.prepare("update sequences set value = ? where name = 'ticket_number'");
    const write = s.transaction((batch: TicketGen[]) => {
      for (const t of batch) {
        const last = t.notes.at(-1)?.at ?? t.openedAt;
        ticket.run(
          t.id,
          t.number,
          t.personId,
          t.area,
          t.typeId,
          t.subject,
          t.searchText,
          t.productId,
          t.sectorId,
          t.responsible,
          t.priority,
          t.channel,
          t.status,
          t.openedAt,
          t.openedBy,
          t.dueAt,
          t.contactAt,
          t.contactUser,
          t.closedAt,
          t.closedBy,
          t.notes.length,
          last,
          last,
        );
        for (const x of t.notes) note.run(x.id, x.ticketId, x.author, x.kind, x.text, x.at);
      }
      bump.run(batch.at(-1)?.number ?? seq.value);
    });
    try {
      for (let batch = takeBatch(); batch.length; batch = takeBatch()) {
        write(batch);
        done += batch.length;
        progress(done, n);
      }
    } finally {
      s.pragma("synchronous = FULL");
    }
  } else {
    for (let batch = takeBatch(); batch.length; batch = takeBatch()) {
      const col = <K extends keyof TicketGen>(k: K) => batch.map((t) => t[k]);
      const notes = batch.flatMap((t) => t.notes);
      const nc = <K extends keyof NoteGen>(k: K) => notes.map((x) => x[k]);
      const last = batch.map((t) => t.notes.at(-1)?.at ?? t.openedAt);
      await db.transaction().execute(async (trx) => {
        await sql`insert into tickets (id, number, person_id, area, type_id, subject, search_text, product_id, sector_id,
            responsible_user_id, priority, channel, status, opened_at, opened_by, due_at, internal_contact_at,
            internal_contact_user_id, closed_at, closed_by, note_count, last_note_at, updated_at, version)
          select id, number, person_id, area, type_id, subject, search_text, product_id, sector_id, responsible_user_id,
            priority, channel, status, opened_at, opened_by, due_at, internal_contact_at, internal_contact_user_id,
            closed_at, closed_by, note_count, last_note_at, last_note_at, 1
          from unnest(${col("id")}::int[], ${col("number")}::int[], ${col("personId")}::int[], ${col("area")}::text[],
                      ${col("typeId")}::int[], ${col("subject")}::text[], ${col("searchText")}::text[],
                      ${col("productId")}::int[], ${col("sectorId")}::int[], ${col("responsible")}::int[],
                      ${col("priority")}::text[], ${col("channel")}::text[], ${col("status")}::text[],
                      ${col("openedAt")}::text[], ${col("openedBy")}::int[], ${col("dueAt")}::text[],
                      ${col("contactAt")}::text[], ${col("contactUser")}::int[], ${col("closedAt")}::text[],
                      ${col("closedBy")}::int[], ${batch.map((t) => t.notes.length)}::int[], ${last}::text[])
            as t(id, number, person_id, area, type_id, subject, search_text, product_id, sector_id, responsible_user_id,
                 priority, channel, status, opened_at, opened_by, due_at, internal_contact_at, internal_contact_user_id,
                 closed_at, closed_by, note_count, last_note_at)`.execute(trx);
        await sql`insert into ticket_notes (id, ticket_id, author_id, kind, text, created_at)
          select * from unnest(${nc("id")}::int[], ${nc("ticketId")}::int[], ${nc("author")}::int[],
                               ${nc("kind")}::text[], ${nc("text")}::text[], ${nc("at")}::text[])`.execute(trx);
        await trx
          .updateTable("sequences")
          .set({ value: batch.at(-1)?.number ?? seq.value })
          .where("name", "=", "ticket_number")
          .execute();
      });
      done += batch.length;
      progress(done, n);
    }
    // Explicit ids leave the identity sequences behind: move them past what was written.
    await sql`select setval(pg_get_serial_sequence('tickets', 'id'), (select max(id) from tickets))`.execute(db);
    await sql`select setval(pg_get_serial_sequence('ticket_notes', 'id'), (select max(id) from ticket_notes))`.execute(
      db,
    );
    await sql`analyze tickets`.execute(db);
    await sql`analyze ticket_notes`.execute(db);
  }
  return { first: start.number, last: start.number + n - 1 };
}
