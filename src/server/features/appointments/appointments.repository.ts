import type { ExpressionBuilder, Insertable, Selectable, Updateable } from "kysely";
import { MAX_SPAN_DAYS } from "../../../shared/appointments.time.ts";
import type { AppointmentsTable, Database, Executor } from "../../db/types.ts";

/** All SQL of Agendamentos; every function takes the database or a transaction first. */

/**
 * The earliest start of an appointment that can still be under way at `at`: none lasts longer
 * than MAX_SPAN_DAYS, so this bounds the index range scan on starts_at from below.
 */
const spanFloor = (at: string) => new Date(Date.parse(at) - (MAX_SPAN_DAYS + 1) * 86_400_000).toISOString();

export type AppointmentRow = Selectable<AppointmentsTable>;

export function findAppointment(db: Executor, id: number): Promise<AppointmentRow | undefined> {
  return db.selectFrom("appointments").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertAppointment(db: Executor, values: Insertable<AppointmentsTable>): Promise<number> {
  const { id } = await db.insertInto("appointments").values(values).returning("id").executeTakeFirstOrThrow();
  return id;
}

/** Applies `set` (and the next version) only if the appointment is still at `version`; false when it is not. */
export async function updateAppointment(
  db: Executor,
  id: number,
  version: number,
  set: Updateable<AppointmentsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("appointments")
    .set({ ...set, version: version + 1 })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ——— references ———

export function activeType(db: Executor, id: number) {
  return db
    .selectFrom("appointment_types")
    .select(["id", "name", "duration_minutes"])
    .where("id", "=", id)
    .where("is_active", "=", 1)
    .executeTakeFirst();
}

export function typeDuration(db: Executor, id: number) {
  return db.selectFrom("appointment_types").select("duration_minutes").where("id", "=", id).executeTakeFirstOrThrow();
}

export async function typeName(db: Executor, id: number): Promise<string> {
  return (await db.selectFrom("appointment_types").select("name").where("id", "=", id).executeTakeFirstOrThrow()).name;
}

export function activeProduct(db: Executor, id: number) {
  return db.selectFrom("products").select("id").where("id", "=", id).where("is_active", "=", 1).executeTakeFirst();
}

export function addressOf(db: Executor, id: number) {
  return db.selectFrom("addresses").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A user's name, active or not (a lock holder may have been deactivated since). */
export async function userName(db: Executor, id: number | null): Promise<string | null> {
  if (id === null) return null;
  return (await db.selectFrom("users").select("name").where("id", "=", id).executeTakeFirst())?.name ?? null;
}

export function activeUsers(db: Executor) {
  return db
    .selectFrom("users")
    .select(["id", "name"])
    .where("is_active", "=", 1)
    .orderBy("name")
    .orderBy("id")
    .execute();
}

// ——— views ———

/** The flat row behind an appointment: the appointment with the names it points to. */
function viewQuery(db: Executor) {
  return db
    .selectFrom("appointments as a")
    .innerJoin("persons as p", "p.id", "a.person_id")
    .innerJoin("appointment_types as ty", "ty.id", "a.type_id")
    .innerJoin("users as au", "au.id", "a.assigned_user_id")
    .leftJoin("products as pr", "pr.id", "a.product_id")
    .leftJoin("tickets as t", "t.id", "a.ticket_id")
    .leftJoin("users as du", "du.id", "a.done_by")
    .leftJoin("users as xu", "xu.id", "a.deleted_by")
    .leftJoin("users as lu", "lu.id", "a.locked_by")
    .leftJoin("users as cu", "cu.id", "a.created_by")
    .selectAll("a")
    .select([
      "p.code as person_code",
      "p.name as person_name",
      "ty.name as type_name",
      "ty.color as type_color",
      "au.name as assigned_name",
      "pr.name as product_name",
      "t.number as ticket_number",
      "t.subject as ticket_subject",
      "du.name as done_by_name",
      "xu.name as deleted_by_name",
      "lu.name as locked_by_name",
      "cu.name as created_by_name",
    ]);
}

export type AppointmentViewRow = Awaited<ReturnType<ReturnType<typeof viewQuery>["executeTakeFirstOrThrow"]>>;

export function appointmentView(db: Executor, id: number): Promise<AppointmentViewRow | undefined> {
  return viewQuery(db).where("a.id", "=", id).executeTakeFirst();
}

export type StartCursor = { at: string; id: number };

/**
 * One page of a person's appointments (index appointments_person_list): open ones soonest
 * first, done ones latest first; past (ended before `now`) and deleted ones only when asked.
 */
export function listByPerson(
  db: Executor,
  f: {
    personId: number;
    status: "open" | "done";
    includePast: boolean;
    includeDeleted: boolean;
    now: string;
    after: StartCursor | null;
    limit: number;
  },
): Promise<AppointmentViewRow[]> {
  let query = viewQuery(db).where("a.person_id", "=", f.personId).where("a.status", "=", f.status);
  if (!f.includePast) query = query.where("a.ends_at", ">=", f.now);
  if (!f.includeDeleted) query = query.where("a.deleted_at", "is", null);
  const desc = f.status === "done";
  const after = f.after;
  if (after) {
    query = query.where((eb) => eb(eb.refTuple("a.starts_at", "a.id"), desc ? "<" : ">", eb.tuple(after.at, after.id)));
  }
  const dir = desc ? "desc" : "asc";
  return query.orderBy("a.starts_at", dir).orderBy("a.id", dir).limit(f.limit).execute();
}

type AppointmentsEb = ExpressionBuilder<Database & { a: AppointmentsTable }, "a">;

/** Only appointments of persons in these categories (null = every person: an administrator). */
function ofCategories(eb: AppointmentsEb, categoryIds: number[] | null) {
  if (categoryIds === null) return eb.lit(true);
  if (!categoryIds.length) return eb.lit(false);
  return eb.exists(
    eb
      .selectFrom("person_categories as pc")
      .select(eb.lit(1).as("one"))
      .whereRef("pc.person_id", "=", "a.person_id")
      .where("pc.category_id", "in", categoryIds),
  );
}

/**
 * Not deleted appointments overlapping [from, to), soonest first (index appointments_starts, or
 * appointments_assigned for one user).
 */
export function listWindow(
  db: Executor,
  f: {
    from: string;
    to: string;
    assignedUserId: number | null;
    status: "open" | "done" | null;
    categoryIds: number[] | null;
    limit: number;
  },
): Promise<AppointmentViewRow[]> {
  let query = viewQuery(db)
    .where("a.starts_at", ">=", spanFloor(f.from))
    .where("a.starts_at", "<", f.to)
    .where("a.ends_at", ">", f.from)
    .where("a.deleted_at", "is", null)
    .where((eb) => ofCategories(eb as unknown as AppointmentsEb, f.categoryIds));
  if (f.assignedUserId !== null) query = query.where("a.assigned_user_id", "=", f.assignedUserId);
  if (f.status !== null) query = query.where("a.status", "=", f.status);
  return query.orderBy("a.starts_at").orderBy("a.id").limit(f.limit).execute();
}

/** Other not deleted appointments of a user that overlap [startsAt, endsAt), with whether the caller may see each. */
export function overlapping(
  db: Executor,
  f: {
    userId: number;
    startsAt: string;
    endsAt: string;
    exceptId: number | null;
    visibleCategoryIds: number[] | null;
  },
) {
  let query = db
    .selectFrom("appointments as a")
    .innerJoin("persons as p", "p.id", "a.person_id")
    .select((eb) => [
      "a.id",
      "a.subject",
      "a.all_day",
      "a.starts_at",
      "a.ends_at",
      "a.start_date",
      "a.end_date",
      "p.code as person_code",
      "p.name as person_name",
      ofCategories(eb as unknown as AppointmentsEb, f.visibleCategoryIds).as("visible"),
    ])
    .where("a.assigned_user_id", "=", f.userId)
    .where("a.starts_at", ">=", spanFloor(f.startsAt))
    .where("a.starts_at", "<", f.endsAt)
    .where("a.ends_at", ">", f.startsAt)
    .where("a.deleted_at", "is", null);
  if (f.exceptId !== null) query = query.where("a.id", "!=", f.exceptId);
  return query.orderBy("a.starts_at").orderBy("a.id").limit(20).execute();
}

/** The category ids of each of these persons (in chunks well under either database's parameter limit). */
export async function categoriesOfPersons(db: Executor, personIds: number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>();
  const ids = [...new Set(personIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom("person_categories")
      .select(["person_id", "category_id"])
      .where("person_id", "in", ids.slice(i, i + 500))
      .execute();
    for (const r of rows) map.set(r.person_id, [...(map.get(r.person_id) ?? []), r.category_id]);
  }
  return map;
}

// ——— calendar feeds ———

export function feedOf(db: Executor, userId: number) {
  return db.selectFrom("calendar_feeds").selectAll().where("user_id", "=", userId).executeTakeFirst();
}

export async function replaceFeed(db: Executor, userId: number, tokenHash: string, at: string): Promise<void> {
  await db.deleteFrom("calendar_feeds").where("user_id", "=", userId).execute();
  await db.insertInto("calendar_feeds").values({ user_id: userId, token_hash: tokenHash, created_at: at }).execute();
}

export async function deleteFeed(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom("calendar_feeds").where("user_id", "=", userId).execute();
}

/** The active user a feed token belongs to; undefined for an unknown or revoked token, or an inactive user. */
export function feedUser(db: Executor, tokenHash: string) {
  return db
    .selectFrom("calendar_feeds as f")
    .innerJoin("users as u", "u.id", "f.user_id")
    .select(["u.id", "u.username", "u.name", "u.email", "u.is_admin"])
    .where("f.token_hash", "=", tokenHash)
    .where("u.is_active", "=", 1)
    .executeTakeFirst();
}

export async function touchFeed(db: Executor, userId: number, at: string): Promise<void> {
  await db.updateTable("calendar_feeds").set({ last_used_at: at }).where("user_id", "=", userId).execute();
}
