import { NumberInput, Select, Switch, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { createTicketTypeBody, type TicketType, updateTicketTypeBody } from "../../../../shared/settings.schemas.ts";
import { PRIORITIES, type Priority, TICKET_AREAS, type TicketArea } from "../../../../shared/tickets.schemas.ts";
import { zodResolver } from "../../../app/zod-form.ts";
import { SettingForm } from "./setting-modal.tsx";
import { SettingsPanel } from "./settings-panel.tsx";
import { useSettingSave } from "./use-setting-save.ts";

export function TicketTypesPanel() {
  const { t } = useTranslation();
  return (
    <SettingsPanel
      path="ticket-types"
      labels={{
        new: t("ticketSettings.ticketTypes.new"),
        empty: t("ticketSettings.ticketTypes.empty"),
        table: t("ticketSettings.ticketTypes.title"),
        editTitle: t("ticketSettings.ticketTypes.edit"),
        edit: (item) => t("ticketSettings.ticketTypes.editItem", { name: item.name }),
      }}
      columns={[
        { header: t("admin2.settings.name"), render: (item) => item.name },
        { header: t("ticketSettings.area"), render: (item) => t(`ticketSettings.areas.${item.area}`) },
        { header: t("ticketSettings.daysToDue"), render: (item) => item.daysToDue },
        {
          header: t("ticketSettings.defaultPriority"),
          render: (item) => t(`ticketSettings.priorities.${item.defaultPriority}`),
        },
      ]}
      gender="M"
      renderForm={(item, close) => <TicketTypeForm item={item} onDone={close} />}
    />
  );
}

/** NumberInput gives "" while the field is empty. */
type Values = {
  name: string;
  area: TicketArea | null;
  daysToDue: number | string;
  defaultPriority: Priority;
  isActive: boolean;
};
const FIELDS = ["name", "area", "daysToDue", "defaultPriority", "isActive"] as const;

function TicketTypeForm({ item, onDone }: { item: TicketType | null; onDone: () => void }) {
  const { t } = useTranslation();
  const toBody = (v: Values) => {
    const body = {
      name: v.name,
      area: v.area,
      daysToDue: typeof v.daysToDue === "number" ? v.daysToDue : undefined,
      defaultPriority: v.defaultPriority,
    };
    return item ? { ...body, isActive: v.isActive } : body;
  };
  const validate = zodResolver(item ? updateTicketTypeBody : createTicketTypeBody);
  const form = useForm<Values>({
    initialValues: {
      name: item?.name ?? "",
      area: item?.area ?? null,
      daysToDue: item?.daysToDue ?? "",
      defaultPriority: item?.defaultPriority ?? "normal",
      isActive: item?.isActive ?? true,
    },
    validate: (values) => ({
      ...validate({ ...toBody(values), version: item?.version }),
      ...(values.area === null && { area: t("ticketSettings.areaRequired") }),
      ...(typeof values.daysToDue !== "number" && { daysToDue: t("ticketSettings.daysToDueRequired") }),
    }),
  });
  const save = useSettingSave({
    path: "ticket-types",
    item,
    fields: FIELDS,
    setFieldError: form.setFieldError,
    success: (saved) =>
      t(item ? "ticketSettings.ticketTypes.saved" : "ticketSettings.ticketTypes.created", { name: saved.name }),
    onDone,
    conflicts: { area: t("ticketSettings.areaInUse") },
  });
  const areas = TICKET_AREAS.map((area) => ({ value: area, label: t(`ticketSettings.areas.${area}`) }));
  const priorities = PRIORITIES.map((priority) => ({
    value: priority,
    label: t(`ticketSettings.priorities.${priority}`),
  }));

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
        label={t("ticketSettings.area")}
        description={t("ticketSettings.areaHint")}
        data={areas}
        allowDeselect={false}
        {...form.getInputProps("area")}
      />
      <NumberInput
        label={t("ticketSettings.daysToDue")}
        description={t("ticketSettings.daysToDueHint")}
        min={0}
        max={3650}
        allowDecimal={false}
        allowNegative={false}
        {...form.getInputProps("daysToDue")}
      />
      <Select
        label={t("ticketSettings.defaultPriority")}
        description={t("ticketSettings.defaultPriorityHint")}
        data={priorities}
        allowDeselect={false}
        {...form.getInputProps("defaultPriority")}
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
