import "../i18n/index.ts";
import { Checkbox, Grid, Select, Textarea, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { DESCRIPTION_MAX } from "../../../../shared/appointments.schemas.ts";
import { SUBJECT_MAX } from "../../../../shared/tickets.schemas.ts";
import { productsQuery } from "../../../app/settings-lists.ts";
import { DateTimeField } from "../../../app/ui/date-field/date-time-field.tsx";
import { addressOptionsQuery, appointmentTypesQuery, ticketOptionsQuery } from "../api/appointments-api.ts";
import { toggleAllDay } from "./appointment-time.ts";
import { type AppointmentValues, addressPlace, NO_PLACE, REMOTE } from "./appointment-values.ts";
import { useAssigneeOptions } from "./use-assignee-options.ts";

type Known = { id: number; name: string } | null | undefined;

/** What an existing appointment already names, offered even when no longer in the lists (inactive, closed…). */
export type KnownOptions = {
  type?: Known;
  product?: Known;
  ticket?: { id: number; number: number; subject: string } | null;
  address?: { id: number | null; text: string } | null;
  assignedUser?: Known;
};

const withKnown = (data: { value: string; label: string }[], known: Known) =>
  known && !data.some((d) => d.value === String(known.id))
    ? [...data, { value: String(known.id), label: known.name }]
    : data;

export function AppointmentFields({
  form,
  code,
  categoryId,
  known = {},
}: {
  form: UseFormReturnType<AppointmentValues>;
  code: number;
  categoryId: number | null;
  known?: KnownOptions;
}) {
  const { t } = useTranslation();
  const types = useQuery(appointmentTypesQuery);
  const products = useQuery(productsQuery);
  const addresses = useQuery(addressOptionsQuery(code, categoryId));
  const tickets = useQuery(ticketOptionsQuery(code, categoryId));
  const users = useAssigneeOptions(known.assignedUser);

  const activeTypes = (types.data?.items ?? []).filter((x) => x.isActive);
  const type = activeTypes.find((x) => String(x.id) === form.values.typeId);
  const typeData = withKnown(
    activeTypes.map((x) => ({ value: String(x.id), label: x.name })),
    known.type,
  );
  const productData = withKnown(
    (products.data?.items ?? []).filter((p) => p.isActive).map((p) => ({ value: String(p.id), label: p.name })),
    known.product,
  );
  const ticketLabel = (x: { number: number; subject: string }) =>
    t("appointments.ticketLabel", { number: x.number, subject: x.subject });
  const ticketData = (tickets.data ?? []).map((x) => ({ value: String(x.id), label: ticketLabel(x) }));
  if (known.ticket && !ticketData.some((d) => d.value === String(known.ticket?.id))) {
    ticketData.push({ value: String(known.ticket.id), label: ticketLabel(known.ticket) });
  }
  const placeData = [
    { value: NO_PLACE, label: t("appointments.form.placeNone") },
    { value: REMOTE, label: t("appointments.form.placeRemote") },
    ...(addresses.data?.items ?? []).map((a) => ({
      value: addressPlace(a.id),
      label: `${a.street}, ${a.number}${a.complement ? `, ${a.complement}` : ""} – ${a.district}, ${a.city}/${a.state}`,
    })),
  ];
  if (known.address?.id && !placeData.some((d) => d.value === addressPlace(known.address?.id ?? 0))) {
    placeData.push({ value: addressPlace(known.address.id), label: known.address.text });
  }

  const { allDay } = form.values;
  const onAllDay = (checked: boolean) => {
    const next = toggleAllDay({ allDay, start: form.values.startsAt, end: form.values.endsAt }, checked);
    form.setValues({ allDay: next.allDay, startsAt: next.start, endsAt: next.end });
  };
  const dateProps = {
    withTime: !allDay,
    // The hint goes under the field, so the row's inputs stay aligned.
    inputWrapperOrder: ["label", "input", "description", "error"] as ("label" | "input" | "description" | "error")[],
  };
  const select = { searchable: true, nothingFoundMessage: t("common.nothingFound") };

  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          label={t("appointments.fields.type")}
          withAsterisk
          data={typeData}
          placeholder={t("common.pick")}
          data-autofocus
          {...select}
          {...form.getInputProps("typeId")}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          label={t("appointments.fields.responsible")}
          description={users.limited ? t("appointments.form.usersLimited") : undefined}
          inputWrapperOrder={["label", "input", "description", "error"]}
          withAsterisk
          data={users.data}
          allowDeselect={false}
          {...select}
          {...form.getInputProps("assignedUserId")}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <Checkbox
          label={t("appointments.fields.allDay")}
          checked={allDay}
          onChange={(event) => onAllDay(event.currentTarget.checked)}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <DateTimeField
          key={allDay ? "start-day" : "start-time"}
          label={allDay ? t("appointments.fields.firstDay") : t("appointments.fields.start")}
          withAsterisk
          {...dateProps}
          {...form.getInputProps("startsAt")}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <DateTimeField
          key={allDay ? "end-day" : "end-time"}
          label={allDay ? t("appointments.fields.lastDay") : t("appointments.fields.end")}
          description={
            allDay
              ? t("appointments.form.lastDayHint")
              : type
                ? t("appointments.form.endHint", { count: type.durationMinutes })
                : t("appointments.form.endHintNoType")
          }
          {...dateProps}
          {...form.getInputProps("endsAt")}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <TextInput
          label={t("appointments.fields.subject")}
          withAsterisk
          maxLength={SUBJECT_MAX}
          autoComplete="off"
          {...form.getInputProps("subject")}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          label={t("appointments.fields.place")}
          description={t("appointments.form.placeHint")}
          inputWrapperOrder={["label", "input", "description", "error"]}
          data={placeData}
          allowDeselect={false}
          {...select}
          {...form.getInputProps("place")}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          label={t("appointments.fields.product")}
          data={productData}
          placeholder={t("common.none")}
          clearable
          {...select}
          {...form.getInputProps("productId")}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <Select
          label={t("appointments.fields.ticket")}
          description={t("appointments.form.ticketHint")}
          inputWrapperOrder={["label", "input", "description", "error"]}
          data={ticketData}
          placeholder={t("common.none")}
          clearable
          {...select}
          {...form.getInputProps("ticketId")}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <Textarea
          label={t("appointments.fields.description")}
          autosize
          minRows={3}
          maxRows={8}
          maxLength={DESCRIPTION_MAX}
          {...form.getInputProps("description")}
        />
      </Grid.Col>
    </Grid>
  );
}
