import type { Executor } from "../../db/types.ts";

export type LiveEventRow = {
  id: number;
  at: string;
  type: string;
  person_id: number | null;
  person_code: number | null;
  area: string;
  refs: string;
};

/** The events after `afterId`, oldest first (the primary key: no other index needed). */
export function eventsAfter(db: Executor, afterId: number, limit: number): Promise<LiveEventRow[]> {
  return db
    .selectFrom("domain_events")
    .select(["id", "at", "type", "person_id", "person_code", "area", "refs"])
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function newestEventId(db: Executor): Promise<number> {
  const row = await db.selectFrom("domain_events").select("id").orderBy("id", "desc").limit(1).executeTakeFirst();
  return row ? Number(row.id) : 0;
}

/** Whether more than `count` events came after `afterId` (one keyed read, never a COUNT). */
export async function moreEventsThan(db: Executor, afterId: number, count: number): Promise<boolean> {
  const row = await db
    .selectFrom("domain_events")
    .select("id")
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(1)
    .offset(count)
    .executeTakeFirst();
  return row !== undefined;
}

/** The categories of each person, for the visibility check at delivery. */
export async function categoriesOfPersons(db: Executor, personIds: number[]): Promise<Map<number, number[]>> {
  const byPerson = new Map<number, number[]>(personIds.map((id) => [id, []]));
  if (!personIds.length) return byPerson;
  const rows = await db
    .selectFrom("person_categories")
    .select(["person_id", "category_id"])
    .where("person_id", "in", personIds)
    .execute();
  for (const r of rows) byPerson.get(r.person_id)?.push(r.category_id);
  return byPerson;
}
