import { Badge, ColorInput, ColorSwatch, Group, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import {
  type Characteristic,
  createCharacteristicBody,
  hexColor,
  updateCharacteristicBody,
} from "../../../../shared/settings.schemas.ts";
import { zodResolver } from "../../../app/zod-form.ts";
import { SettingForm } from "./setting-modal.tsx";
import { SettingsPanel } from "./settings-panel.tsx";
import { useSettingSave } from "./use-setting-save.ts";

/** Mantine's palette (shade 6), so most tags are told apart at a glance. */
const SWATCHES = [
  "#868e96",
  "#fa5252",
  "#e64980",
  "#be4bdb",
  "#7950f2",
  "#4c6ef5",
  "#228be6",
  "#15aabf",
  "#12b886",
  "#40c057",
  "#82c91e",
  "#fab005",
  "#fd7e14",
  "#212529",
];

/** The tag as the person screen shows it. */
export function CharacteristicBadge({ name, color }: { name: string; color: string }) {
  const valid = hexColor.safeParse(color).success;
  return (
    <Badge color={valid ? color : "gray"} autoContrast variant="filled" tt="none">
      {name}
    </Badge>
  );
}

export function CharacteristicsPanel() {
  const { t } = useTranslation();
  return (
    <SettingsPanel
      path="characteristics"
      labels={{
        new: t("admin2.settings.characteristics.new"),
        empty: t("admin2.settings.characteristics.empty"),
        table: t("admin2.settings.characteristics.title"),
        editTitle: t("admin2.settings.characteristics.edit"),
        edit: (item) => t("admin2.settings.characteristics.editItem", { name: item.name }),
      }}
      columns={[
        { header: t("admin2.settings.name"), render: (item) => <CharacteristicBadge {...item} /> },
        {
          header: t("admin2.settings.color"),
          render: (item) => (
            <Group gap="xs" wrap="nowrap">
              <ColorSwatch color={item.color} size={16} aria-hidden="true" />
              <Text size="sm" ff="monospace">
                {item.color}
              </Text>
            </Group>
          ),
        },
      ]}
      gender="F"
      renderForm={(item, close) => <CharacteristicForm item={item} onDone={close} />}
    />
  );
}

type Values = { name: string; color: string; isActive: boolean };
const FIELDS = ["name", "color", "isActive"] as const;

function CharacteristicForm({ item, onDone }: { item: Characteristic | null; onDone: () => void }) {
  const { t } = useTranslation();
  const toBody = (v: Values) =>
    item ? { name: v.name, color: v.color, isActive: v.isActive } : { name: v.name, color: v.color };
  const validate = zodResolver(item ? updateCharacteristicBody : createCharacteristicBody);
  const form = useForm<Values>({
    initialValues: { name: item?.name ?? "", color: item?.color ?? "#228be6", isActive: item?.isActive ?? true },
    validate: (values) => validate({ ...toBody(values), version: item?.version }),
  });
  const save = useSettingSave({
    path: "characteristics",
    item,
    fields: FIELDS,
    setFieldError: form.setFieldError,
    success: (saved) =>
      t(item ? "admin2.settings.characteristics.saved" : "admin2.settings.characteristics.created", {
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
      <ColorInput
        label={t("admin2.settings.color")}
        description={t("admin2.settings.characteristics.colorHint")}
        format="hex"
        swatches={SWATCHES}
        swatchesPerRow={7}
        eyeDropperButtonProps={{ "aria-label": t("admin2.settings.characteristics.eyeDropper") }}
        {...form.getInputProps("color")}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t("admin2.settings.characteristics.preview")}
        </Text>
        <Group>
          <CharacteristicBadge
            name={form.values.name.trim() || t("admin2.settings.characteristics.previewSample")}
            color={form.values.color}
          />
        </Group>
      </Stack>
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
