import "../../i18n/index.ts";
import { Alert, Button, Card, Checkbox, Group, Stack, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { createPersonBody } from "../../../../../shared/persons.schemas.ts";
import { canCreatePerson } from "../../../../app/access.ts";
import { useMe } from "../../../../app/auth.ts";
import { useErrorMessage } from "../../../../app/error-message.ts";
import { notifySuccess } from "../../../../app/notify.ts";
import { formatPersonCode, personPath } from "../../../../app/paths.ts";
import { PageHeader } from "../../../../app/ui/page-header.tsx";
import { zodResolver } from "../../../../app/zod-form.ts";
import { useCreatePerson } from "../../api/persons-api.ts";
import { AddressFields } from "../addresses/address-fields.tsx";
import { type AddressField, emptyAddress } from "../addresses/address-values.ts";
import { applyPersonServerErrors } from "./person-form-errors.ts";
import { PersonFormFields } from "./person-form-fields.tsx";
import { createBodyOf, emptyPersonValues, type PersonValues } from "./person-values.ts";

/** Route /pessoas/nova: the person, optionally a first address; then the new person's screen. */
export function NewPersonPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const create = useCreatePerson();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<PersonValues>({
    initialValues: emptyPersonValues(),
    validate: (values) => zodResolver(createPersonBody)(createBodyOf(values)),
  });
  const withAddress = form.getValues().addresses.length > 0;

  const submit = form.onSubmit((values) => {
    setAlert(null);
    create.mutate(createPersonBody.parse(createBodyOf(values)), {
      onSuccess: (person) => {
        notifySuccess(t("person.form.created", { code: formatPersonCode(person.code), name: person.name }));
        void navigate(personPath(person.code));
      },
      onError: (error) => {
        if (!applyPersonServerErrors(error, form)) setAlert(errorMessage(error));
      },
    });
  });

  if (!canCreatePerson(me)) return <Alert color="yellow">{t("person.form.cannotCreate")}</Alert>;

  return (
    <form onSubmit={submit} noValidate>
      <PageHeader title={t("person.new")} />
      <Stack gap="md" maw={960}>
        {alert && <Alert color="red">{alert}</Alert>}
        <Card withBorder padding="lg">
          <PersonFormFields form={form} mode="create" />
        </Card>
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t("person.form.firstAddress")}
            </Title>
            <Checkbox
              label={t("person.form.withAddress")}
              checked={withAddress}
              onChange={(event) => form.setFieldValue("addresses", event.currentTarget.checked ? [emptyAddress()] : [])}
            />
            {withAddress && (
              <AddressFields
                inputProps={(field: AddressField, options) => form.getInputProps(`addresses.0.${field}`, options)}
                setZip={(value) => form.setFieldValue("addresses.0.zip", value)}
              />
            )}
          </Stack>
        </Card>
        <Group justify="flex-end">
          <Button variant="default" component={Link} to="/">
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t("person.form.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
