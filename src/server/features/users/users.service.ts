import type { CreateUserBody, UpdateUserBody, UserRow } from "../../../shared/users.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { isUniqueViolation } from "../../db/db-errors.ts";
import type { Executor } from "../../db/types.ts";
import { AppError, fail, fieldError } from "../../errors.ts";
import { inTransaction, recordChange } from "../audit/journal.ts";
import { publishAuthChange } from "../auth/auth.cache.ts";
import { endUserSessions } from "../auth/auth.service.ts";
import { hashPassword } from "../auth/password.ts";
import * as repo from "./users.repository.ts";

async function toUserRows(db: Executor, rows: repo.UserDbRow[]): Promise<UserRow[]> {
  if (!rows.length) return [];
  const personIds = rows.map((r) => r.person_id).filter((id): id is number => id !== null);
  const [links, persons] = await Promise.all([
    repo.profileLinks(
      db,
      rows.map((r) => r.id),
    ),
    repo.personRefs(db, personIds),
  ]);
  return rows.map((r) => {
    const person = persons.find((p) => p.id === r.person_id);
    return {
      id: r.id,
      username: r.username,
      name: r.name,
      email: r.email,
      isAdmin: r.is_admin === 1,
      isActive: r.is_active === 1,
      createdAt: r.created_at,
      accessProfileIds: links.filter((l) => l.user_id === r.id).map((l) => l.profile_id),
      person: person ? { code: person.code, name: person.name } : null,
      version: r.version,
    };
  });
}

/** What the audit log keeps of a user (never the password hash: a password change says only that it changed). */
const auditedUser = (u: UserRow) => ({
  username: u.username,
  name: u.name,
  email: u.email,
  isAdmin: u.isAdmin,
  isActive: u.isActive,
  accessProfileIds: [...u.accessProfileIds].sort((a, b) => a - b),
  personCode: u.person?.code ?? null,
});

const userNotFound = () => fail("not_found", "user_not_found");
const userChanged = (currentVersion?: number) =>
  fail("stale_version", "user_changed", undefined, currentVersion === undefined ? undefined : { currentVersion });

async function getUser(db: Executor, id: number): Promise<UserRow> {
  const row = await repo.findById(db, id);
  if (!row) throw userNotFound();
  const [user] = await toUserRows(db, [row]);
  if (!user) throw userNotFound();
  return user;
}

async function resolvePersonId(db: Executor, code: number | null | undefined): Promise<number | null | undefined> {
  if (code === undefined) return undefined;
  if (code === null) return null;
  const id = await repo.personIdByCode(db, code);
  if (id === undefined) throw fieldError("personCode", "linked_person_not_found");
  return id;
}

async function setProfiles(db: Executor, userId: number, profileIds: number[]) {
  const ids = [...new Set(profileIds)];
  const found = await repo.existingProfileIds(db, ids);
  const missing = ids.filter((id) => !found.includes(id));
  if (missing.length) throw fieldError("accessProfileIds", "unknown_profile", { profile: missing.join(", ") });
  await repo.replaceProfiles(db, userId, ids);
}

export async function createUser(
  ctx: AppContext,
  input: Omit<CreateUserBody, "accessProfileIds" | "isAdmin"> &
    Partial<Pick<CreateUserBody, "accessProfileIds" | "isAdmin">>,
): Promise<UserRow> {
  const username = input.username.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const taken = () => fieldError("username", "username_taken", { username }, "conflict");
  return inTransaction(ctx, async (trx) => {
    if (await repo.findByUsername(trx, username)) throw taken();
    const personId = await resolvePersonId(trx, input.personCode);
    const id = await repo
      .insertUser(trx, {
        username,
        name: input.name,
        email: input.email,
        password_hash: passwordHash,
        is_admin: input.isAdmin ? 1 : 0,
        person_id: personId ?? null,
        created_at: ctx.now().toISOString(),
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? taken() : error;
      });
    if (input.accessProfileIds?.length) await setProfiles(trx, id, input.accessProfileIds);
    const created = await getUser(trx, id);
    recordChange(trx, ctx, { entity: "user", id, action: "create", after: auditedUser(created) });
    return created;
  });
}

export async function listUsers(ctx: AppContext): Promise<UserRow[]> {
  return toUserRows(ctx.db, await repo.listUsers(ctx.db));
}

/** One user by username (as stored: lower case), or undefined. */
export async function userByUsername(ctx: AppContext, username: string): Promise<UserRow | undefined> {
  const row = await repo.findByUsername(ctx.db, username);
  return row ? (await toUserRows(ctx.db, [row]))[0] : undefined;
}

/** Whether a user exists and may act (an API token for an inactive user would be refused anyway). */
export async function userActivity(db: Executor, id: number): Promise<"active" | "inactive" | "missing"> {
  const row = await repo.findById(db, id);
  return !row ? "missing" : row.is_active === 1 ? "active" : "inactive";
}

/** An active user as the services see one (a webhook acts for its user), or null when gone or inactive. */
export async function activeUser(db: Executor, id: number): Promise<AuthUser | null> {
  const row = await repo.findById(db, id);
  if (row?.is_active !== 1) return null;
  return { id: row.id, username: row.username, name: row.name, email: row.email, isAdmin: row.is_admin === 1 };
}

/** The person this user is linked to, and whether it is a seller (employee or representative). */
export async function linkedPerson(db: Executor, userId: number) {
  return repo.linkedPerson(db, userId);
}

export async function updateUser(ctx: AppContext, actor: AuthUser, id: number, body: UpdateUserBody): Promise<UserRow> {
  const updated = await inTransaction(ctx, async (trx) => {
    const row = await repo.findById(trx, id);
    if (!row) throw userNotFound();
    if (row.version !== body.version) throw userChanged(row.version);
    const before = await getUser(trx, id);
    // Nobody locks themselves out of administration by accident.
    if (actor.id === id && (body.isAdmin === false || body.isActive === false)) {
      throw fail("conflict", "self_lockout");
    }
    const personId = await resolvePersonId(trx, body.personCode);
    const updated = await repo.updateUser(trx, id, row.version, {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.email !== undefined && { email: body.email }),
      ...(body.isAdmin !== undefined && { is_admin: body.isAdmin ? 1 : 0 }),
      ...(body.isActive !== undefined && { is_active: body.isActive ? 1 : 0 }),
      ...(personId !== undefined && { person_id: personId }),
      updated_at: ctx.now().toISOString(),
    });
    if (!updated) throw userChanged();
    if (body.accessProfileIds) await setProfiles(trx, id, body.accessProfileIds);
    if (body.isActive === false) await endUserSessions(trx, id);
    const after = await getUser(trx, id);
    recordChange(trx, ctx, {
      entity: "user",
      id,
      action: "update",
      before: auditedUser(before),
      after: auditedUser(after),
    });
    return after;
  });
  // Name, admin flag, active, profiles: whatever changed, every server forgets this user's sessions and grants.
  await publishAuthChange(ctx, { userId: id });
  return updated;
}

/** An administrator sets a new password; every session of that user ends. */
export async function resetPassword(ctx: AppContext, id: number, password: string): Promise<void> {
  const hash = await hashPassword(password);
  await inTransaction(ctx, async (trx) => {
    const row = await repo.findById(trx, id);
    if (!row) throw userNotFound();
    await repo.setPassword(trx, id, hash, ctx.now().toISOString());
    await endUserSessions(trx, id);
    recordChange(trx, ctx, {
      entity: "user",
      id,
      action: "password",
      before: { passwordHash: row.password_hash },
      after: { passwordHash: hash },
      always: true,
    });
  });
  await publishAuthChange(ctx, { userId: id });
}

/**
 * First start: with VINCULO_ADMIN_PASSWORD and no users, create `admin`.
 * Returns what happened so start-up can say it.
 */
export async function ensureFirstAdmin(ctx: AppContext): Promise<"created" | "exists" | "missing"> {
  if ((await repo.countUsers(ctx.db)) > 0) return "exists";
  if (!ctx.config.adminPassword) return "missing";
  try {
    await createUser(ctx, {
      username: "admin",
      name: "Administrador",
      email: "admin@localhost",
      password: ctx.config.adminPassword,
      isAdmin: true,
    });
  } catch (error) {
    // Another server created it first (several servers starting on one PostgreSQL).
    if (error instanceof AppError && error.code === "conflict") return "exists";
    throw error;
  }
  return "created";
}
