import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TicketSummary } from "../../../../shared/tickets.schemas.ts";
import { isApiError } from "../../../app/api.ts";
import { useErrorMessage } from "../../../app/error-message.ts";
import { applyServerErrors } from "../../../app/zod-form.ts";
import { refreshTicket, ticketQuery } from "../api/tickets-api.ts";

type FieldSetter = (field: string, message: string) => void;

/**
 * What a ticket dialog does with a failed change. 412: someone changed the ticket first, so it
 * is reloaded, the dialog keeps what the user typed and sends the new version next time. 409 (a
 * closed ticket takes no note, for instance): the server's own sentence. 400: the server's
 * messages on their fields. Anything else: a translated message. Errors show in the dialog.
 */
export function useTicketErrors(ticket: TicketSummary) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  // The ticket as last read: a 412 brings the current one (its version, its subject).
  const [current, setCurrent] = useState<TicketSummary>(ticket);
  const [alert, setAlert] = useState<string | null>(null);

  const reload = async () => {
    try {
      setCurrent(await queryClient.fetchQuery({ ...ticketQuery(ticket.id), staleTime: 0 }));
    } catch {
      // The list reload below still brings the current data.
    }
    await refreshTicket(queryClient, ticket);
  };

  const onError = async (error: unknown, fields: readonly string[] = [], setFieldError?: FieldSetter) => {
    if (isApiError(error) && error.status === 412) {
      setAlert(t("tickets.stale"));
      await reload();
      return;
    }
    if (isApiError(error) && error.status === 409) {
      setAlert(error.message);
      await reload();
      return;
    }
    if (setFieldError && isApiError(error) && applyServerErrors(error, fields, setFieldError)) return;
    setAlert(errorMessage(error));
  };

  return { current, version: current.version, alert, clearAlert: () => setAlert(null), onError };
}
