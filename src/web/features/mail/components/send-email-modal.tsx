import "../i18n/index.ts";
import { Alert, Button, Group, Stack, TagsInput, Text, Textarea, TextInput } from "@mantine/core";
import { type FormErrors, useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type EmailRecipients,
  MAIL_MAX_RECIPIENTS,
  MAIL_SUBJECT_MAX,
  sendEmailBody,
} from "../../../../shared/mail.schemas.ts";
import type { Person } from "../../../../shared/persons.schemas.ts";
import { isApiError } from "../../../app/api.ts";
import { useErrorMessage, useServerText } from "../../../app/error-message.ts";
import { notifySuccess } from "../../../app/notify.ts";
import { ModalShell } from "../../../app/ui/modal-shell.tsx";
import { PageLoader } from "../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../app/ui/query-error.tsx";
import { zodResolver } from "../../../app/zod-form.ts";
import { emailRecipientsQuery, useSendEmail } from "../api/mail-api.ts";

type Values = { to: string[]; cc: string[]; subject: string; body: string };
const FIELDS = ["to", "cc", "subject", "body"] as const;

export function SendEmailModal({
  person,
  opened,
  onClose,
  replyTo,
}: {
  person: Person;
  opened: boolean;
  onClose: () => void;
  replyTo: string;
}) {
  const { t } = useTranslation();
  return (
    <ModalShell opened={opened} onClose={onClose} size="xl" title={t("mail.sendTitle", { name: person.name })}>
      <Recipients person={person} onDone={onClose} replyTo={replyTo} />
    </ModalShell>
  );
}

function Recipients({ person, onDone, replyTo }: { person: Person; onDone: () => void; replyTo: string }) {
  const recipients = useQuery(emailRecipientsQuery(person.code));
  if (recipients.isPending) return <PageLoader />;
  if (recipients.isError) return <QueryError error={recipients.error} onRetry={() => void recipients.refetch()} />;
  return <SendForm code={person.code} recipients={recipients.data} onDone={onDone} replyTo={replyTo} />;
}

/**
 * "to.1" (the second address) is shown on the whole field, naming the address: a tag input has
 * one error line.
 */
function collapse(errors: FormErrors, values: Values): FormErrors {
  const out: FormErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const [field, index] = key.split(".");
    if (!field) continue;
    const address = index !== undefined ? values[field as "to" | "cc"]?.[Number(index)] : undefined;
    out[field] ??= address ? `${address}: ${String(message)}` : message;
  }
  return out;
}

function SendForm({
  code,
  recipients,
  onDone,
  replyTo,
}: {
  code: number;
  recipients: EmailRecipients;
  onDone: () => void;
  replyTo: string;
}) {
  const { t } = useTranslation();
  const send = useSendEmail(code);
  const errorMessage = useErrorMessage();
  const texts = useServerText();
  const [alert, setAlert] = useState<string | null>(null);
  const labels = new Map(recipients.suggestions.map((s) => [s.address, s.label]));
  const options = [...(recipients.main ? [recipients.main] : []), ...recipients.suggestions.map((s) => s.address)];
  const form = useForm<Values>({
    initialValues: { to: recipients.main ? [recipients.main] : [], cc: [], subject: "", body: "" },
    validate: (values) => collapse(zodResolver(sendEmailBody)(values), values),
  });

  const submit = form.onSubmit((values) => {
    setAlert(null);
    send.mutate(sendEmailBody.parse(values), {
      onSuccess: (mail) => {
        notifySuccess(t("mail.queued", { to: mail.to.join(", ") }));
        onDone();
      },
      onError: (error) => {
        const issues = isApiError(error) ? error.fieldIssues : [];
        const errors = collapse(Object.fromEntries(issues.map((i) => [i.field, texts.issue(i)])), values);
        const known = Object.keys(errors).filter((f) => (FIELDS as readonly string[]).includes(f));
        for (const field of known) form.setFieldError(field, errors[field]);
        if (known.length === 0 || known.length < Object.keys(errors).length) setAlert(errorMessage(error));
      },
    });
  });

  const renderOption = ({ option }: { option: { value: string } }) => (
    <Stack gap={0}>
      <Text size="sm">{option.value}</Text>
      {labels.get(option.value) && (
        <Text size="xs" c="dimmed">
          {labels.get(option.value)}
        </Text>
      )}
    </Stack>
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {alert && (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        )}
        <TagsInput
          label={t("mail.to")}
          description={t("mail.toHint")}
          withAsterisk
          data={options}
          renderOption={renderOption}
          maxTags={MAIL_MAX_RECIPIENTS}
          splitChars={[",", ";", " "]}
          clearable
          {...form.getInputProps("to")}
        />
        <TagsInput
          label={t("mail.cc")}
          data={options}
          renderOption={renderOption}
          maxTags={MAIL_MAX_RECIPIENTS}
          splitChars={[",", ";", " "]}
          clearable
          {...form.getInputProps("cc")}
        />
        <TextInput
          label={t("mail.subject")}
          withAsterisk
          maxLength={MAIL_SUBJECT_MAX}
          autoComplete="off"
          data-autofocus
          {...form.getInputProps("subject")}
        />
        <Textarea
          label={t("mail.body")}
          withAsterisk
          autosize
          minRows={8}
          maxRows={20}
          {...form.getInputProps("body")}
        />
        {replyTo && (
          <Text size="xs" c="dimmed">
            {t("mail.replyToHint", { email: replyTo })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={send.isPending}>
            {t("mail.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
