import "../i18n/index.ts";
import { Alert, Button, Group, MultiSelect, NumberInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type CriticalFactorSettings,
  updateCriticalFactorSettingsBody,
} from "../../../../shared/critical-factors.schemas.ts";
import { notifySuccess } from "../../../app/notify.ts";
import { useSaveErrorHandler } from "../../../app/save-errors.ts";
import { ticketTypesQuery } from "../../../app/settings-lists.ts";
import { PageLoader } from "../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../app/ui/query-error.tsx";
import { zodResolver } from "../../../app/zod-form.ts";
import { criticalSettingsKey, criticalSettingsQuery, useSaveCriticalSettings } from "../api/watchers-api.ts";

/** Configurador › Fatores críticos: N, M and the ticket types that count or never count. */
export function CriticalSettingsPanel() {
  const settings = useQuery(criticalSettingsQuery());
  if (settings.isPending) return <PageLoader />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  // Keyed by version: after a save (or a reload on 412) the form starts from what the server has.
  return <CriticalSettingsForm key={settings.data.version} current={settings.data} />;
}

const FIELDS = ["thresholdDays", "warnDays", "includeTypeIds", "excludeTypeIds"] as const;

function CriticalSettingsForm({ current }: { current: CriticalFactorSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useSaveCriticalSettings();
  const onSaveError = useSaveErrorHandler();
  const types = useQuery(ticketTypesQuery);
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      thresholdDays: current.thresholdDays as number | string,
      warnDays: current.warnDays as number | string,
      includeTypeIds: current.includeTypeIds.map(String),
      excludeTypeIds: current.excludeTypeIds.map(String),
    },
  });
  const body = (v: typeof form.values) => ({
    thresholdDays: typeof v.thresholdDays === "number" ? v.thresholdDays : Number.NaN,
    warnDays: typeof v.warnDays === "number" ? v.warnDays : Number.NaN,
    includeTypeIds: v.includeTypeIds.map(Number),
    excludeTypeIds: v.excludeTypeIds.map(Number),
    version: current.version,
  });
  const typeOptions = (types.data?.items ?? []).map((ty) => ({ value: String(ty.id), label: ty.name }));
  const submit = form.onSubmit((values) => {
    setAlert(null);
    const errors = zodResolver(updateCriticalFactorSettingsBody)(body(values));
    if (Object.keys(errors).length) {
      form.setErrors(errors);
      return;
    }
    save.mutate(body(values), {
      onSuccess: () => notifySuccess(t("critical.settings.saved")),
      onError: (error) =>
        onSaveError(error, {
          fields: FIELDS,
          setFieldError: form.setFieldError,
          setAlert,
          onStale: () => void queryClient.invalidateQueries({ queryKey: criticalSettingsKey }),
        }),
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={620}>
        <Text size="sm" c="dimmed">
          {t("critical.settings.intro", { zone: current.timeZone })}
        </Text>
        {alert && (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        )}
        <Group grow align="flex-start">
          <NumberInput
            label={t("critical.settings.thresholdDays")}
            description={t("critical.settings.thresholdHint")}
            min={0}
            max={365}
            allowDecimal={false}
            {...form.getInputProps("thresholdDays")}
          />
          <NumberInput
            label={t("critical.settings.warnDays")}
            description={t("critical.settings.warnHint")}
            min={0}
            max={365}
            allowDecimal={false}
            {...form.getInputProps("warnDays")}
          />
        </Group>
        <MultiSelect
          label={t("critical.settings.include")}
          description={t("critical.settings.includeHint")}
          data={typeOptions}
          searchable
          clearable
          {...form.getInputProps("includeTypeIds")}
        />
        <MultiSelect
          label={t("critical.settings.exclude")}
          description={t("critical.settings.excludeHint")}
          data={typeOptions}
          searchable
          clearable
          {...form.getInputProps("excludeTypeIds")}
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
