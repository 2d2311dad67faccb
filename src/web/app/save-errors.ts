import type { FormErrors } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { isApiError } from "./api.ts";
import { useErrorMessage } from "./error-message.ts";
import { notifyError } from "./notify.ts";
import { applyServerErrors } from "./zod-form.ts";

/** Where a failed save shows: on the form's fields, in the form's alert, or (412) as a reload. */
export type SaveErrorTarget = {
  /** Field names as the server sends them in `details`. */
  fields: readonly string[];
  setFieldError: (field: string, message: string) => void;
  setAlert: (message: string | null) => void;
  /** 412: someone else saved first. The caller reloads the data and closes the form. */
  onStale: () => void;
  /** What a 409 on a field says (default: the name already exists). */
  takenMessage?: string;
};

/**
 * One way to report a failed save on the admin pages: 412 → a notification and a reload,
 * 409 on a field (a name already in use) → on that field, 400 → the server's messages on
 * their fields, anything else → the form's alert.
 */
export function useSaveErrorHandler(): (error: unknown, target: SaveErrorTarget) => void {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (error, target) => {
    if (isApiError(error) && error.status === 412) {
      notifyError(t("common.staleTitle"), t("common.staleHint"));
      target.onStale();
      return;
    }
    if (isApiError(error) && error.status === 409) {
      const taken = error.fieldIssues.filter((issue) => target.fields.includes(issue.field));
      for (const issue of taken) target.setFieldError(issue.field, target.takenMessage ?? t("common.taken"));
      if (taken.length > 0) return;
    }
    const onFields = isApiError(error) && applyServerErrors(error, target.fields, target.setFieldError);
    if (!onFields) target.setAlert(errorMessage(error));
  };
}

/** Renames error keys, e.g. the body's `personCode` to the form's `person` field. */
export function renameErrors(errors: FormErrors, names: Record<string, string>): FormErrors {
  return Object.fromEntries(Object.entries(errors).map(([key, value]) => [names[key] ?? key, value]));
}
