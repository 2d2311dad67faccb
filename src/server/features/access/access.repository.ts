import type { Selectable } from "kysely";
import type { Executor, PersonsTable } from "../../db/types.ts";

export type PersonRow = Selectable<PersonsTable>;

/** Every (category, tab, level) the user's profiles grant, over active categories only. */
export function grantRows(db: Executor, userId: number) {
  return db
    .selectFrom("user_access_profiles as uap")
    .innerJoin("access_grants as g", "g.profile_id", "uap.profile_id")
    .innerJoin("categories as c", "c.id", "g.category_id")
    .select(["g.category_id", "g.tab", "g.level"])
    .where("uap.user_id", "=", userId)
    .where("c.is_active", "=", 1)
    .execute();
}

export function personByCode(db: Executor, code: number): Promise<PersonRow | undefined> {
  return db.selectFrom("persons").selectAll().where("code", "=", code).executeTakeFirst();
}

export function personById(db: Executor, id: number): Promise<PersonRow | undefined> {
  return db.selectFrom("persons").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function personCategoryIds(db: Executor, personId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("person_categories")
    .select("category_id")
    .where("person_id", "=", personId)
    .execute();
  return rows.map((r) => r.category_id);
}
