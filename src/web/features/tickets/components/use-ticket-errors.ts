import "../i18n/index.ts";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TicketSummary } from "../../../../shared/tickets.schemas.ts";
import { useChangeErrors } from "../../../app/use-change-errors.ts";
import { refreshTicket, ticketQuery } from "../api/tickets-api.ts";

/**
 * A ticket dialog's failed change (app/use-change-errors.ts): a 409 (a closed ticket takes no
 * note, for instance) is the server's own sentence; the ticket and its lists are reloaded.
 */
export function useTicketErrors(ticket: TicketSummary) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useChangeErrors<TicketSummary>(ticket, {
    reload: () => queryClient.fetchQuery({ ...ticketQuery(ticket.id), staleTime: 0 }),
    refresh: () => refreshTicket(queryClient, ticket),
    staleMessage: t("tickets.stale"),
    isRefusal: (error) => error.status === 409,
  });
}
