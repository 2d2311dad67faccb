import type { MeResponse } from "../../../shared/auth.schemas.ts";

/**
 * Mirrors the server's rule (access.service canWriteCategory): a user may create a person in, or
 * change the header of a person of, a category where some tab is granted with "write".
 */
export function canWriteCategory(me: MeResponse, categoryId: number): boolean {
  return me.user.isAdmin || me.grants.some((g) => g.categoryId === categoryId && g.level === "write");
}

export const canCreatePerson = (me: MeResponse): boolean =>
  me.user.isAdmin || me.grants.some((g) => g.level === "write");

export const canEditPerson = (me: MeResponse, categoryIds: readonly number[]): boolean =>
  categoryIds.some((id) => canWriteCategory(me, id));
