import type { Tab } from "../../../shared/access.schemas.ts";

/** The person screen's tabs in the URL (?aba=), in Portuguese like the rest of the app's paths. */
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
