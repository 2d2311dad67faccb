import { sql } from "kysely";
import type { Executor } from "../../db/types.ts";

/** The cheapest round trip to the database: rejects when it cannot answer. */
export async function ping(db: Executor): Promise<void> {
  await sql`select 1`.execute(db);
}
