import { useState } from "react";
import { isApiError } from "../../api.ts";
import { useServerText } from "../../error-message.ts";
import { notifySuccess } from "../../notify.ts";
import { useSaveErrorHandler } from "../../save-errors.ts";
import { type SettingsItems, type SettingsPath, useSaveSetting } from "./settings-api.ts";

type Options<P extends SettingsPath> = {
  path: P;
  /** The record being edited; null creates a new one. */
  item: SettingsItems[P] | null;
  fields: readonly string[];
  setFieldError: (field: string, message: string) => void;
  success: (saved: SettingsItems[P]) => string;
  onDone: () => void;
  /**
   * What a 409 on a field other than the name says (e.g. a ticket type in use keeps its area);
   * a 409 on `name` is always "this name already exists".
   */
  conflicts?: Readonly<Record<string, string>>;
};

/** Saves a settings record (PATCH with its version, or POST) and reports the outcome. */
export function useSettingSave<P extends SettingsPath>({
  path,
  item,
  fields,
  setFieldError,
  success,
  onDone,
  conflicts,
}: Options<P>) {
  const save = useSaveSetting(path);
  const handleError = useSaveErrorHandler();
  const texts = useServerText();
  const [alert, setAlert] = useState<string | null>(null);
  const onConflict = (error: unknown): boolean => {
    if (!conflicts || !isApiError(error) || error.status !== 409) return false;
    const issues = error.fieldIssues.filter((issue) => Object.hasOwn(conflicts, issue.field));
    for (const issue of issues) setFieldError(issue.field, conflicts[issue.field] ?? texts.issue(issue, error));
    return issues.length > 0;
  };
  const run = (body: object) => {
    setAlert(null);
    save.mutate(
      { id: item?.id ?? null, body: item ? { ...body, version: item.version } : body },
      {
        onSuccess: (saved) => {
          notifySuccess(success(saved));
          onDone();
        },
        onError: (error) => {
          if (!onConflict(error)) handleError(error, { fields, setFieldError, setAlert, onStale: onDone });
        },
      },
    );
  };
  return { run, alert, pending: save.isPending };
}
