import { Select, Switch, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import {
  CATEGORY_ROLES,
  type Category,
  type CategoryRole,
  createCategoryBody,
  updateCategoryBody,
} from "../../../../shared/settings.schemas.ts";
import { zodResolver } from "../../../app/zod-form.ts";
import { SettingForm } from "./setting-modal.tsx";
import { SettingsPanel } from "./settings-panel.tsx";
import { useSettingSave } from "./use-setting-save.ts";

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
        { header: t("admin2.settings.name"), render: (item) => item.name },
        { header: t("admin2.settings.role"), render: (item) => t(`admin2.roles.${item.role}`) },
      ]}
      gender="F"
      renderForm={(item, close) => <CategoryForm item={item} onDone={close} />}
    />
  );
}

type Values = { name: string; role: CategoryRole | null; isActive: boolean };
const FIELDS = ["name", "role", "isActive"] as const;

function CategoryForm({ item, onDone }: { item: Category | null; onDone: () => void }) {
  const { t } = useTranslation();
  const toBody = (v: Values) =>
    item ? { name: v.name, role: v.role, isActive: v.isActive } : { name: v.name, role: v.role };
  const validate = zodResolver(item ? updateCategoryBody : createCategoryBody);
  const form = useForm<Values>({
    initialValues: { name: item?.name ?? "", role: item?.role ?? null, isActive: item?.isActive ?? true },
    validate: (values) => ({
      ...validate({ ...toBody(values), version: item?.version }),
      ...(values.role === null && { role: t("admin2.settings.roleRequired") }),
    }),
  });
  const save = useSettingSave({
    path: "categories",
    item,
    fields: FIELDS,
    setFieldError: form.setFieldError,
    success: (saved) =>
      t(item ? "admin2.settings.categories.saved" : "admin2.settings.categories.created", { name: saved.name }),
    onDone,
  });
  const roles = CATEGORY_ROLES.map((role) => ({ value: role, label: t(`admin2.roles.${role}`) }));

  return (
    <SettingForm
      onSubmit={form.onSubmit((values) => save.run(toBody(values)))}
      alert={save.alert}
      pending={save.pending}
      isNew={item === null}
      onCancel={onDone}
    >
      <TextInput label={t("admin2.settings.name")} autoComplete="off" data-autofocus {...form.getInputProps("name")} />
      <Select
        label={t("admin2.settings.role")}
        description={t("admin2.settings.roleHint")}
        data={roles}
        allowDeselect={false}
        {...form.getInputProps("role")}
      />
      {item && (
        <Switch
          label={t("admin2.common.activeF")}
          description={t("admin2.settings.activeHint")}
          {...form.getInputProps("isActive", { type: "checkbox" })}
        />
      )}
    </SettingForm>
  );
}
