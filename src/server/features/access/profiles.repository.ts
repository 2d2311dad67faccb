import type { Executor } from "../../db/types.ts";

/** Profiles by name; only these ids when given. */
export function listProfiles(db: Executor, ids?: number[]) {
  let q = db.selectFrom("access_profiles").selectAll().orderBy("name");
  if (ids) q = q.where("id", "in", ids.length ? ids : [0]);
  return q.execute();
}

export function grantsOf(db: Executor, profileIds: number[]) {
  return db
    .selectFrom("access_grants")
    .selectAll()
    .where("profile_id", "in", profileIds)
    .orderBy("category_id")
    .orderBy("tab")
    .execute();
}

/** How many users each profile is given to (profiles nobody has are absent). */
export async function userCounts(db: Executor, profileIds: number[]): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("user_access_profiles")
    .select(["profile_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("profile_id", "in", profileIds)
    .groupBy("profile_id")
    .execute();
  return new Map(rows.map((r) => [r.profile_id, Number(r.n)]));
}

/** Which of these category ids exist. */
export async function existingCategoryIds(db: Executor, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom("categories").select("id").where("id", "in", ids).execute();
  return rows.map((r) => r.id);
}

export async function replaceGrants(
  db: Executor,
  profileId: number,
  grants: { categoryId: number; tab: string; level: string }[],
): Promise<void> {
  await db.deleteFrom("access_grants").where("profile_id", "=", profileId).execute();
  if (grants.length) {
    await db
      .insertInto("access_grants")
      .values(grants.map((g) => ({ profile_id: profileId, category_id: g.categoryId, tab: g.tab, level: g.level })))
      .execute();
  }
}

export async function insertProfile(db: Executor, name: string, at: string): Promise<number> {
  const { id } = await db
    .insertInto("access_profiles")
    .values({ name, created_at: at, updated_at: at })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Renames the profile if it is still at `version` (moving it to `version + 1`); false when it is not. */
export async function updateProfile(
  db: Executor,
  id: number,
  version: number,
  changes: { name: string; updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable("access_profiles")
    .set({ ...changes, version: version + 1 })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteProfile(db: Executor, id: number): Promise<void> {
  await db.deleteFrom("access_profiles").where("id", "=", id).execute();
}
