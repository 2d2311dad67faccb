import "../i18n/index.ts";
import { Grid, Select, Textarea, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TicketType } from "../../../../shared/settings.schemas.ts";
import { CHANNELS, PRIORITIES, SUBJECT_MAX } from "../../../../shared/tickets.schemas.ts";
import { companyToday, formatDateTime } from "../../../app/format.ts";
import { productsQuery, sectorsQuery } from "../../../app/settings-lists.ts";
import { DateTimeField } from "../../../app/ui/date-field/date-time-field.tsx";
import { defaultDueAt, type TicketValues } from "./new-ticket-values.ts";
import { useUserOptions } from "./use-user-options.ts";

/** Today in the company's time zone, "YYYY-MM-DD": due dates start there. */
const today = () => companyToday();

export function NewTicketFields({ form, types }: { form: UseFormReturnType<TicketValues>; types: TicketType[] }) {
  const { t } = useTranslation();
  const sectors = useQuery(sectorsQuery);
  const products = useQuery(productsQuery);
  const users = useUserOptions([]);
  const active = <T extends { id: number; name: string; isActive: boolean }>(items: T[] | undefined) =>
    (items ?? []).filter((i) => i.isActive).map((i) => ({ value: String(i.id), label: i.name }));
  const type = types.find((x) => String(x.id) === form.values.typeId) ?? null;
  const priorityLabel = (p: (typeof PRIORITIES)[number]) => t(`tickets.priorities.${p}`);

  // A new type brings its default priority, unless the user already chose another one.
  const onTypeChange = (value: string | null) => {
    const previous = types.find((x) => String(x.id) === form.values.typeId);
    const next = types.find((x) => String(x.id) === value);
    form.setFieldValue("typeId", value);
    if (next && (form.values.priority === null || form.values.priority === previous?.defaultPriority)) {
      form.setFieldValue("priority", next.defaultPriority);
    }
  };

  const typeProps = form.getInputProps("typeId");
  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          label={t("tickets.fields.type")}
          withAsterisk
          data={types.map((x) => ({ value: String(x.id), label: x.name }))}
          placeholder={t("common.pick")}
          searchable
          nothingFoundMessage={t("common.nothingFound")}
          data-autofocus
          {...typeProps}
          onChange={onTypeChange}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          label={t("tickets.fields.sector")}
          withAsterisk
          data={active(sectors.data?.items)}
          placeholder={t("common.pick")}
          searchable
          nothingFoundMessage={t("common.nothingFound")}
          {...form.getInputProps("sectorId")}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <TextInput
          label={t("tickets.fields.subject")}
          withAsterisk
          maxLength={SUBJECT_MAX}
          autoComplete="off"
          {...form.getInputProps("subject")}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <Select
          label={t("tickets.fields.product")}
          data={active(products.data?.items)}
          placeholder={t("common.none")}
          clearable
          searchable
          nothingFoundMessage={t("common.nothingFound")}
          {...form.getInputProps("productId")}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <Select
          label={t("tickets.fields.priority")}
          data={PRIORITIES.map((p) => ({ value: p, label: priorityLabel(p) }))}
          placeholder={t("common.pick")}
          allowDeselect={false}
          {...form.getInputProps("priority")}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <Select
          label={t("tickets.fields.channel")}
          data={CHANNELS.map((c) => ({ value: c, label: t(`tickets.channels.${c}`) }))}
          placeholder={t("common.none")}
          clearable
          {...form.getInputProps("channel")}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <TextInput
          label={t("tickets.fields.contactName")}
          maxLength={120}
          autoComplete="off"
          {...form.getInputProps("contactName")}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <Select
          label={t("tickets.fields.responsible")}
          data={users.data}
          placeholder={t("common.none")}
          clearable
          searchable
          nothingFoundMessage={t("common.nothingFound")}
          {...form.getInputProps("responsibleUserId")}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <DateTimeField
          label={t("tickets.fields.dueAt")}
          // The hint goes under the field, so the row's inputs stay aligned.
          inputWrapperOrder={["label", "input", "description", "error"]}
          description={
            type
              ? t("tickets.create.dueHint", {
                  date: formatDateTime(defaultDueAt(new Date(), type.daysToDue)),
                  count: type.daysToDue,
                })
              : t("tickets.create.dueHintNoType")
          }
          minDate={today()}
          defaultTime="18:00"
          {...form.getInputProps("dueAt")}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <Textarea
          label={t("tickets.fields.firstNote")}
          description={t("tickets.note.textHint")}
          withAsterisk
          autosize
          minRows={4}
          maxRows={10}
          {...form.getInputProps("note")}
        />
      </Grid.Col>
    </Grid>
  );
}
