import "../i18n/index.ts";
import { Alert, Button, Group, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CompanySettingsView, updateCompanySettingsBody } from "../../../../shared/mail.schemas.ts";
import { companySettingsQuery } from "../../../app/company-time-zone.ts";
import { notifySuccess } from "../../../app/notify.ts";
import { useSaveErrorHandler } from "../../../app/save-errors.ts";
import { PageLoader } from "../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../app/ui/query-error.tsx";
import { zodResolver } from "../../../app/zod-form.ts";
import { useSaveCompany } from "../api/mail-api.ts";

/** Configurador › Empresa: name, time zone and the sender of e-mails. */
export function CompanySettingsPanel() {
  const company = useQuery(companySettingsQuery);
  if (company.isPending) return <PageLoader />;
  if (company.isError) return <QueryError error={company.error} onRetry={() => void company.refetch()} />;
  // Keyed by version: after a save (or a reload on 412) the form starts from what the server has.
  return <CompanyForm key={company.data.version} current={company.data} />;
}

function CompanyForm({ current }: { current: CompanySettingsView }) {
  const { t } = useTranslation();
  const save = useSaveCompany();
  const onSaveError = useSaveErrorHandler();
  const [alert, setAlert] = useState<string | null>(null);
  // Every IANA zone this browser knows; the server checks the same way.
  const zones = useMemo(() => {
    const list = Intl.supportedValuesOf("timeZone");
    return list.includes(current.timeZone) ? list : [current.timeZone, ...list];
  }, [current.timeZone]);
  const form = useForm({
    initialValues: { name: current.name, timeZone: current.timeZone, mailFrom: current.mailFrom },
    validate: (values) => zodResolver(updateCompanySettingsBody)({ ...values, version: current.version }),
  });
  const submit = form.onSubmit((values) => {
    setAlert(null);
    save.mutate(
      { ...values, version: current.version },
      {
        onSuccess: () => notifySuccess(t("mail.company.saved")),
        onError: (error) =>
          onSaveError(error, {
            fields: ["name", "timeZone", "mailFrom"],
            setFieldError: form.setFieldError,
            setAlert,
            onStale: () => undefined,
          }),
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={560}>
        {alert && (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        )}
        <TextInput
          label={t("mail.company.name")}
          description={t("mail.company.nameHint")}
          withAsterisk
          {...form.getInputProps("name")}
        />
        <Select
          label={t("mail.company.timeZone")}
          description={t("mail.company.timeZoneHint")}
          data={zones}
          searchable
          allowDeselect={false}
          limit={50}
          {...form.getInputProps("timeZone")}
        />
        <TextInput
          label={t("mail.company.mailFrom")}
          description={t("mail.company.mailFromHint")}
          type="email"
          withAsterisk
          {...form.getInputProps("mailFrom")}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
