import { Switch, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import {
  createRelationshipTypeBody,
  type RelationshipType,
  updateRelationshipTypeBody,
} from "../../../../shared/settings.schemas.ts";
import { zodResolver } from "../../../app/zod-form.ts";
import { SettingForm } from "./setting-modal.tsx";
import { SettingsPanel } from "./settings-panel.tsx";
import { useSettingSave } from "./use-setting-save.ts";

export function RelationshipTypesPanel() {
  const { t } = useTranslation();
  return (
    <SettingsPanel
      path="relationship-types"
      labels={{
        new: t("admin2.settings.relationshipTypes.new"),
        empty: t("admin2.settings.relationshipTypes.empty"),
        table: t("admin2.settings.relationshipTypes.title"),
        editTitle: t("admin2.settings.relationshipTypes.edit"),
        edit: (item) => t("admin2.settings.relationshipTypes.editItem", { name: item.name }),
      }}
      columns={[
        { header: t("admin2.settings.name"), render: (item) => item.name },
        { header: t("admin2.settings.inverseName"), render: (item) => item.inverseName ?? "—" },
      ]}
      gender="M"
      renderForm={(item, close) => <RelationshipTypeForm item={item} onDone={close} />}
    />
  );
}

type Values = { name: string; inverseName: string; isActive: boolean };
const FIELDS = ["name", "inverseName", "isActive"] as const;

function RelationshipTypeForm({ item, onDone }: { item: RelationshipType | null; onDone: () => void }) {
  const { t } = useTranslation();
  // An empty inverse name means "reads the same from both sides": null, not "".
  const toBody = (v: Values) => {
    const body = { name: v.name, inverseName: v.inverseName.trim() || null };
    return item ? { ...body, isActive: v.isActive } : body;
  };
  const validate = zodResolver(item ? updateRelationshipTypeBody : createRelationshipTypeBody);
  const form = useForm<Values>({
    initialValues: { name: item?.name ?? "", inverseName: item?.inverseName ?? "", isActive: item?.isActive ?? true },
    validate: (values) => validate({ ...toBody(values), version: item?.version }),
  });
  const save = useSettingSave({
    path: "relationship-types",
    item,
    fields: FIELDS,
    setFieldError: form.setFieldError,
    success: (saved) =>
      t(item ? "admin2.settings.relationshipTypes.saved" : "admin2.settings.relationshipTypes.created", {
        name: saved.name,
      }),
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
      <TextInput
        label={t("admin2.settings.inverseName")}
        description={t("admin2.settings.relationshipTypes.inverseHint")}
        autoComplete="off"
        {...form.getInputProps("inverseName")}
      />
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
