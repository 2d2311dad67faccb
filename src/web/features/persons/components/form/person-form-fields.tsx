import "../../i18n/index.ts";
import { Checkbox, Grid, Input, MultiSelect, SegmentedControl, Stack, Textarea, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useId } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { PersonKind } from "../../../../../shared/persons.schemas.ts";
import { canWriteCategory } from "../../../../app/access.ts";
import { useMe } from "../../../../app/auth.ts";
import { categoriesQuery, characteristicsQuery } from "../../../../app/settings-lists.ts";
import { maskDocument } from "../masks.ts";
import { ContactList } from "./contact-list.tsx";
import type { PersonValues } from "./person-values.ts";

/**
 * The person's own fields, for the new-person page and the edit dialog. Inactive categories and
 * characteristics are offered only when the person already has them; categories the user may
 * not write are shown but can not be added or removed (the server refuses it too).
 */
export function PersonFormFields({ form, mode }: { form: UseFormReturnType<PersonValues>; mode: "create" | "edit" }) {
  const { t } = useTranslation();
  const me = useMe();
  const kindLabelId = useId();
  const categories = useQuery(categoriesQuery);
  const characteristics = useQuery(characteristicsQuery);
  const values = form.getValues();
  const isCompany = values.kind === "company";

  const categoryOptions = (categories.data?.items ?? [])
    .filter((c) => c.isActive || values.categoryIds.includes(String(c.id)))
    .filter((c) => mode === "edit" || canWriteCategory(me, c.id))
    .map((c) => ({ value: String(c.id), label: c.name, disabled: !canWriteCategory(me, c.id) }));
  const characteristicOptions = (characteristics.data?.items ?? [])
    .filter((c) => c.isActive || values.characteristicIds.includes(String(c.id)))
    .map((c) => ({ value: String(c.id), label: c.name }));

  const setKind = (kind: PersonKind) => {
    form.setFieldValue("kind", kind);
    form.setFieldValue("document", maskDocument(values.document, kind));
  };

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Input.Label id={kindLabelId} labelElement="div">
          {t("person.form.kind")}
        </Input.Label>
        <SegmentedControl
          aria-labelledby={kindLabelId}
          value={values.kind}
          onChange={(v) => setKind(v as PersonKind)}
          data={[
            { value: "individual", label: t("person.kind.individualShort") },
            { value: "company", label: t("person.kind.companyShort") },
          ]}
          style={{ alignSelf: "flex-start" }}
        />
      </Stack>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <TextInput
            label={t("common.name")}
            required
            data-autofocus
            autoComplete="off"
            {...form.getInputProps("name")}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label={t("person.form.shortName")} autoComplete="off" {...form.getInputProps("shortName")} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label={isCompany ? "CNPJ" : "CPF"}
            description={isCompany ? t("person.form.cnpjHint") : undefined}
            placeholder={isCompany ? "00.000.000/0000-00" : "000.000.000-00"}
            autoComplete="off"
            spellCheck={false}
            inputMode={isCompany ? "text" : "numeric"}
            {...form.getInputProps("document")}
            onChange={(event) => form.setFieldValue("document", maskDocument(event.currentTarget.value, values.kind))}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <MultiSelect
            label={t("person.form.categories")}
            required
            data={categoryOptions}
            placeholder={values.categoryIds.length ? undefined : t("common.pick")}
            searchable
            nothingFoundMessage={t("common.nothingFound")}
            {...form.getInputProps("categoryIds")}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <MultiSelect
            label={t("person.form.characteristics")}
            data={characteristicOptions}
            placeholder={values.characteristicIds.length ? undefined : t("common.pick")}
            searchable
            nothingFoundMessage={t("common.nothingFound")}
            {...form.getInputProps("characteristicIds")}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ContactList form={form} kind="emails" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ContactList form={form} kind="phones" />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea label={t("person.form.notes")} autosize minRows={2} maxRows={8} {...form.getInputProps("notes")} />
        </Grid.Col>
        {mode === "edit" && (
          <Grid.Col span={12}>
            <Checkbox
              label={t("person.form.isActive")}
              description={t("person.form.isActiveHint")}
              {...form.getInputProps("isActive", { type: "checkbox" })}
            />
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}
