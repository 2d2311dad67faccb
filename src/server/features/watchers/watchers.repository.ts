import type { Insertable } from "kysely";
import type { Tab } from "../../../shared/access.schemas.ts";
import type { WatchDelivery } from "../../../shared/watchers.schemas.ts";
import type { Executor, WatchEventsTable } from "../../db/types.ts";

/** All SQL of the Spy System (watchers, delivery preferences, digest events). */

export function listWatchers(db: Executor, personId: number) {
  return db
    .selectFrom("person_watchers as w")
    .innerJoin("users as u", "u.id", "w.user_id")
    .select(["w.user_id", "u.name", "w.created_at"])
    .where("w.person_id", "=", personId)
    .where("u.is_active", "=", 1)
    .orderBy("u.name")
    .orderBy("w.user_id")
    .execute();
}

/** Whether this started a watch (false: the user was watching already). */
export async function addWatcher(db: Executor, personId: number, userId: number, at: string): Promise<boolean> {
  const row = await db
    .insertInto("person_watchers")
    .values({ person_id: personId, user_id: userId, created_at: at })
    .onConflict((oc) => oc.columns(["person_id", "user_id"]).doNothing())
    .returning("user_id")
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether there was a watch to end. */
export async function removeWatcher(db: Executor, personId: number, userId: number): Promise<boolean> {
  const result = await db
    .deleteFrom("person_watchers")
    .where("person_id", "=", personId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * The active watchers of a ticket's person other than `exceptUserId`, with their delivery choice,
 * and what the message names (person, ticket). Empty when nobody else watches.
 */
export function watchersOfTicket(db: Executor, ticketId: number, exceptUserId: number) {
  return db
    .selectFrom("tickets as t")
    .innerJoin("persons as p", "p.id", "t.person_id")
    .innerJoin("person_watchers as w", "w.person_id", "t.person_id")
    .innerJoin("users as u", "u.id", "w.user_id")
    .leftJoin("watch_preferences as wp", "wp.user_id", "w.user_id")
    .select([
      "w.user_id",
      "u.name as user_name",
      "u.email",
      "u.is_admin",
      "wp.delivery",
      "t.id as ticket_id",
      "t.number",
      "t.subject",
      "t.area",
      "t.person_id",
      "p.code as person_code",
      "p.name as person_name",
    ])
    .where("t.id", "=", ticketId)
    .where("w.user_id", "!=", exceptUserId)
    .where("u.is_active", "=", 1)
    .orderBy("w.user_id")
    .execute();
}

export type TicketWatcherRow = Awaited<ReturnType<typeof watchersOfTicket>>[number];

export async function categoryIdsOf(db: Executor, personId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("person_categories")
    .select("category_id")
    .where("person_id", "=", personId)
    .execute();
  return rows.map((r) => r.category_id);
}

/**
 * Which of these (non-administrator) users hold a grant of `tab` on one of the categories — the
 * same test as access.service's tabLevel, for many users in one query.
 */
export async function usersWithTab(
  db: Executor,
  userIds: number[],
  categoryIds: number[],
  tab: Tab,
): Promise<Set<number>> {
  if (!userIds.length || !categoryIds.length) return new Set();
  const rows = await db
    .selectFrom("user_access_profiles as uap")
    .innerJoin("access_grants as g", "g.profile_id", "uap.profile_id")
    .innerJoin("categories as c", "c.id", "g.category_id")
    .select("uap.user_id")
    .distinct()
    .where("uap.user_id", "in", userIds)
    .where("g.tab", "=", tab)
    .where("g.category_id", "in", categoryIds)
    .where("c.is_active", "=", 1)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

export async function deliveryOf(db: Executor, userId: number): Promise<WatchDelivery> {
  const row = await db
    .selectFrom("watch_preferences")
    .select("delivery")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.delivery === "digest" ? "digest" : "immediate";
}

export async function setDelivery(db: Executor, userId: number, delivery: WatchDelivery, at: string): Promise<void> {
  await db
    .insertInto("watch_preferences")
    .values({ user_id: userId, delivery, updated_at: at })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ delivery, updated_at: at }))
    .execute();
}

export async function insertEvents(db: Executor, events: Insertable<WatchEventsTable>[]): Promise<void> {
  if (events.length) await db.insertInto("watch_events").values(events).execute();
}

// ——— digests ———

/** (user, day) pairs with events waiting, for days before `today`, oldest first. */
export function pendingDigests(db: Executor, today: string, limit: number) {
  return db
    .selectFrom("watch_events")
    .select(["user_id", "day"])
    .where("day", "<", today)
    .groupBy(["day", "user_id"])
    .orderBy("day")
    .orderBy("user_id")
    .limit(limit)
    .execute();
}

/** Claims the digest of (user, day): true for the one transaction that wrote the row. */
export async function claimDigest(db: Executor, userId: number, day: string, at: string): Promise<boolean> {
  const row = await db
    .insertInto("watch_digests")
    .values({ user_id: userId, day, event_count: 0, created_at: at })
    .onConflict((oc) => oc.columns(["user_id", "day"]).doNothing())
    .returning("user_id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function finishDigest(db: Executor, userId: number, day: string, count: number, mailId: number | null) {
  await db
    .updateTable("watch_digests")
    .set({ event_count: count, mail_id: mailId })
    .where("user_id", "=", userId)
    .where("day", "=", day)
    .execute();
}

export function digestEvents(db: Executor, userId: number, day: string) {
  return db
    .selectFrom("watch_events as e")
    .innerJoin("tickets as t", "t.id", "e.ticket_id")
    .innerJoin("persons as p", "p.id", "e.person_id")
    .leftJoin("users as a", "a.id", "e.actor_id")
    .select([
      "e.id",
      "e.event",
      "e.text",
      "e.created_at",
      "e.person_id",
      "p.code as person_code",
      "p.name as person_name",
      "t.id as ticket_id",
      "t.number",
      "t.subject",
      "t.area",
      "a.name as actor_name",
    ])
    .where("e.user_id", "=", userId)
    .where("e.day", "=", day)
    .orderBy("e.id")
    .execute();
}

export type DigestEventRow = Awaited<ReturnType<typeof digestEvents>>[number];

export async function deleteEvents(db: Executor, userId: number, day: string): Promise<void> {
  await db.deleteFrom("watch_events").where("user_id", "=", userId).where("day", "=", day).execute();
}

/** Events that arrived for a day whose digest already went out move to `today`'s digest. */
export async function moveEvents(db: Executor, userId: number, day: string, today: string): Promise<void> {
  await db
    .updateTable("watch_events")
    .set({ day: today })
    .where("user_id", "=", userId)
    .where("day", "=", day)
    .execute();
}

export function activeUser(db: Executor, userId: number) {
  return db
    .selectFrom("users")
    .select(["id", "username", "name", "email", "is_admin"])
    .where("id", "=", userId)
    .where("is_active", "=", 1)
    .executeTakeFirst();
}
