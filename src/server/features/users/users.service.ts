import type { UserRow } from "../../../shared/users.schemas.ts";
import type { AppContext } from "../../context.ts";
import { isUniqueViolation } from "../../db/db-errors.ts";
import { AppError } from "../../errors.ts";
import { hashPassword } from "../auth/password.ts";
import * as repo from "./users.repository.ts";

type Row = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

export const toUserRow = (r: Row): UserRow => ({
  id: r.id,
  username: r.username,
  name: r.name,
  email: r.email,
  isAdmin: r.is_admin === 1,
  isActive: r.is_active === 1,
  createdAt: r.created_at,
  version: r.version,
});

export async function createUser(
  ctx: AppContext,
  input: { username: string; name: string; email: string; password: string; isAdmin: boolean },
): Promise<UserRow> {
  const username = input.username.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const taken = () =>
    new AppError("conflict", `username: o usuário "${username}" já existe.`, [
      { field: "username", message: "já existe" },
    ]);
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.findByUsername(trx, username)) throw taken();
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
    const row = await repo.findById(trx, id);
    if (!row) throw new Error("user vanished after insert");
    return toUserRow(row);
  });
}

export async function listUsers(ctx: AppContext): Promise<UserRow[]> {
  return (await repo.listUsers(ctx.db)).map(toUserRow);
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
