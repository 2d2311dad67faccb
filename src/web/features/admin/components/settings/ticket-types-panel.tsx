import "../../i18n/index.ts";
import { NumberInput, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { createTicketTypeBody, type TicketType, updateTicketTypeBody } from "../../../../../shared/settings.schemas.ts";
import { PRIORITIES, type Priority, TICKET_AREAS, type TicketArea } from "../../../../../shared/tickets.schemas.ts";
import { SettingForm, useSettingForm } from "../../../../app/ui/settings/setting-form.tsx";
import { SettingsPanel } from "../../../../app/ui/settings/settings-panel.tsx";

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
        { header: t("common.name"), render: (item) => item.name },
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

function TicketTypeForm({ item, onDone }: { item: TicketType | null; onDone: () => void }) {
  const { t } = useTranslation();
  const setting = useSettingForm<"ticket-types", Values>({
    path: "ticket-types",
    item,
    initialValues: {
      area: item?.area ?? null,
      daysToDue: item?.daysToDue ?? "",
      defaultPriority: item?.defaultPriority ?? "normal",
    },
    body: (v) => ({
      name: v.name,
      area: v.area,
      daysToDue: typeof v.daysToDue === "number" ? v.daysToDue : undefined,
      defaultPriority: v.defaultPriority,
    }),
    schemas: { create: createTicketTypeBody, update: updateTicketTypeBody },
    required: (v) => ({
      ...(v.area === null && { area: t("ticketSettings.areaRequired") }),
      ...(typeof v.daysToDue !== "number" && { daysToDue: t("ticketSettings.daysToDueRequired") }),
    }),
    success: (saved, created) =>
      t(created ? "ticketSettings.ticketTypes.created" : "ticketSettings.ticketTypes.saved", { name: saved.name }),
    onDone,
    conflicts: { area: t("ticketSettings.areaInUse") },
  });
  const { form } = setting;
  const areas = TICKET_AREAS.map((area) => ({ value: area, label: t(`ticketSettings.areas.${area}`) }));
  const priorities = PRIORITIES.map((priority) => ({
    value: priority,
    label: t(`ticketSettings.priorities.${priority}`),
  }));

  return (
    <SettingForm setting={setting} gender="M">
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
    </SettingForm>
  );
}
