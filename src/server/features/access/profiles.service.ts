import type { AccessProfile, Grant, Level, Tab } from "../../../shared/access.schemas.ts";
import type { AppContext } from "../../context.ts";
import { isUniqueViolation } from "../../db/db-errors.ts";
import type { Executor } from "../../db/types.ts";
import { fail, fieldError } from "../../errors.ts";
import { inTransaction, recordChange } from "../audit/journal.ts";
import { grantsChanged } from "./access.service.ts";
import * as repo from "./profiles.repository.ts";

async function loadProfiles(db: Executor, ids?: number[]): Promise<AccessProfile[]> {
  const profiles = await repo.listProfiles(db, ids);
  if (!profiles.length) return [];
  const pids = profiles.map((p) => p.id);
  const [grants, users] = await Promise.all([repo.grantsOf(db, pids), repo.userCounts(db, pids)]);
  return profiles.map((p) => ({
    id: p.id,
    name: p.name,
    version: p.version,
    userCount: users.get(p.id) ?? 0,
    grants: grants
      .filter((g) => g.profile_id === p.id)
      .map((g) => ({ categoryId: g.category_id, tab: g.tab as Tab, level: g.level as Level })),
  }));
}

/** A profile as the audit log keeps it: its name and its grants as "category:tab:level", sorted. */
const auditedProfile = (p: AccessProfile) => ({
  name: p.name,
  grants: p.grants.map((g) => `${g.categoryId}:${g.tab}:${g.level}`).sort(),
});

export const listProfiles = (ctx: AppContext) => loadProfiles(ctx.db);

async function getProfile(db: Executor, id: number): Promise<AccessProfile> {
  const [profile] = await loadProfiles(db, [id]);
  if (!profile) throw fail("not_found", "profile_not_found");
  return profile;
}

async function writeGrants(db: Executor, profileId: number, grants: Grant[]) {
  const categoryIds = [...new Set(grants.map((g) => g.categoryId))];
  const found = await repo.existingCategoryIds(db, categoryIds);
  const missing = categoryIds.filter((id) => !found.includes(id));
  if (missing.length) throw fieldError("grants", "unknown_category", { category: missing.join(", ") });
  await repo.replaceGrants(db, profileId, grants);
}

/** A unique-name violation, raised by the database when two administrators save the same name at once. */
const asDuplicateName = (error: unknown) => {
  throw isUniqueViolation(error) ? fieldError("name", "profile_name_taken", undefined, "conflict") : error;
};

export async function createProfile(ctx: AppContext, body: { name: string; grants: Grant[] }): Promise<AccessProfile> {
  return inTransaction(ctx, async (trx) => {
    const id = await repo.insertProfile(trx, body.name, ctx.now().toISOString());
    await writeGrants(trx, id, body.grants);
    const created = await getProfile(trx, id);
    recordChange(trx, ctx, { entity: "access_profile", id, action: "create", after: auditedProfile(created) });
    return created;
  }).catch(asDuplicateName);
}

export async function updateProfile(
  ctx: AppContext,
  id: number,
  body: { name?: string | undefined; grants?: Grant[] | undefined; version: number },
): Promise<AccessProfile> {
  const profile = await inTransaction(ctx, async (trx) => {
    const current = await getProfile(trx, id);
    const updated = await repo.updateProfile(trx, id, body.version, {
      name: body.name ?? current.name,
      updated_at: ctx.now().toISOString(),
    });
    if (!updated) throw fail("stale_version", "profile_changed", undefined, { currentVersion: current.version });
    if (body.grants) await writeGrants(trx, id, body.grants);
    const after = await getProfile(trx, id);
    recordChange(trx, ctx, {
      entity: "access_profile",
      id,
      action: "update",
      before: auditedProfile(current),
      after: auditedProfile(after),
    });
    return after;
  }).catch(asDuplicateName);
  if (body.grants) await grantsChanged(ctx);
  return profile;
}

export async function deleteProfile(ctx: AppContext, id: number): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const current = await getProfile(trx, id);
    await repo.deleteProfile(trx, id);
    recordChange(trx, ctx, {
      entity: "access_profile",
      id,
      action: "delete",
      before: { ...auditedProfile(current), userCount: current.userCount },
    });
  });
  // Its users lose its grants (the links go with it).
  await grantsChanged(ctx);
}
