import type { Executor } from "../../db/types.ts";

export function findByUsername(db: Executor, username: string) {
  return db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}

export function findById(db: Executor, id: number) {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listUsers(db: Executor) {
  return db.selectFrom("users").selectAll().orderBy("username").execute();
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(
  db: Executor,
  row: { username: string; name: string; email: string; password_hash: string; is_admin: number; created_at: string },
): Promise<number> {
  const inserted = await db
    .insertInto("users")
    .values({ ...row, is_active: 1, updated_at: row.created_at })
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}
