import type { Insertable, Selectable, Updateable } from "kysely";
import type { Executor, TicketViewsTable } from "../../db/types.ts";

/** The SQL of saved ticket views (ticket_views, 0017-ticket-views). */

export type ViewRow = Selectable<TicketViewsTable> & { owner_name: string; profile_name: string | null };

function viewsQuery(db: Executor) {
  return db
    .selectFrom("ticket_views as v")
    .innerJoin("users as u", "u.id", "v.owner_id")
    .leftJoin("access_profiles as ap", "ap.id", "v.shared_profile_id")
    .selectAll("v")
    .select(["u.name as owner_name", "ap.name as profile_name"]);
}

/** The views of an area a user sees: their own and those shared with one of `profileIds`. */
export function listViews(db: Executor, area: string, userId: number, profileIds: number[]): Promise<ViewRow[]> {
  return viewsQuery(db)
    .where("v.area", "=", area)
    .where((eb) =>
      profileIds.length
        ? eb.or([eb("v.owner_id", "=", userId), eb("v.shared_profile_id", "in", profileIds)])
        : eb("v.owner_id", "=", userId),
    )
    .orderBy("v.name")
    .orderBy("v.id")
    .execute();
}

export function findView(db: Executor, id: number): Promise<ViewRow | undefined> {
  return viewsQuery(db).where("v.id", "=", id).executeTakeFirst();
}

export async function insertView(db: Executor, values: Insertable<TicketViewsTable>): Promise<number> {
  const { id } = await db.insertInto("ticket_views").values(values).returning("id").executeTakeFirstOrThrow();
  return id;
}

/** Applies `set` only at `version`; false when someone changed the view first. */
export async function updateView(
  db: Executor,
  id: number,
  version: number,
  set: Updateable<TicketViewsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable("ticket_views")
    .set({ ...set, version: version + 1 })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteView(db: Executor, id: number): Promise<void> {
  await db.deleteFrom("ticket_views").where("id", "=", id).execute();
}

/** The access profiles of a user (whom their views may be shared with). */
export async function profilesOfUser(db: Executor, userId: number): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom("user_access_profiles as uap")
    .innerJoin("access_profiles as ap", "ap.id", "uap.profile_id")
    .select(["ap.id", "ap.name"])
    .where("uap.user_id", "=", userId)
    .orderBy("ap.name")
    .execute();
}

export function allProfiles(db: Executor): Promise<{ id: number; name: string }[]> {
  return db.selectFrom("access_profiles").select(["id", "name"]).orderBy("name").execute();
}
