import type { AccessProfile, Grant, Level, Tab } from "../../../shared/access.schemas.ts";
import type { AppContext } from "../../context.ts";
import { isUniqueViolation } from "../../db/db-errors.ts";
import type { Executor } from "../../db/types.ts";
import { AppError, badRequest } from "../../errors.ts";

async function loadProfiles(db: Executor, ids?: number[]): Promise<AccessProfile[]> {
  let q = db.selectFrom("access_profiles").selectAll().orderBy("name");
  if (ids) q = q.where("id", "in", ids.length ? ids : [0]);
  const profiles = await q.execute();
  if (!profiles.length) return [];
  const pids = profiles.map((p) => p.id);
  const [grants, users] = await Promise.all([
    db
      .selectFrom("access_grants")
      .selectAll()
      .where("profile_id", "in", pids)
      .orderBy("category_id")
      .orderBy("tab")
      .execute(),
    db
      .selectFrom("user_access_profiles")
      .select(["profile_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("profile_id", "in", pids)
      .groupBy("profile_id")
      .execute(),
  ]);
  return profiles.map((p) => ({
    id: p.id,
    name: p.name,
    version: p.version,
    userCount: Number(users.find((u) => u.profile_id === p.id)?.n ?? 0),
    grants: grants
      .filter((g) => g.profile_id === p.id)
      .map((g) => ({ categoryId: g.category_id, tab: g.tab as Tab, level: g.level as Level })),
  }));
}

export const listProfiles = (ctx: AppContext) => loadProfiles(ctx.db);

async function getProfile(db: Executor, id: number): Promise<AccessProfile> {
  const [profile] = await loadProfiles(db, [id]);
  if (!profile) throw new AppError("not_found", "Perfil de acesso não encontrado.");
  return profile;
}

async function writeGrants(db: Executor, profileId: number, grants: Grant[]) {
  const categoryIds = [...new Set(grants.map((g) => g.categoryId))];
  if (categoryIds.length) {
    const found = await db.selectFrom("categories").select("id").where("id", "in", categoryIds).execute();
    const missing = categoryIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw badRequest("grants", `categoria desconhecida: ${missing.join(", ")}`);
  }
  await db.deleteFrom("access_grants").where("profile_id", "=", profileId).execute();
  if (grants.length) {
    await db
      .insertInto("access_grants")
      .values(grants.map((g) => ({ profile_id: profileId, category_id: g.categoryId, tab: g.tab, level: g.level })))
      .execute();
  }
}

const duplicate = () =>
  new AppError("conflict", "name: já existe um perfil com este nome.", [{ field: "name", message: "já existe" }]);

export async function createProfile(ctx: AppContext, body: { name: string; grants: Grant[] }): Promise<AccessProfile> {
  const now = ctx.now().toISOString();
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const { id } = await trx
        .insertInto("access_profiles")
        .values({ name: body.name, created_at: now, updated_at: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      await writeGrants(trx, id, body.grants);
      return getProfile(trx, id);
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicate() : error;
    });
}

export async function updateProfile(
  ctx: AppContext,
  id: number,
  body: { name?: string | undefined; grants?: Grant[] | undefined; version: number },
): Promise<AccessProfile> {
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const current = await getProfile(trx, id);
      const result = await trx
        .updateTable("access_profiles")
        .set({ name: body.name ?? current.name, updated_at: ctx.now().toISOString(), version: current.version + 1 })
        .where("id", "=", id)
        .where("version", "=", body.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        throw new AppError("stale_version", "Outra pessoa alterou este perfil; recarregue.", {
          currentVersion: current.version,
        });
      }
      if (body.grants) await writeGrants(trx, id, body.grants);
      return getProfile(trx, id);
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? duplicate() : error;
    });
}

export async function deleteProfile(ctx: AppContext, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await getProfile(trx, id);
    await trx.deleteFrom("access_profiles").where("id", "=", id).execute();
  });
}
