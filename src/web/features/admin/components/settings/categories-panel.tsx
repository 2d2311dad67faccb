import "../../i18n/index.ts";
import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  CATEGORY_ROLES,
  type Category,
  type CategoryRole,
  createCategoryBody,
  updateCategoryBody,
} from "../../../../../shared/settings.schemas.ts";
import { SettingForm, useSettingForm } from "../../../../app/ui/settings/setting-form.tsx";
import { SettingsPanel } from "../../../../app/ui/settings/settings-panel.tsx";

export function CategoriesPanel() {
  const { t } = useTranslation();
  return (
    <SettingsPanel
      path="categories"
      labels={{
        new: t("admin2.settings.categories.new"),
        empty: t("admin2.settings.categories.empty"),
        table: t("admin2.settings.categories.title"),
        editTitle: t("admin2.settings.categories.edit"),
        edit: (item) => t("admin2.settings.categories.editItem", { name: item.name }),
      }}
      columns={[
        { header: t("common.name"), render: (item) => item.name },
        { header: t("admin2.settings.role"), render: (item) => t(`admin2.roles.${item.role}`) },
      ]}
      gender="F"
      renderForm={(item, close) => <CategoryForm item={item} onDone={close} />}
    />
  );
}

type Values = { name: string; role: CategoryRole | null; isActive: boolean };

function CategoryForm({ item, onDone }: { item: Category | null; onDone: () => void }) {
  const { t } = useTranslation();
  const setting = useSettingForm<"categories", Values>({
    path: "categories",
    item,
    initialValues: { role: item?.role ?? null },
    body: (v) => ({ name: v.name, role: v.role }),
    schemas: { create: createCategoryBody, update: updateCategoryBody },
    required: (v) => (v.role === null ? { role: t("admin2.settings.roleRequired") } : {}),
    success: (saved, created) =>
      t(created ? "admin2.settings.categories.created" : "admin2.settings.categories.saved", { name: saved.name }),
    onDone,
  });
  const roles = CATEGORY_ROLES.map((role) => ({ value: role, label: t(`admin2.roles.${role}`) }));

  return (
    <SettingForm setting={setting} gender="F">
      <Select
        label={t("admin2.settings.role")}
        description={t("admin2.settings.roleHint")}
        data={roles}
        allowDeselect={false}
        {...setting.form.getInputProps("role")}
      />
    </SettingForm>
  );
}
