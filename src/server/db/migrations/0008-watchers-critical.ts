import { sql } from "kysely";
import { notNull, withId } from "../migration-helpers/columns.ts";
import type { Dialect, MigrationDb, VinculoMigration } from "../migration-helpers/migration.ts";

// Shipped as "0007-watchers-critical" (with 0007-critical-counts.ts); renamed (see ../migration-renames.ts).

/**
 * Critical factors (fatores críticos) and the Spy System (monitoramento de pessoas):
 * - the critical-factor settings (one row), the running counts behind the company page
 *   (createCriticalCounts below) and the indexes on open tickets by due date;
 * - who watches whom, each user's delivery choice, and the events waiting for a daily digest.
 */
export const watchersCritical: VinculoMigration = {
  name: "0008-watchers-critical",
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
    await db
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
    // Counting by due range (the hours of a threshold's day, see createCriticalCounts).
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

// The running counts and their triggers as this migration shipped (commit d265405). Frozen like the
// rest of the file: the PostgreSQL lock-order fix of the ticket trigger is 0013-critical-counts-lock-order.

/**
 * The running counts behind the company-wide critical factors.
 *
 * The company page must count, per sector, the open tickets that are critical or need attention
 * across every person a user may see — at 10 M tickets that can be a million rows, too many to
 * count per request. So the database keeps running counts of open tickets per (sector, area,
 * ticket type, the person's set of categories, due date): `critical_factor_counts` by UTC due day
 * and `critical_factor_months` by UTC due month. Counting then sums a few thousand rows whatever
 * the history: whole months before a threshold's month, the days of that month before its day,
 * and live from the tickets the hours between that day's UTC start and the threshold (03:00 for
 * São Paulo). The area and category set decide visibility (a user sees a person when one of its
 * categories is granted), the type the include/exclude lists.
 *
 * Triggers keep it, so every writer is covered (the services, the seeds, imports, psql):
 * - tickets: insert, delete, and updates of status, due date, sector, type, area, person or responsible;
 * - person_categories: a person's category set changes → its open tickets move to the new set.
 * `person_category_sets` keeps each person's current set (`,1,3,`; `,` for none) so ticket
 * triggers read it with one lookup and a category change knows the set it moves from (PostgreSQL
 * fires row triggers after the whole statement, when every new category is already there).
 */

/**
 * Each running count: its table, its date column and how long a prefix of due_at it keeps, and
 * whether it is kept per responsible user too (for the page filtered by responsible, whose
 * tickets may number hundreds of thousands; 0 stands for "no responsible").
 */
const GRAINS = [
  { table: "critical_factor_counts", date: "due_day", length: 10, byUser: false },
  { table: "critical_factor_months", date: "due_month", length: 7, byUser: false },
  { table: "critical_factor_user_counts", date: "due_day", length: 10, byUser: true },
  { table: "critical_factor_user_months", date: "due_month", length: 7, byUser: true },
] as const;
type Grain = (typeof GRAINS)[number];

const columns = (g: Grain) => [
  ...(g.byUser ? ["responsible_id"] : []),
  g.date,
  "sector_id",
  "area",
  "type_id",
  "category_set",
];

/** The key's values from a ticket row (`new.`, `old.`, `t.` or no prefix) and a category set expression. */
const keyOf = (g: Grain, row: string, set: string) =>
  [
    ...(g.byUser ? [`coalesce(${row}responsible_user_id, 0)`] : []),
    `substr(${row}due_at, 1, ${g.length})`,
    `${row}sector_id`,
    `${row}area`,
    `${row}type_id`,
    set,
  ].join(", ");

/** The key without the category set, for GROUP BY over a person's tickets. */
const groupOf = (g: Grain, row: string) => keyOf(g, row, "").replace(/, $/, "");

const into = (g: Grain) => sql.raw(`insert into ${g.table} (${columns(g).join(", ")}, n)`);
const upsert = (g: Grain) =>
  sql.raw(`on conflict (${columns(g).join(", ")}) do update set n = ${g.table}.n + excluded.n`);

async function createCriticalCounts(db: MigrationDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("person_category_sets")
    .addColumn("person_id", "integer", (c) => c.primaryKey())
    .addColumn("category_set", "text", (c) => c.notNull())
    .execute();
  for (const g of GRAINS) {
    let table = db.schema.createTable(g.table);
    if (g.byUser) table = table.addColumn("responsible_id", "integer", (c) => c.notNull());
    // The date right after the user (if any), so a range of dates is a range of the key.
    await table
      .addColumn(g.date, "text", (c) => c.notNull())
      .addColumn("sector_id", "integer", (c) => c.notNull())
      .addColumn("area", "text", (c) => c.notNull())
      .addColumn("type_id", "integer", (c) => c.notNull())
      .addColumn("category_set", "text", (c) => c.notNull())
      .addColumn("n", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint(`${g.table}_pk`, columns(g) as never)
      .execute();
  }

  // Backfill from what exists, then install the triggers (same transaction: nothing slips between).
  const setOf =
    dialect === "postgres"
      ? sql`',' || string_agg(category_id::text, ',' order by category_id) || ','`
      : sql`',' || group_concat(category_id, ',' order by category_id) || ','`;
  await sql`insert into person_category_sets (person_id, category_set)
    select person_id, ${setOf} from person_categories group by person_id`.execute(db);
  for (const g of GRAINS) {
    const key = keyOf(g, "t.", "coalesce(s.category_set, ',')");
    await sql`${into(g)} select ${sql.raw(key)}, count(*)
      from tickets t left join person_category_sets s on s.person_id = t.person_id
      where t.status = 'open' group by ${sql.raw(key)}`.execute(db);
  }

  if (dialect === "postgres") await postgresTriggers(db);
  else await sqliteTriggers(db);
}

/** Ticket columns whose change moves a ticket between counts. */
const TRACKED = "status, due_at, sector_id, type_id, area, person_id, responsible_user_id";

async function sqliteTriggers(db: MigrationDb): Promise<void> {
  const setOf = (person: string) =>
    `coalesce((select category_set from person_category_sets where person_id = ${person}), ',')`;
  const bump = (row: "new" | "old", delta: 1 | -1) =>
    sql.join(
      GRAINS.map(
        (g) =>
          sql`${into(g)} select ${sql.raw(keyOf(g, `${row}.`, setOf(`${row}.person_id`)))}, ${sql.raw(String(delta))}
          where ${sql.raw(`${row}.status`)} = 'open' ${upsert(g)};`,
      ),
      sql` `,
    );
  await sql`create trigger critical_counts_ticket_insert after insert on tickets begin ${bump("new", 1)} end`.execute(
    db,
  );
  await sql`create trigger critical_counts_ticket_delete after delete on tickets begin ${bump("old", -1)} end`.execute(
    db,
  );
  await sql`create trigger critical_counts_ticket_update after update of ${sql.raw(TRACKED)} on tickets
    begin ${bump("old", -1)} ${bump("new", 1)} end`.execute(db);

  // SQLite runs row triggers as each row is written: the stored set is the one before this row.
  for (const [event, row] of [
    ["insert", "new"],
    ["delete", "old"],
  ] as const) {
    const person = `${row}.person_id`;
    const move = (delta: "" | "-") =>
      sql.join(
        GRAINS.map(
          (g) => sql`${into(g)} select ${sql.raw(keyOf(g, "", setOf(person)))}, ${sql.raw(delta)}count(*)
            from tickets where person_id = ${sql.raw(person)} and status = 'open'
            group by ${sql.raw(groupOf(g, ""))} ${upsert(g)};`,
        ),
        sql` `,
      );
    await sql`create trigger ${sql.raw(`critical_counts_category_${event}`)} after ${sql.raw(event)} on person_categories
      begin
        ${move("-")}
        insert into person_category_sets (person_id, category_set)
          select ${sql.raw(person)}, coalesce((select ',' || group_concat(category_id, ',' order by category_id) || ','
            from person_categories where person_id = ${sql.raw(person)}), ',') where true
          on conflict (person_id) do update set category_set = excluded.category_set;
        ${move("")}
      end`.execute(db);
  }
}

async function postgresTriggers(db: MigrationDb): Promise<void> {
  // r = the responsible user (0: none), s = sector, a = area, ty = type, cs = category set.
  const bumps = GRAINS.map(
    (g) =>
      sql`${into(g)} values (${sql.raw(g.byUser ? "r, " : "")}substr(due, 1, ${sql.raw(String(g.length))}), s, a, ty, cs, delta) ${upsert(g)};`,
  );
  await sql`create function critical_counts_bump(r integer, s integer, a text, ty integer, cs text, due text, delta integer)
    returns void language sql as $$ ${sql.join(bumps, sql` `)} $$`.execute(db);
  // FOR SHARE: a category change of the same person waits for this ticket's transaction (and the
  // other way round), so a ticket is never counted under a set its person just left.
  await sql`create function critical_counts_set_of(pid integer) returns text language plpgsql as $$
    declare result text;
    begin
      select category_set into result from person_category_sets where person_id = pid for share;
      return coalesce(result, ',');
    end $$`.execute(db);
  await sql`create function critical_counts_ticket() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        if old.status = 'open' then
          perform critical_counts_bump(coalesce(old.responsible_user_id, 0), old.sector_id, old.area, old.type_id,
            critical_counts_set_of(old.person_id), old.due_at, -1);
        end if;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        if new.status = 'open' then
          perform critical_counts_bump(coalesce(new.responsible_user_id, 0), new.sector_id, new.area, new.type_id,
            critical_counts_set_of(new.person_id), new.due_at, 1);
        end if;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger critical_counts_ticket after insert or delete or update of ${sql.raw(TRACKED)} on tickets
    for each row execute function critical_counts_ticket()`.execute(db);

  // Row triggers run after the statement: compare with the stored set (locked), move if it changed.
  const moves = GRAINS.flatMap((g) =>
    (["old_set", "new_set"] as const).map(
      (
        which,
      ) => sql`${into(g)} select ${sql.raw(keyOf(g, "", which))}, ${sql.raw(which === "old_set" ? "-" : "")}count(*)
        from tickets where person_id = pid and status = 'open' group by ${sql.raw(groupOf(g, ""))} ${upsert(g)};`,
    ),
  );
  await sql`create function critical_counts_category() returns trigger language plpgsql as $$
    declare pid integer; old_set text; new_set text;
    begin
      if tg_op = 'DELETE' then pid := old.person_id; else pid := new.person_id; end if;
      select category_set into old_set from person_category_sets where person_id = pid for update;
      old_set := coalesce(old_set, ',');
      select coalesce(',' || string_agg(category_id::text, ',' order by category_id) || ',', ',') into new_set
        from person_categories where person_id = pid;
      if old_set = new_set then return null; end if;
      ${sql.join(moves, sql` `)}
      insert into person_category_sets (person_id, category_set) values (pid, new_set)
        on conflict (person_id) do update set category_set = excluded.category_set;
      return null;
    end $$`.execute(db);
  await sql`create trigger critical_counts_category after insert or delete on person_categories
    for each row execute function critical_counts_category()`.execute(db);
}
