import type { CreateUserBody, UpdateUserBody, UserRow } from "../../../shared/users.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { isUniqueViolation } from "../../db/db-errors.ts";
import type { Executor } from "../../db/types.ts";
import { AppError, badRequest } from "../../errors.ts";
import { deleteUserSessions } from "../auth/auth.repository.ts";
import { hashPassword } from "../auth/password.ts";
import * as repo from "./users.repository.ts";

type Row = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

async function toUserRows(db: Executor, rows: Row[]): Promise<UserRow[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const personIds = rows.map((r) => r.person_id).filter((id): id is number => id !== null);
  const [links, persons] = await Promise.all([
    db.selectFrom("user_access_profiles").select(["user_id", "profile_id"]).where("user_id", "in", ids).execute(),
    personIds.length
      ? db.selectFrom("persons").select(["id", "code", "name"]).where("id", "in", personIds).execute()
      : Promise.resolve([]),
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

async function getUser(db: Executor, id: number): Promise<UserRow> {
  const row = await repo.findById(db, id);
  if (!row) throw new AppError("not_found", "Usuário não encontrado.");
  const [user] = await toUserRows(db, [row]);
  if (!user) throw new AppError("not_found", "Usuário não encontrado.");
  return user;
}

async function resolvePersonId(db: Executor, code: number | null | undefined): Promise<number | null | undefined> {
  if (code === undefined) return undefined;
  if (code === null) return null;
  const person = await db.selectFrom("persons").select("id").where("code", "=", code).executeTakeFirst();
  if (!person) throw badRequest("personCode", "pessoa não encontrada");
  return person.id;
}

async function setProfiles(db: Executor, userId: number, profileIds: number[]) {
  const ids = [...new Set(profileIds)];
  if (ids.length) {
    const found = await db.selectFrom("access_profiles").select("id").where("id", "in", ids).execute();
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw badRequest("accessProfileIds", `perfil desconhecido: ${missing.join(", ")}`);
  }
  await db.deleteFrom("user_access_profiles").where("user_id", "=", userId).execute();
  if (ids.length) {
    await db
      .insertInto("user_access_profiles")
      .values(ids.map((profile_id) => ({ user_id: userId, profile_id })))
      .execute();
  }
}

export async function createUser(
  ctx: AppContext,
  input: Omit<CreateUserBody, "accessProfileIds" | "isAdmin"> &
    Partial<Pick<CreateUserBody, "accessProfileIds" | "isAdmin">>,
): Promise<UserRow> {
  const username = input.username.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const taken = () =>
    new AppError("conflict", `username: o usuário "${username}" já existe.`, [
      { field: "username", message: "já existe" },
    ]);
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.findByUsername(trx, username)) throw taken();
    const personId = await resolvePersonId(trx, input.personCode);
    const id = await repo
      .insertUser(trx, {
        username,
        name: input.name,
        email: input.email,
        password_hash: passwordHash,
        is_admin: input.isAdmin ? 1 : 0,
        created_at: ctx.now().toISOString(),
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? taken() : error;
      });
    if (personId) await trx.updateTable("users").set({ person_id: personId }).where("id", "=", id).execute();
    if (input.accessProfileIds?.length) await setProfiles(trx, id, input.accessProfileIds);
    return getUser(trx, id);
  });
}

export async function listUsers(ctx: AppContext): Promise<UserRow[]> {
  return toUserRows(ctx.db, await repo.listUsers(ctx.db));
}

export async function updateUser(ctx: AppContext, actor: AuthUser, id: number, body: UpdateUserBody): Promise<UserRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findById(trx, id);
    if (!row) throw new AppError("not_found", "Usuário não encontrado.");
    if (row.version !== body.version) {
      throw new AppError("stale_version", "Outra pessoa alterou este usuário; recarregue.", {
        currentVersion: row.version,
      });
    }
    // Nobody locks themselves out of administration by accident.
    if (actor.id === id && (body.isAdmin === false || body.isActive === false)) {
      throw new AppError("conflict", "Você não pode retirar o seu próprio acesso de administrador nem se desativar.");
    }
    const personId = await resolvePersonId(trx, body.personCode);
    const result = await trx
      .updateTable("users")
      .set({
        ...(body.name !== undefined && { name: body.name }),
        ...(body.email !== undefined && { email: body.email }),
        ...(body.isAdmin !== undefined && { is_admin: body.isAdmin ? 1 : 0 }),
        ...(body.isActive !== undefined && { is_active: body.isActive ? 1 : 0 }),
        ...(personId !== undefined && { person_id: personId }),
        updated_at: ctx.now().toISOString(),
        version: row.version + 1,
      })
      .where("id", "=", id)
      .where("version", "=", row.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw new AppError("stale_version", "Outra pessoa alterou este usuário; recarregue.");
    }
    if (body.accessProfileIds) await setProfiles(trx, id, body.accessProfileIds);
    if (body.isActive === false) await deleteUserSessions(trx, id);
    return getUser(trx, id);
  });
}

/** An administrator sets a new password; every session of that user ends. */
export async function resetPassword(ctx: AppContext, id: number, password: string): Promise<void> {
  const hash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findById(trx, id);
    if (!row) throw new AppError("not_found", "Usuário não encontrado.");
    await trx
      .updateTable("users")
      .set({ password_hash: hash, updated_at: ctx.now().toISOString(), version: row.version + 1 })
      .where("id", "=", id)
      .execute();
    await deleteUserSessions(trx, id);
  });
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
