import type { MeResponse } from "../../../shared/auth.schemas.ts";

/** Whoever may see Atendimentos or Produção somewhere has a "Meus atendimentos" (no zod, no strings: first-load safe). */
export const hasTicketAccess = (me: MeResponse): boolean =>
  me.user.isAdmin || me.grants.some((g) => g.tab === "tickets" || g.tab === "production");

export const MY_TICKETS_PATH = "/meus-atendimentos";
