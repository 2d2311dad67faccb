import { type Grant, type Level, TABS, type Tab } from "../../../../../shared/access.schemas.ts";

/** The matrix as the editor holds it: "categoryId:tab" → level; a missing key is no access. */
export type GrantMap = Readonly<Record<string, Level>>;

const key = (categoryId: number, tab: Tab) => `${categoryId}:${tab}`;

export const toGrantMap = (grants: readonly Grant[]): GrantMap =>
  Object.fromEntries(grants.map((g) => [key(g.categoryId, g.tab), g.level]));

export function toGrants(map: GrantMap): Grant[] {
  return Object.entries(map).map(([k, level]) => {
    const [categoryId, tab] = k.split(":") as [string, Tab];
    return { categoryId: Number(categoryId), tab, level };
  });
}

export const levelOf = (map: GrantMap, categoryId: number, tab: Tab): Level | null => map[key(categoryId, tab)] ?? null;

/** Sets the given cells to one level (null removes them). */
export function setCells(map: GrantMap, cells: readonly [number, Tab][], level: Level | null): GrantMap {
  const next: Record<string, Level> = { ...map };
  for (const [categoryId, tab] of cells) {
    if (level === null) delete next[key(categoryId, tab)];
    else next[key(categoryId, tab)] = level;
  }
  return next;
}

export const rowCells = (categoryId: number): [number, Tab][] => TABS.map((tab) => [categoryId, tab]);
export const columnCells = (categoryIds: readonly number[], tab: Tab): [number, Tab][] =>
  categoryIds.map((id) => [id, tab]);
