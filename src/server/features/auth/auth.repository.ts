import type { Executor } from "../../db/types.ts";

export type AuthUserRow = {
  id: number;
  username: string;
  name: string;
  email: string;
  is_admin: number;
};

const userColumns = ["users.id", "users.username", "users.name", "users.email", "users.is_admin"] as const;

/** The user a login names, active or not, with the hash to check the password against. */
export function findUserForLogin(db: Executor, username: string) {
  return db
    .selectFrom("users")
    .select(["id", "username", "name", "email", "is_admin", "is_active", "password_hash"])
    .where("username", "=", username)
    .executeTakeFirst();
}

export function findActiveUserBySessionHash(db: Executor, idHash: string, now: string) {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      ...userColumns,
      "sessions.created_at as session_created_at",
      "sessions.last_seen_at",
      "sessions.expires_at",
    ])
    .where("sessions.id_hash", "=", idHash)
    .where("sessions.expires_at", ">", now)
    .where("users.is_active", "=", 1)
    .executeTakeFirst();
}

export async function insertSession(
  db: Executor,
  row: {
    id_hash: string;
    user_id: number;
    created_at: string;
    last_seen_at: string;
    expires_at: string;
    user_agent: string | null;
  },
): Promise<void> {
  await db.insertInto("sessions").values(row).execute();
}

export async function touchSession(db: Executor, idHash: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where("id_hash", "=", idHash)
    .execute();
}

/** Ends one session; the user it belonged to, so caches can drop it (undefined: there was none). */
export async function deleteSession(db: Executor, idHash: string): Promise<number | undefined> {
  const row = await db.deleteFrom("sessions").where("id_hash", "=", idHash).returning("user_id").executeTakeFirst();
  return row?.user_id;
}

export async function deleteUserSessions(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

export async function deleteExpiredSessions(db: Executor, now: string): Promise<void> {
  await db.deleteFrom("sessions").where("expires_at", "<=", now).execute();
}

export function findActiveUserByTokenHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .select([...userColumns, "api_tokens.id as token_id", "api_tokens.last_used_at"])
    .where("api_tokens.token_hash", "=", tokenHash)
    .where("api_tokens.revoked_at", "is", null)
    .where("users.is_active", "=", 1)
    .executeTakeFirst();
}

export async function touchToken(db: Executor, tokenId: number, at: string): Promise<void> {
  await db.updateTable("api_tokens").set({ last_used_at: at }).where("id", "=", tokenId).execute();
}

export async function countFailuresSince(
  db: Executor,
  key: string,
  since: string,
): Promise<{ count: number; oldest: string | null }> {
  const row = await db
    .selectFrom("auth_failures")
    .select((eb) => [eb.fn.countAll<number>().as("count"), eb.fn.min("at").as("oldest")])
    .where("key", "=", key)
    .where("at", ">", since)
    .executeTakeFirst();
  return { count: Number(row?.count ?? 0), oldest: (row?.oldest as string | null) ?? null };
}

export async function recordFailures(db: Executor, keys: string[], at: string): Promise<void> {
  await db
    .insertInto("auth_failures")
    .values(keys.map((key) => ({ key, at })))
    .execute();
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.deleteFrom("auth_failures").where("key", "=", key).execute();
}

export async function deleteOldFailures(db: Executor, before: string): Promise<void> {
  await db.deleteFrom("auth_failures").where("at", "<=", before).execute();
}
