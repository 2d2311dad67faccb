import { Alert, Button, Group, Stack, Switch, TextInput } from "@mantine/core";
import { type FormErrors, type UseFormReturnType, useForm } from "@mantine/form";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { zodResolver } from "../../zod-form.ts";
import type { SettingsItems, SettingsPath } from "./settings-api.ts";
import { useSettingSave } from "./use-setting-save.ts";

/** What every settings record's form holds besides its own fields. */
type Named = { name: string; isActive: boolean };

type Options<P extends SettingsPath, V extends Named> = {
  path: P;
  /** The record being edited; null creates a new one. */
  item: SettingsItems[P] | null;
  /** The form's own fields (besides name and active), as they start. */
  initialValues: Omit<V, keyof Named>;
  /** The request body of those values (without `isActive`, which is added when editing). */
  body: (values: V) => object;
  schemas: { create: z.ZodType; update: z.ZodType };
  /** What the form requires beyond the schema (a select still empty, a number not typed). */
  required?: (values: V) => FormErrors;
  /** The notification after saving, with the saved record's name. */
  success: (saved: SettingsItems[P], created: boolean) => string;
  onDone: () => void;
  conflicts?: Readonly<Record<string, string>>;
};

export type SettingFormState<V extends Named> = {
  form: UseFormReturnType<V>;
  onSubmit: () => void;
  alert: string | null;
  pending: boolean;
  editing: boolean;
  onCancel: () => void;
};

/**
 * A settings record's form (a category, a ticket type, an appointment type…): validated with
 * the shared create/update schema, saved with its version (412 and name conflicts handled by
 * useSettingSave), `isActive` sent only when editing, as the API wants.
 */
export function useSettingForm<P extends SettingsPath, V extends Named>({
  path,
  item,
  initialValues,
  body,
  schemas,
  required,
  success,
  onDone,
  conflicts,
}: Options<P, V>): SettingFormState<V> {
  const bodyOf = (values: V) => (item ? { ...body(values), isActive: values.isActive } : body(values));
  const validate = zodResolver(item ? schemas.update : schemas.create);
  const start = { name: item?.name ?? "", isActive: item?.isActive ?? true, ...initialValues } as V;
  const form = useForm<V>({
    initialValues: start,
    validate: (values) => ({ ...validate({ ...bodyOf(values), version: item?.version }), ...required?.(values) }),
  });
  const save = useSettingSave({
    path,
    item,
    fields: Object.keys(start),
    setFieldError: form.setFieldError,
    success: (saved) => success(saved, item === null),
    onDone,
    conflicts,
  });
  return {
    form,
    onSubmit: form.onSubmit((values) => save.run(bodyOf(values))),
    alert: save.alert,
    pending: save.pending,
    editing: item !== null,
    onCancel: onDone,
  };
}

/**
 * The form of a settings record: the alert for what no field explains, Nome, the record's own
 * fields, Ativo/Ativa (when editing; the word agrees with the noun in Portuguese), Cancel and
 * Create/Save.
 */
export function SettingForm<V extends Named>({
  setting,
  gender,
  children,
}: {
  setting: SettingFormState<V>;
  gender: "F" | "M";
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { form } = setting;
  return (
    <form onSubmit={setting.onSubmit} noValidate>
      <Stack>
        {setting.alert && <Alert color="red">{setting.alert}</Alert>}
        <TextInput label={t("common.name")} autoComplete="off" data-autofocus {...form.getInputProps("name")} />
        {children}
        {setting.editing && (
          <Switch
            label={t(`common.active${gender}`)}
            description={t("common.activeHint")}
            {...form.getInputProps("isActive", { type: "checkbox" })}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={setting.onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={setting.pending}>
            {setting.editing ? t("common.save") : t("common.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
