import { Switch, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { createNamedSettingBody, type Sector, updateNamedSettingBody } from "../../../../shared/settings.schemas.ts";
import { zodResolver } from "../../../app/zod-form.ts";
import { SettingForm } from "./setting-modal.tsx";
import { SettingsPanel } from "./settings-panel.tsx";
import { useSettingSave } from "./use-setting-save.ts";

/** The lists that are only a name (and active): sectors and products. */
type NamedPath = "sectors" | "products";
type NamedSetting = Sector;

export function SectorsPanel() {
  return <NamedSettingsPanel path="sectors" />;
}

export function ProductsPanel() {
  return <NamedSettingsPanel path="products" />;
}

function NamedSettingsPanel({ path }: { path: NamedPath }) {
  const { t } = useTranslation();
  return (
    <SettingsPanel
      path={path}
      labels={{
        new: t(`ticketSettings.${path}.new`),
        empty: t(`ticketSettings.${path}.empty`),
        table: t(`ticketSettings.${path}.title`),
        editTitle: t(`ticketSettings.${path}.edit`),
        edit: (item) => t(`ticketSettings.${path}.editItem`, { name: item.name }),
      }}
      columns={[{ header: t("admin2.settings.name"), render: (item) => item.name }]}
      gender="M"
      renderForm={(item, close) => <NamedSettingForm path={path} item={item} onDone={close} />}
    />
  );
}

type Values = { name: string; isActive: boolean };
const FIELDS = ["name", "isActive"] as const;

function NamedSettingForm({ path, item, onDone }: { path: NamedPath; item: NamedSetting | null; onDone: () => void }) {
  const { t } = useTranslation();
  const toBody = (v: Values) => (item ? { name: v.name, isActive: v.isActive } : { name: v.name });
  const validate = zodResolver(item ? updateNamedSettingBody : createNamedSettingBody);
  const form = useForm<Values>({
    initialValues: { name: item?.name ?? "", isActive: item?.isActive ?? true },
    validate: (values) => validate({ ...toBody(values), version: item?.version }),
  });
  const save = useSettingSave({
    path,
    item,
    fields: FIELDS,
    setFieldError: form.setFieldError,
    success: (saved) =>
      t(item ? `ticketSettings.${path}.saved` : `ticketSettings.${path}.created`, { name: saved.name }),
    onDone,
  });

  return (
    <SettingForm
      onSubmit={form.onSubmit((values) => save.run(toBody(values)))}
      alert={save.alert}
      pending={save.pending}
      isNew={item === null}
      onCancel={onDone}
    >
      <TextInput label={t("admin2.settings.name")} autoComplete="off" data-autofocus {...form.getInputProps("name")} />
      {item && (
        <Switch
          label={t("admin2.common.activeM")}
          description={t("admin2.settings.activeHint")}
          {...form.getInputProps("isActive", { type: "checkbox" })}
        />
      )}
    </SettingForm>
  );
}
