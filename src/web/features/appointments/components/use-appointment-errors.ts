import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Appointment } from "../../../../shared/appointments.schemas.ts";
import { isApiError } from "../../../app/api.ts";
import { useErrorMessage } from "../../../app/error-message.ts";
import { applyServerErrors } from "../../../app/zod-form.ts";
import { appointmentQuery } from "../api/appointments-api.ts";

type FieldSetter = (field: string, message: string) => void;

/**
 * What an appointment dialog does with a failed change. 412: someone changed it first, so it is
 * reloaded and the dialog keeps what the user typed, sending the new version next time. 409/423
 * (past, done, deleted, locked by someone): the server's own sentence, which says why and who.
 * 400: the server's messages on their fields. Anything else: a translated message.
 */
export function useAppointmentErrors(appointment: Appointment) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  // The appointment as last read: a 412 or a refusal brings the current one (version, lock).
  const [current, setCurrent] = useState<Appointment>(appointment);
  const [alert, setAlert] = useState<string | null>(null);

  const reload = async () => {
    try {
      setCurrent(await queryClient.fetchQuery({ ...appointmentQuery(appointment.id), staleTime: 0 }));
    } catch {
      // The lists are refreshed by the mutation anyway.
    }
  };

  const onError = async (error: unknown, fields: readonly string[] = [], setFieldError?: FieldSetter) => {
    if (isApiError(error) && error.status === 412) {
      setAlert(t("appointments.form.stale"));
      await reload();
      return;
    }
    if (isApiError(error) && (error.status === 409 || error.status === 423) && error.fieldIssues.length === 0) {
      setAlert(error.message);
      await reload();
      return;
    }
    if (setFieldError && isApiError(error) && applyServerErrors(error, fields, setFieldError)) return;
    setAlert(errorMessage(error));
  };

  return { current, version: current.version, alert, clearAlert: () => setAlert(null), onError };
}
