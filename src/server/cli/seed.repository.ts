import type { Executor } from "../db/types.ts";

/** Whether the database has any person (tickets are generated over the persons there are). */
export async function hasPersons(db: Executor): Promise<boolean> {
  const row = await db.selectFrom("persons").select("id").limit(1).executeTakeFirst();
  return row !== undefined;
}
