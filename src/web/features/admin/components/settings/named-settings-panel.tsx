import { useTranslation } from "react-i18next";
import { createNamedSettingBody, type Sector, updateNamedSettingBody } from "../../../../../shared/settings.schemas.ts";
import { SettingForm, useSettingForm } from "../../../../app/ui/settings/setting-form.tsx";
import { SettingsPanel } from "../../../../app/ui/settings/settings-panel.tsx";

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
      columns={[{ header: t("common.name"), render: (item) => item.name }]}
      gender="M"
      renderForm={(item, close) => <NamedSettingForm path={path} item={item} onDone={close} />}
    />
  );
}

type Values = { name: string; isActive: boolean };

function NamedSettingForm({ path, item, onDone }: { path: NamedPath; item: NamedSetting | null; onDone: () => void }) {
  const { t } = useTranslation();
  const setting = useSettingForm<NamedPath, Values>({
    path,
    item,
    initialValues: {},
    body: (v) => ({ name: v.name }),
    schemas: { create: createNamedSettingBody, update: updateNamedSettingBody },
    success: (saved, created) =>
      t(created ? `ticketSettings.${path}.created` : `ticketSettings.${path}.saved`, { name: saved.name }),
    onDone,
  });
  return <SettingForm setting={setting} gender="M" />;
}
