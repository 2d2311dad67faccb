import type { MeResponse } from "../../shared/auth.schemas.ts";

/**
 * What the screens offer, mirrored from the server's rules (it refuses anyway): every feature and
 * the layout ask here, so no feature imports another to know what a user may do. No zod, no
 * strings: first-load safe.
 */

/**
 * A user may create a person in, or change the header of a person of, a category where some tab
 * is granted with "write" (access.service canWriteCategory).
 */
export function canWriteCategory(me: MeResponse, categoryId: number): boolean {
  return me.user.isAdmin || me.grants.some((g) => g.categoryId === categoryId && g.level === "write");
}

export const canCreatePerson = (me: MeResponse): boolean =>
  me.user.isAdmin || me.grants.some((g) => g.level === "write");

/** Changing the header and sending e-mail to the person: a write grant in one of its categories. */
export const canEditPerson = (me: MeResponse, categoryIds: readonly number[]): boolean =>
  categoryIds.some((id) => canWriteCategory(me, id));

/** Whoever may see Atendimentos or Produção somewhere has a "Meus atendimentos" and Fatores críticos. */
export const hasTicketAccess = (me: MeResponse): boolean =>
  me.user.isAdmin || me.grants.some((g) => g.tab === "tickets" || g.tab === "production");

/** Whoever may see Agendamentos somewhere has an Agenda. */
export const hasAppointmentAccess = (me: MeResponse): boolean =>
  me.user.isAdmin || me.grants.some((g) => g.tab === "appointments");
