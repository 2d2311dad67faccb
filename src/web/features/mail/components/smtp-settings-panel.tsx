import "../i18n/index.ts";
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NumberInput,
  PasswordInput,
  Stack,
  Switch,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type SmtpSettingsView, updateSmtpSettingsBody } from "../../../../shared/mail.schemas.ts";
import { useErrorMessage } from "../../../app/error-message.ts";
import { notifyError, notifySuccess } from "../../../app/notify.ts";
import { useSaveErrorHandler } from "../../../app/save-errors.ts";
import { PageLoader } from "../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../app/ui/query-error.tsx";
import { zodResolver } from "../../../app/zod-form.ts";
import { smtpSettingsQuery, useSaveSmtp, useSmtpTest } from "../api/mail-api.ts";

const FIELDS = ["host", "port", "secure", "username", "password", "enabled"] as const;

/** Configurador › E-mail (SMTP): the server mail goes out through; the password is never shown. */
export function SmtpSettingsPanel() {
  const smtp = useQuery(smtpSettingsQuery);
  if (smtp.isPending) return <PageLoader />;
  if (smtp.isError) return <QueryError error={smtp.error} onRetry={() => void smtp.refetch()} />;
  return <SmtpForm key={smtp.data.version} current={smtp.data} />;
}

type Values = {
  enabled: boolean;
  host: string;
  port: number | string;
  secure: boolean;
  username: string;
  password: string;
  clearPassword: boolean;
};

/** The PATCH body: an empty password field keeps the stored one unless "apagar" is ticked. */
function toBody(values: Values, version: number) {
  return {
    enabled: values.enabled,
    host: values.host.trim() || null,
    port: typeof values.port === "number" ? values.port : Number.NaN,
    secure: values.secure,
    username: values.username.trim() || null,
    ...(values.clearPassword ? { password: null } : values.password ? { password: values.password } : {}),
    version,
  };
}

function SmtpForm({ current }: { current: SmtpSettingsView }) {
  const { t } = useTranslation();
  const save = useSaveSmtp();
  const test = useSmtpTest();
  const onSaveError = useSaveErrorHandler();
  const errorMessage = useErrorMessage();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      enabled: current.enabled,
      host: current.host ?? "",
      port: current.port,
      secure: current.secure,
      username: current.username ?? "",
      password: "",
      clearPassword: false,
    },
    validate: (values) => zodResolver(updateSmtpSettingsBody)(toBody(values, current.version)),
  });
  const submit = form.onSubmit((values) => {
    setAlert(null);
    save.mutate(toBody(values, current.version), {
      onSuccess: () => notifySuccess(t("mail.smtp.saved")),
      onError: (error) =>
        onSaveError(error, { fields: FIELDS, setFieldError: form.setFieldError, setAlert, onStale: () => undefined }),
    });
  });
  const sendTest = () =>
    test.mutate(undefined, {
      onSuccess: (r) => notifySuccess(t("mail.smtp.testQueued", { to: r.to })),
      onError: (error) => notifyError(t("mail.smtp.test"), errorMessage(error)),
    });

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={560}>
        <Alert color={current.delivery === "files" ? "yellow" : "blue"}>
          {t(`mail.smtp.delivery.${current.delivery}`)}{" "}
          <Anchor component={Link} to="/admin/emails" size="sm">
            {t("mail.smtp.outboxLink")}
          </Anchor>
        </Alert>
        {alert && (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        )}
        <Switch label={t("mail.smtp.enabled")} {...form.getInputProps("enabled", { type: "checkbox" })} />
        <Group grow align="flex-start">
          <TextInput label={t("mail.smtp.host")} autoComplete="off" {...form.getInputProps("host")} />
          <NumberInput
            label={t("mail.smtp.port")}
            min={1}
            max={65535}
            allowDecimal={false}
            maw={140}
            {...form.getInputProps("port")}
          />
        </Group>
        <Checkbox
          label={t("mail.smtp.secure")}
          description={t("mail.smtp.secureHint")}
          {...form.getInputProps("secure", { type: "checkbox" })}
        />
        <TextInput label={t("mail.smtp.username")} autoComplete="off" {...form.getInputProps("username")} />
        <PasswordInput
          label={t("mail.smtp.password")}
          placeholder={current.hasPassword ? t("mail.smtp.passwordKept") : undefined}
          autoComplete="new-password"
          disabled={form.values.clearPassword}
          {...form.getInputProps("password")}
        />
        {current.hasPassword && (
          <Checkbox
            label={t("mail.smtp.clearPassword")}
            {...form.getInputProps("clearPassword", { type: "checkbox" })}
          />
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
          <Button variant="default" onClick={sendTest} loading={test.isPending}>
            {t("mail.smtp.test")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
