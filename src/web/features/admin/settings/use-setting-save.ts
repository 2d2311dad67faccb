import { useState } from "react";
import { notifySuccess } from "../../../app/notify.ts";
import { useSaveErrorHandler } from "../shared/save-errors.ts";
import { type SettingsItems, type SettingsPath, useSaveSetting } from "./settings-api.ts";

type Options<P extends SettingsPath> = {
  path: P;
  /** The record being edited; null creates a new one. */
  item: SettingsItems[P] | null;
  fields: readonly string[];
  setFieldError: (field: string, message: string) => void;
  success: (saved: SettingsItems[P]) => string;
  onDone: () => void;
};

/** Saves a settings record (PATCH with its version, or POST) and reports the outcome. */
export function useSettingSave<P extends SettingsPath>({
  path,
  item,
  fields,
  setFieldError,
  success,
  onDone,
}: Options<P>) {
  const save = useSaveSetting(path);
  const handleError = useSaveErrorHandler();
  const [alert, setAlert] = useState<string | null>(null);
  const run = (body: object) => {
    setAlert(null);
    save.mutate(
      { id: item?.id ?? null, body: item ? { ...body, version: item.version } : body },
      {
        onSuccess: (saved) => {
          notifySuccess(success(saved));
          onDone();
        },
        onError: (error) => handleError(error, { fields, setFieldError, setAlert, onStale: onDone }),
      },
    );
  };
  return { run, alert, pending: save.isPending };
}
