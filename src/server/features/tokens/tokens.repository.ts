import type { Executor } from "../../db/types.ts";

const select = (db: Executor) =>
  db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .select([
      "api_tokens.id",
      "api_tokens.name",
      "api_tokens.prefix",
      "api_tokens.user_id",
      "users.username",
      "api_tokens.created_at",
      "api_tokens.last_used_at",
      "api_tokens.revoked_at",
    ]);

export type TokenRow = Awaited<ReturnType<ReturnType<typeof select>["executeTakeFirstOrThrow"]>>;

/** Every token, newest first (the secret is never stored: only its hash and first characters). */
export function listTokens(db: Executor): Promise<TokenRow[]> {
  return select(db).orderBy("api_tokens.id", "desc").execute();
}

export function findToken(db: Executor, id: number): Promise<TokenRow | undefined> {
  return select(db).where("api_tokens.id", "=", id).executeTakeFirst();
}

export async function insertToken(
  db: Executor,
  row: {
    user_id: number;
    name: string;
    token_hash: string;
    prefix: string;
    created_at: string;
    created_by: number | null;
  },
): Promise<number> {
  const { id } = await db.insertInto("api_tokens").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function revokeToken(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable("api_tokens").set({ revoked_at: at }).where("id", "=", id).execute();
}
