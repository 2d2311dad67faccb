import { type Level, TABS, type Tab } from "../../../shared/access.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { AppError } from "../../errors.ts";

/**
 * The one place that decides access (DESIGN.md "Access"): a grant is
 * (category, tab, level). A user sees a person when some grant covers one of
 * the person's categories, sees a tab when a grant covers it for the selected
 * category, and changes data only with "write". Administrators see all.
 */
export type UserAccess = {
  isAdmin: boolean;
  /** category id → tab → best level granted by any of the user's profiles */
  byCategory: Map<number, Map<Tab, Level>>;
};

export async function loadAccess(db: Executor, user: AuthUser): Promise<UserAccess> {
  if (user.isAdmin) return { isAdmin: true, byCategory: new Map() };
  const rows = await db
    .selectFrom("user_access_profiles as uap")
    .innerJoin("access_grants as g", "g.profile_id", "uap.profile_id")
    .innerJoin("categories as c", "c.id", "g.category_id")
    .select(["g.category_id", "g.tab", "g.level"])
    .where("uap.user_id", "=", user.id)
    .where("c.is_active", "=", 1)
    .execute();
  const byCategory = new Map<number, Map<Tab, Level>>();
  for (const r of rows) {
    const tabs = byCategory.get(r.category_id) ?? new Map<Tab, Level>();
    if (tabs.get(r.tab as Tab) !== "write") tabs.set(r.tab as Tab, r.level as Level);
    byCategory.set(r.category_id, tabs);
  }
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
  if (!level) throw new AppError("forbidden", `Você não tem acesso à aba ${TAB_LABEL[tab]} desta pessoa.`);
  if (need === "write" && level !== "write") {
    throw new AppError("forbidden", `Seu acesso à aba ${TAB_LABEL[tab]} é somente leitura.`);
  }
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
