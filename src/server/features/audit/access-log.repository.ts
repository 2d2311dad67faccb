import type { Executor } from "../../db/types.ts";

export type AccessRow = {
  at: string;
  kind: string;
  user_id: number | null;
  token_id: number | null;
  person_id: number | null;
  ip: string | null;
  user_agent: string | null;
  detail: string | null;
  dedupe_key: string | null;
};

/** Appends rows; a row whose dedupe_key is already there (another server wrote it this minute) is skipped. */
export async function insertAccessRows(db: Executor, rows: AccessRow[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto("access_log")
    .values(rows)
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .execute();
}
