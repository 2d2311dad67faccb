import "../register-i18n.ts";
import { ColorInput, ColorSwatch, Group, NumberInput, Switch, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import {
  type AppointmentType,
  createAppointmentTypeBody,
  updateAppointmentTypeBody,
} from "../../../../shared/appointments.schemas.ts";
import { zodResolver } from "../../../app/zod-form.ts";
import { SettingForm } from "../../admin/settings/setting-modal.tsx";
import { SettingsPanel } from "../../admin/settings/settings-panel.tsx";
import { useSettingSave } from "../../admin/settings/use-setting-save.ts";

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
        { header: t("admin2.settings.name"), render: (item) => item.name },
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
const FIELDS = ["name", "color", "durationMinutes", "isActive"] as const;

function AppointmentTypeForm({ item, onDone }: { item: AppointmentType | null; onDone: () => void }) {
  const { t } = useTranslation();
  const toBody = (v: Values) => {
    const body = {
      name: v.name,
      color: v.color,
      durationMinutes: typeof v.durationMinutes === "number" ? v.durationMinutes : undefined,
    };
    return item ? { ...body, isActive: v.isActive } : body;
  };
  const validate = zodResolver(item ? updateAppointmentTypeBody : createAppointmentTypeBody);
  const form = useForm<Values>({
    initialValues: {
      name: item?.name ?? "",
      color: item?.color ?? "#228be6",
      durationMinutes: item?.durationMinutes ?? 60,
      isActive: item?.isActive ?? true,
    },
    validate: (values) => ({
      ...validate({ ...toBody(values), version: item?.version }),
      ...(typeof values.durationMinutes !== "number" && {
        durationMinutes: t("appointments.settings.durationRequired"),
      }),
    }),
  });
  const save = useSettingSave({
    path: "appointment-types",
    item,
    fields: FIELDS,
    setFieldError: form.setFieldError,
    success: (saved) => t(item ? "appointments.settings.saved" : "appointments.settings.created", { name: saved.name }),
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
