import "../../i18n/index.ts";
import { Badge, ColorInput, ColorSwatch, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  type Characteristic,
  createCharacteristicBody,
  hexColor,
  updateCharacteristicBody,
} from "../../../../../shared/settings.schemas.ts";
import { SettingForm, useSettingForm } from "../../../../app/ui/settings/setting-form.tsx";
import { SettingsPanel } from "../../../../app/ui/settings/settings-panel.tsx";

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
        { header: t("common.name"), render: (item) => <CharacteristicBadge {...item} /> },
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

function CharacteristicForm({ item, onDone }: { item: Characteristic | null; onDone: () => void }) {
  const { t } = useTranslation();
  const setting = useSettingForm<"characteristics", Values>({
    path: "characteristics",
    item,
    initialValues: { color: item?.color ?? "#228be6" },
    body: (v) => ({ name: v.name, color: v.color }),
    schemas: { create: createCharacteristicBody, update: updateCharacteristicBody },
    success: (saved, created) =>
      t(created ? "admin2.settings.characteristics.created" : "admin2.settings.characteristics.saved", {
        name: saved.name,
      }),
    onDone,
  });
  const { form } = setting;

  return (
    <SettingForm setting={setting} gender="F">
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
    </SettingForm>
  );
}
