import type { Tab } from "../../shared/access.schemas.ts";
import type { TicketArea } from "../../shared/tickets.schemas.ts";

/**
 * The app's addresses, in Portuguese like the rest of its paths, and how a person's code reads:
 * every feature links to the person screen and its tabs through these.
 */

export const MY_TICKETS_PATH = "/meus-atendimentos";
export const AGENDA_PATH = "/agenda";
export const CRITICAL_FACTORS_PATH = "/fatores-criticos";

/** Person codes are shown and linked zero-padded to 6 digits ("000042"); bigger codes keep all their digits. */
export const formatPersonCode = (code: number): string => String(code).padStart(6, "0");

export const personPath = (code: number): string => `/pessoas/${formatPersonCode(code)}`;

/** The same bound as the API's personCode schema (kept here so this file stays free of zod). */
const MAX_PERSON_CODE = 2_000_000_000;

/** "000042", "42" → 42; anything else (letters, zero, too big) → null. */
export function parsePersonCode(value: string | null | undefined): number | null {
  const trimmed = value?.trim() ?? "";
  if (!/^\d{1,10}$/.test(trimmed)) return null;
  const code = Number(trimmed);
  return code > 0 && code <= MAX_PERSON_CODE ? code : null;
}

/** The person screen's tabs in the URL (?aba=). */
const TAB_SLUGS: Record<Tab, string> = {
  addresses: "enderecos",
  tickets: "atendimentos",
  production: "producao",
  receivables: "a-receber",
  currentAccount: "conta-corrente",
  contracts: "contratos",
  related: "pessoas-relacionadas",
  appointments: "agendamentos",
};

export const tabSlug = (tab: Tab): string => TAB_SLUGS[tab];

export function tabFromSlug(slug: string | null): Tab | null {
  const found = Object.entries(TAB_SLUGS).find(([, s]) => s === slug);
  return found ? (found[0] as Tab) : null;
}

/** The person screen, on the tab of the ticket's area (Atendimentos or Produção). */
export const ticketPersonPath = (ticket: { person: { code: number }; area: TicketArea }) =>
  `${personPath(ticket.person.code)}?aba=${tabSlug(ticket.area === "production" ? "production" : "tickets")}`;
