import "../../i18n/index.ts";
import { Alert, Button, Checkbox, Group, MultiSelect, Select, Stack, Switch, TextInput } from "@mantine/core";
import { type FormErrors, useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EVENT_TYPES, type EventType } from "../../../../../shared/journal.ts";
import {
  type CreatedWebhook,
  createWebhookBody,
  updateWebhookBody,
  type Webhook,
} from "../../../../../shared/webhooks.schemas.ts";
import { notifySuccess } from "../../../../app/notify.ts";
import { useSaveErrorHandler } from "../../../../app/save-errors.ts";
import { ModalShell } from "../../../../app/ui/modal-shell.tsx";
import { zodResolver } from "../../../../app/zod-form.ts";
import { usersQuery } from "../../api/users-api.ts";
import { useCreateWebhook, useUpdateWebhook } from "../../api/webhooks-api.ts";

/** The event types in the groups an administrator thinks in; each shows its code, which the receiver reads. */
const GROUP_OF: Record<string, string> = {
  person: "person",
  address: "person",
  related: "person",
  ticket: "ticket",
  note: "ticket",
  appointment: "appointment",
  watcher: "watcher",
  receivable: "finance",
  commission: "finance",
  contract: "finance",
  mail: "mail",
  settings: "settings",
};
const GROUPS = ["person", "ticket", "appointment", "watcher", "finance", "mail", "settings"] as const;

type Values = {
  url: string;
  description: string;
  eventTypes: string[];
  userId: string | null;
  allowPrivate: boolean;
  active: boolean;
};
const FIELDS = ["url", "description", "eventTypes", "userId", "allowPrivate", "active"] as const;

const toBody = (values: Values) => ({
  url: values.url,
  description: values.description,
  eventTypes: values.eventTypes as EventType[],
  userId: values.userId ? Number(values.userId) : undefined,
  allowPrivate: values.allowPrivate,
});

type Props = {
  /** The webhook being edited; null for a new one. */
  webhook: Webhook | null;
  opened: boolean;
  onClose: () => void;
  /** A new webhook, with its secret (shown once). */
  onCreated: (webhook: CreatedWebhook) => void;
};

export function WebhookModal({ webhook, opened, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  return (
    <ModalShell
      opened={opened}
      onClose={onClose}
      title={webhook ? t("webhooks.editTitle") : t("webhooks.new")}
      size="lg"
    >
      <WebhookForm webhook={webhook} onDone={onClose} onCreated={onCreated} />
    </ModalShell>
  );
}

const validateCreate = zodResolver(createWebhookBody);
const validateUpdate = zodResolver(updateWebhookBody);

function WebhookForm({
  webhook,
  onDone,
  onCreated,
}: { webhook: Webhook | null; onDone: () => void } & Pick<Props, "onCreated">) {
  const { t } = useTranslation();
  const users = useQuery(usersQuery);
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const handleError = useSaveErrorHandler();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      url: webhook?.url ?? "",
      description: webhook?.description ?? "",
      eventTypes: webhook?.eventTypes ?? [],
      userId: webhook ? String(webhook.userId) : null,
      allowPrivate: webhook?.allowPrivate ?? false,
      active: webhook?.active ?? true,
    },
    validate: (values): FormErrors => {
      const errors = webhook
        ? validateUpdate({ ...toBody(values), active: values.active, version: webhook.version })
        : validateCreate(toBody(values));
      return values.userId ? errors : { ...errors, userId: t("webhooks.userRequired") };
    },
  });
  const userOptions = (users.data?.items ?? [])
    .filter((u) => u.isActive || String(u.id) === form.values.userId)
    .map((u) => ({ value: String(u.id), label: `${u.name} (${u.username})` }));
  const eventOptions = GROUPS.map((group) => ({
    group: t(`webhooks.groups.${group}`),
    items: EVENT_TYPES.filter((type) => GROUP_OF[type.split(".")[0] ?? ""] === group),
  }));
  const target = { fields: FIELDS, setFieldError: form.setFieldError, setAlert, onStale: onDone };

  const submit = form.onSubmit((values) => {
    setAlert(null);
    if (webhook) {
      const body = updateWebhookBody.parse({ ...toBody(values), active: values.active, version: webhook.version });
      update.mutate(
        { id: webhook.id, body },
        {
          onSuccess: () => {
            notifySuccess(t("webhooks.saved"));
            onDone();
          },
          onError: (error) => handleError(error, target),
        },
      );
      return;
    }
    create.mutate(createWebhookBody.parse(toBody(values)), {
      onSuccess: (created) => {
        notifySuccess(t("webhooks.created"));
        onCreated(created);
      },
      onError: (error) => handleError(error, target),
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {alert && <Alert color="red">{alert}</Alert>}
        <TextInput
          label={t("webhooks.url")}
          description={t("webhooks.urlHint")}
          type="url"
          inputMode="url"
          autoComplete="off"
          data-autofocus
          {...form.getInputProps("url")}
        />
        <TextInput
          label={t("webhooks.description")}
          description={t("webhooks.descriptionHint")}
          autoComplete="off"
          {...form.getInputProps("description")}
        />
        <MultiSelect
          label={t("webhooks.eventTypes")}
          description={t("webhooks.eventTypesHint")}
          placeholder={form.values.eventTypes.length === 0 ? t("webhooks.eventTypesPlaceholder") : undefined}
          data={eventOptions}
          searchable
          clearable
          hidePickedOptions
          maxDropdownHeight={260}
          {...form.getInputProps("eventTypes")}
        />
        <Select
          label={t("webhooks.user")}
          description={t("webhooks.userHint")}
          data={userOptions}
          searchable
          disabled={users.isPending}
          nothingFoundMessage={t("webhooks.noUsers")}
          {...form.getInputProps("userId")}
        />
        <Checkbox
          label={t("webhooks.allowPrivate")}
          description={t("webhooks.allowPrivateHint")}
          {...form.getInputProps("allowPrivate", { type: "checkbox" })}
        />
        {webhook && (
          <Switch
            label={t("webhooks.active")}
            description={t("webhooks.activeHint")}
            {...form.getInputProps("active", { type: "checkbox" })}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {webhook ? t("common.save") : t("webhooks.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
