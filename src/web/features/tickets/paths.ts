import type { TicketSummary } from "../../../shared/tickets.schemas.ts";
import { personPath } from "../persons/person-code.ts";
import { tabSlug } from "../persons/tabs.ts";

/** The person screen, on the tab of the ticket's area (Atendimentos or Produção). */
export const ticketPersonPath = (ticket: Pick<TicketSummary, "person" | "area">) =>
  `${personPath(ticket.person.code)}?aba=${tabSlug(ticket.area === "production" ? "production" : "tickets")}`;
