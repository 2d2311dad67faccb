import "../../i18n/index.ts";
import { TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  createRelationshipTypeBody,
  type RelationshipType,
  updateRelationshipTypeBody,
} from "../../../../../shared/settings.schemas.ts";
import { SettingForm, useSettingForm } from "../../../../app/ui/settings/setting-form.tsx";
import { SettingsPanel } from "../../../../app/ui/settings/settings-panel.tsx";

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
        { header: t("common.name"), render: (item) => item.name },
        { header: t("admin2.settings.inverseName"), render: (item) => item.inverseName ?? "—" },
      ]}
      gender="M"
      renderForm={(item, close) => <RelationshipTypeForm item={item} onDone={close} />}
    />
  );
}

type Values = { name: string; inverseName: string; isActive: boolean };

function RelationshipTypeForm({ item, onDone }: { item: RelationshipType | null; onDone: () => void }) {
  const { t } = useTranslation();
  const setting = useSettingForm<"relationship-types", Values>({
    path: "relationship-types",
    item,
    initialValues: { inverseName: item?.inverseName ?? "" },
    // An empty inverse name means "reads the same from both sides": null, not "".
    body: (v) => ({ name: v.name, inverseName: v.inverseName.trim() || null }),
    schemas: { create: createRelationshipTypeBody, update: updateRelationshipTypeBody },
    success: (saved, created) =>
      t(created ? "admin2.settings.relationshipTypes.created" : "admin2.settings.relationshipTypes.saved", {
        name: saved.name,
      }),
    onDone,
  });

  return (
    <SettingForm setting={setting} gender="M">
      <TextInput
        label={t("admin2.settings.inverseName")}
        description={t("admin2.settings.relationshipTypes.inverseHint")}
        autoComplete="off"
        {...setting.form.getInputProps("inverseName")}
      />
    </SettingForm>
  );
}
