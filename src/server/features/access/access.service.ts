import { type Level, TABS, type Tab } from "../../../shared/access.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { fail } from "../../errors.ts";
import { authCacheOf, publishAuthChange } from "../auth/auth.cache.ts";
import * as repo from "./access.repository.ts";

/**
 * The one place that decides access (DESIGN.md "Access"): a grant is
 * (category, tab, level). A user sees a person when some grant covers one of
 * the person's categories, sees a tab when a grant covers it for the selected
 * category, and changes data only with "write". Administrators see all.
 */
export type UserAccess = {
  isAdmin: boolean;
  /** category id → tab → best level granted by any of the user's profiles (shared with the cache: read only) */
  byCategory: ReadonlyMap<number, ReadonlyMap<Tab, Level>>;
};

const ADMIN_ACCESS: UserAccess = { isAdmin: true, byCategory: new Map() };

/**
 * The user's grants. Served from this server's per-user cache when `db` is a server's handle
 * (zero queries once warm); a transaction reads the database. The cache drops a user's grants
 * when an edit of the user, a profile or a category is published (auth.cache.ts).
 */
export async function loadAccess(db: Executor, user: AuthUser): Promise<UserAccess> {
  if (user.isAdmin) return ADMIN_ACCESS;
  const cache = authCacheOf(db);
  // Taken before the read: an invalidation that lands meanwhile keeps this read out of the cache.
  const generation = cache?.grants.generation();
  const hit = cache?.usable ? cache.grants.get(user.id) : undefined;
  if (hit) return { isAdmin: false, byCategory: hit };
  const rows = await repo.grantRows(db, user.id);
  const byCategory = new Map<number, Map<Tab, Level>>();
  for (const r of rows) {
    const tabs = byCategory.get(r.category_id) ?? new Map<Tab, Level>();
    if (tabs.get(r.tab as Tab) !== "write") tabs.set(r.tab as Tab, r.level as Level);
    byCategory.set(r.category_id, tabs);
  }
  if (cache?.usable && generation !== undefined) cache.grants.set(user.id, byCategory, generation);
  return { isAdmin: false, byCategory };
}

/** Category ids whose persons this user may see; null means every category (administrator). */
export function visibleCategoryIds(access: UserAccess): number[] | null {
  return access.isAdmin ? null : [...access.byCategory.keys()];
}

export function canSeePerson(access: UserAccess, personCategoryIds: number[]): boolean {
  return access.isAdmin || personCategoryIds.some((id) => access.byCategory.has(id));
}

/** The tabs (and levels) this user has for one of the person's categories. */
export function tabsFor(access: UserAccess, categoryId: number): { tab: Tab; level: Level }[] {
  if (access.isAdmin) return TABS.map((tab) => ({ tab, level: "write" as const }));
  const tabs = access.byCategory.get(categoryId);
  return TABS.filter((t) => tabs?.has(t)).map((tab) => ({ tab, level: tabs?.get(tab) as Level }));
}

/**
 * The level for a tab of a person: for the selected category when the client
 * names one (it must be one of the person's), else the best over the person's
 * categories.
 */
export function tabLevel(
  access: UserAccess,
  personCategoryIds: number[],
  tab: Tab,
  selectedCategoryId?: number,
): Level | null {
  if (access.isAdmin) return "write";
  const ids =
    selectedCategoryId === undefined ? personCategoryIds : personCategoryIds.filter((id) => id === selectedCategoryId);
  let best: Level | null = null;
  for (const id of ids) {
    const level = access.byCategory.get(id)?.get(tab);
    if (level === "write") return "write";
    if (level === "read") best = "read";
  }
  return best;
}

const TAB_LABEL: Record<Tab, string> = {
  addresses: "Endereços",
  tickets: "Atendimentos",
  production: "Produção",
  receivables: "A receber",
  currentAccount: "Conta corrente",
  contracts: "Contratos",
  related: "Pessoas relacionadas",
  appointments: "Agendamentos",
};

export function assertTab(
  access: UserAccess,
  personCategoryIds: number[],
  tab: Tab,
  need: Level,
  selectedCategoryId?: number,
): void {
  const level = tabLevel(access, personCategoryIds, tab, selectedCategoryId);
  if (!level) throw fail("forbidden", "no_tab_access", { tab: TAB_LABEL[tab] });
  if (need === "write" && level !== "write") throw fail("forbidden", "tab_read_only", { tab: TAB_LABEL[tab] });
}

/** Whether the user may write anything for a category (create a person in it, change its header). */
export function canWriteCategory(access: UserAccess, categoryId: number): boolean {
  if (access.isAdmin) return true;
  const tabs = access.byCategory.get(categoryId);
  return tabs ? [...tabs.values()].includes("write") : false;
}

export async function accessFor(ctx: AppContext, user: AuthUser): Promise<UserAccess> {
  return loadAccess(ctx.db, user);
}

/**
 * Call after a transaction that changed grants commits (a profile's grants, a category's
 * activation): every server drops every cached grant set before the request answers.
 */
export async function grantsChanged(ctx: AppContext): Promise<void> {
  await publishAuthChange(ctx, { all: true });
}

export type VisiblePerson = { row: repo.PersonRow; categoryIds: number[]; access: UserAccess };

const personNotFound = () => fail("not_found", "person_not_found");

/** The person if this user may see it; 404 otherwise, so no one learns what exists. */
export async function visiblePerson(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  db: Executor = ctx.db,
): Promise<VisiblePerson> {
  const row = await repo.personByCode(db, code);
  if (!row) throw personNotFound();
  const [categoryIds, access] = await Promise.all([repo.personCategoryIds(db, row.id), loadAccess(db, user)]);
  if (!canSeePerson(access, categoryIds)) throw personNotFound();
  return { row, categoryIds, access };
}

/** Resolves a person for a tab endpoint and checks the grant: 404 when invisible, 403 without the tab. */
export async function personForTab(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  tab: Tab,
  need: Level,
  selectedCategoryId?: number,
  db: Executor = ctx.db,
): Promise<VisiblePerson> {
  const vp = await visiblePerson(ctx, user, code, db);
  assertTab(vp.access, vp.categoryIds, tab, need, selectedCategoryId);
  return vp;
}

/** Same as personForTab, starting from the internal id (for /api/addresses/{id} and the like). */
export async function personByIdForTab(
  ctx: AppContext,
  user: AuthUser,
  personId: number,
  tab: Tab,
  need: Level,
  selectedCategoryId?: number,
  db: Executor = ctx.db,
): Promise<VisiblePerson> {
  const row = await repo.personById(db, personId);
  if (!row) throw personNotFound();
  return personForTab(ctx, user, row.code, tab, need, selectedCategoryId, db);
}

/** Whether this user may see the person with this internal id (for lists that name other persons). */
export async function canSeePersonId(db: Executor, access: UserAccess, personId: number): Promise<boolean> {
  return canSeePerson(access, await repo.personCategoryIds(db, personId));
}
