import { useState } from "react";
import { type ApiError, isApiError } from "./api.ts";
import { useErrorMessage, useServerText } from "./error-message.ts";
import { applyServerErrors } from "./zod-form.ts";

type FieldSetter = (field: string, message: string) => void;

type Options<T> = {
  /** The record as the server has it now (after a 412 or a refusal). */
  reload: () => Promise<T>;
  /** What else to refresh after a 412 or a refusal (the lists that show the record). */
  refresh?: () => Promise<unknown>;
  /** The alert of a 412. */
  staleMessage: string;
  /** The failures that say why in the server's own sentence (a 409's rule, a 423's lock holder). */
  isRefusal: (error: ApiError) => boolean;
};

/**
 * What a dialog about one versioned record (a ticket, an appointment) does with a failed change.
 * 412: someone changed it first, so it is reloaded and the dialog keeps what the user typed,
 * sending the new version next time. A refusal: the server's own sentence (in the user's language),
 * and the record is reloaded. 400: the server's messages on their fields. Anything else: a
 * translated message. Every error shows in the dialog's alert.
 */
export function useChangeErrors<T extends { version: number }>(record: T, options: Options<T>) {
  const errorMessage = useErrorMessage();
  const texts = useServerText();
  // The record as last read: a 412 or a refusal brings the current one (its version, its lock).
  const [current, setCurrent] = useState<T>(record);
  const [alert, setAlert] = useState<string | null>(null);

  const reload = async () => {
    try {
      setCurrent(await options.reload());
    } catch {
      // The lists' refresh still brings the current data.
    }
    await options.refresh?.();
  };

  const onError = async (error: unknown, fields: readonly string[] = [], setFieldError?: FieldSetter) => {
    if (isApiError(error) && error.status === 412) {
      setAlert(options.staleMessage);
      await reload();
      return;
    }
    if (isApiError(error) && options.isRefusal(error)) {
      setAlert(texts.server(error));
      await reload();
      return;
    }
    if (setFieldError && isApiError(error) && applyServerErrors(error, fields, setFieldError)) return;
    setAlert(errorMessage(error));
  };

  return { current, version: current.version, alert, clearAlert: () => setAlert(null), onError };
}
