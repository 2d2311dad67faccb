import type { MeResponse } from "../../../shared/auth.schemas.ts";

/** Whoever may see Agendamentos somewhere has an Agenda (no zod, no strings: first-load safe). */
export const hasAppointmentAccess = (me: MeResponse): boolean =>
  me.user.isAdmin || me.grants.some((g) => g.tab === "appointments");

export const AGENDA_PATH = "/agenda";
