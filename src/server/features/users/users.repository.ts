import type { Updateable } from "kysely";
import type { Executor, UsersTable } from "../../db/types.ts";

export function findByUsername(db: Executor, username: string) {
  return db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}

export function findById(db: Executor, id: number) {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export type UserDbRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

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
  row: {
    username: string;
    name: string;
    email: string;
    password_hash: string;
    is_admin: number;
    person_id: number | null;
    created_at: string;
  },
): Promise<number> {
  const inserted = await db
    .insertInto("users")
    .values({ ...row, is_active: 1, updated_at: row.created_at })
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Writes the changes if the row is still at `version` (and moves it to `version + 1`); false when it is not. */
export async function updateUser(
  db: Executor,
  id: number,
  version: number,
  changes: Omit<Updateable<UsersTable>, "id" | "version">,
): Promise<boolean> {
  const result = await db
    .updateTable("users")
    .set({ ...changes, version: version + 1 })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A new password hash; not conditional on the version (a reset wins over an edit), which it moves on. */
export async function setPassword(db: Executor, id: number, passwordHash: string, at: string): Promise<void> {
  await db
    .updateTable("users")
    .set((eb) => ({ password_hash: passwordHash, updated_at: at, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .execute();
}

/** The access profiles of these users, as (user, profile) pairs. */
export function profileLinks(db: Executor, userIds: number[]) {
  if (!userIds.length) return Promise.resolve([]);
  return db
    .selectFrom("user_access_profiles")
    .select(["user_id", "profile_id"])
    .where("user_id", "in", userIds)
    .execute();
}

/** Which of these access profile ids exist. */
export async function existingProfileIds(db: Executor, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom("access_profiles").select("id").where("id", "in", ids).execute();
  return rows.map((r) => r.id);
}

export async function replaceProfiles(db: Executor, userId: number, profileIds: number[]): Promise<void> {
  await db.deleteFrom("user_access_profiles").where("user_id", "=", userId).execute();
  if (profileIds.length) {
    await db
      .insertInto("user_access_profiles")
      .values(profileIds.map((profile_id) => ({ user_id: userId, profile_id })))
      .execute();
  }
}

/** Code and name of the persons users are linked to. */
export function personRefs(db: Executor, personIds: number[]) {
  if (!personIds.length) return Promise.resolve([]);
  return db.selectFrom("persons").select(["id", "code", "name"]).where("id", "in", personIds).execute();
}

export async function personIdByCode(db: Executor, code: number): Promise<number | undefined> {
  const row = await db.selectFrom("persons").select("id").where("code", "=", code).executeTakeFirst();
  return row?.id;
}

/**
 * The person a user is linked to (users.person_id), and whether one of its categories is a seller's
 * (employee or representative): the rule behind /api/me's currentAccountEnabled.
 */
export async function linkedPerson(
  db: Executor,
  userId: number,
): Promise<{ id: number; code: number; name: string; isSeller: boolean } | undefined> {
  const row = await db
    .selectFrom("users as u")
    .innerJoin("persons as p", "p.id", "u.person_id")
    .select([
      "p.id",
      "p.code",
      "p.name",
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom("person_categories as pc")
              .innerJoin("categories as c", "c.id", "pc.category_id")
              .select("pc.person_id")
              .whereRef("pc.person_id", "=", "p.id")
              .where("c.role", "in", ["employee", "representative"]),
          )
          .as("is_seller"),
    ])
    .where("u.id", "=", userId)
    .executeTakeFirst();
  if (!row) return undefined;
  // SQLite answers EXISTS with 0/1, PostgreSQL with a boolean.
  const isSeller = (row.is_seller as unknown) === true || Number(row.is_seller) === 1;
  return { id: row.id, code: row.code, name: row.name, isSeller };
}
