import "../i18n/index.ts";
import { ColorInput, ColorSwatch, Group, NumberInput, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  type AppointmentType,
  createAppointmentTypeBody,
  updateAppointmentTypeBody,
} from "../../../../shared/appointments.schemas.ts";
import { SettingForm, useSettingForm } from "../../../app/ui/settings/setting-form.tsx";
import { SettingsPanel } from "../../../app/ui/settings/settings-panel.tsx";

/** Mantine's palette (shade 6): agenda colors told apart at a glance. */
const SWATCHES = ["#228be6", "#15aabf", "#12b886", "#40c057", "#fab005", "#fd7e14", "#fa5252", "#be4bdb", "#7950f2"];

/** Configurador › Tipos de agendamento: name, the agenda's color, the default duration. */
export function AppointmentTypesPanel() {
  const { t } = useTranslation();
  return (
    <SettingsPanel
      path="appointment-types"
      labels={{
        new: t("appointments.settings.new"),
        empty: t("appointments.settings.empty"),
        table: t("appointments.settings.title"),
        editTitle: t("appointments.settings.edit"),
        edit: (item) => t("appointments.settings.editItem", { name: item.name }),
      }}
      columns={[
        { header: t("common.name"), render: (item) => item.name },
        {
          header: t("appointments.settings.color"),
          render: (item) => (
            <Group gap="xs" wrap="nowrap">
              <ColorSwatch color={item.color} size={16} aria-hidden="true" />
              <Text size="sm" ff="monospace">
                {item.color}
              </Text>
            </Group>
          ),
        },
        {
          header: t("appointments.settings.duration"),
          render: (item) => t("appointments.settings.minutes", { count: item.durationMinutes }),
        },
      ]}
      gender="M"
      renderForm={(item, close) => <AppointmentTypeForm item={item} onDone={close} />}
    />
  );
}

/** NumberInput gives "" while the field is empty. */
type Values = { name: string; color: string; durationMinutes: number | string; isActive: boolean };

function AppointmentTypeForm({ item, onDone }: { item: AppointmentType | null; onDone: () => void }) {
  const { t } = useTranslation();
  const setting = useSettingForm<"appointment-types", Values>({
    path: "appointment-types",
    item,
    initialValues: { color: item?.color ?? "#228be6", durationMinutes: item?.durationMinutes ?? 60 },
    body: (v) => ({
      name: v.name,
      color: v.color,
      durationMinutes: typeof v.durationMinutes === "number" ? v.durationMinutes : undefined,
    }),
    schemas: { create: createAppointmentTypeBody, update: updateAppointmentTypeBody },
    required: (v) =>
      typeof v.durationMinutes !== "number" ? { durationMinutes: t("appointments.settings.durationRequired") } : {},
    success: (saved, created) =>
      t(created ? "appointments.settings.created" : "appointments.settings.saved", { name: saved.name }),
    onDone,
  });
  const { form } = setting;

  return (
    <SettingForm setting={setting} gender="M">
      <ColorInput
        label={t("appointments.settings.color")}
        description={t("appointments.settings.colorHint")}
        format="hex"
        swatches={SWATCHES}
        swatchesPerRow={9}
        withEyeDropper={false}
        {...form.getInputProps("color")}
      />
      <NumberInput
        label={t("appointments.settings.duration")}
        description={t("appointments.settings.durationHint")}
        min={5}
        max={1440}
        step={15}
        allowDecimal={false}
        allowNegative={false}
        {...form.getInputProps("durationMinutes")}
      />
    </SettingForm>
  );
}
