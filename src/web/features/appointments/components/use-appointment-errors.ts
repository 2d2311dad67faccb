import "../i18n/index.ts";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Appointment } from "../../../../shared/appointments.schemas.ts";
import { useChangeErrors } from "../../../app/use-change-errors.ts";
import { appointmentQuery } from "../api/appointments-api.ts";

/**
 * An appointment dialog's failed change (app/use-change-errors.ts): a 409/423 without field
 * issues (past, done, deleted, locked by someone) is the server's own sentence, which says why and
 * who. The lists are refreshed by the mutation itself.
 */
export function useAppointmentErrors(appointment: Appointment) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useChangeErrors<Appointment>(appointment, {
    reload: () => queryClient.fetchQuery({ ...appointmentQuery(appointment.id), staleTime: 0 }),
    staleMessage: t("appointments.form.stale"),
    isRefusal: (error) => (error.status === 409 || error.status === 423) && error.fieldIssues.length === 0,
  });
}
