import "../../i18n/index.ts";
import { Button, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Webhook } from "../../../../../shared/webhooks.schemas.ts";
import { useErrorMessage } from "../../../../app/error-message.ts";
import { notifySuccess } from "../../../../app/notify.ts";
import { ConfirmModal } from "../../../../app/ui/confirm-modal.tsx";
import { PageHeader } from "../../../../app/ui/page-header.tsx";
import { PageLoader } from "../../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../../app/ui/query-error.tsx";
import { useDeleteWebhook, useRotateWebhookSecret, webhooksQuery } from "../../api/webhooks-api.ts";
import { SecretOnceModal } from "../secret-once-modal.tsx";
import { DeliveriesDrawer } from "./deliveries-drawer.tsx";
import { WebhookModal } from "./webhook-modal.tsx";
import { type WebhookAction, WebhooksTable } from "./webhooks-table.tsx";

/** What is open: the form (new or one webhook), the deliveries, or a confirmation. */
type Open = { action: WebhookAction | "new"; webhook: Webhook | null } | null;

/** Administração › Integrações: the webhooks, their health, their deliveries. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const webhooks = useQuery(webhooksQuery);
  const [open, setOpen] = useState<Open>(null);
  // The drawer and the confirmations keep their webhook while they slide away.
  const [last, setLast] = useState<Webhook | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const rotate = useRotateWebhookSecret();
  const remove = useDeleteWebhook();
  const errorMessage = useErrorMessage();
  const close = () => {
    rotate.reset();
    remove.reset();
    setOpen(null);
  };
  const act = (action: WebhookAction | "new", webhook: Webhook | null) => {
    if (webhook) setLast(webhook);
    setOpen({ action, webhook });
  };
  const is = (action: WebhookAction | "new") => open?.action === action;

  return (
    <>
      <PageHeader
        title={t("webhooks.title")}
        action={<Button onClick={() => act("new", null)}>{t("webhooks.new")}</Button>}
      />
      <Text c="dimmed" size="sm" mb="md">
        {t("webhooks.intro")}
      </Text>
      {webhooks.isPending && <PageLoader />}
      {webhooks.isError && <QueryError error={webhooks.error} onRetry={() => void webhooks.refetch()} />}
      {webhooks.data && webhooks.data.items.length === 0 && <Text c="dimmed">{t("webhooks.empty")}</Text>}
      {webhooks.data && webhooks.data.items.length > 0 && (
        <WebhooksTable webhooks={webhooks.data.items} onAction={act} />
      )}
      <WebhookModal
        webhook={is("edit") ? (open?.webhook ?? null) : null}
        opened={is("new") || is("edit")}
        onClose={close}
        onCreated={(created) => {
          close();
          setSecret(created.secret);
        }}
      />
      <DeliveriesDrawer webhook={last} opened={is("deliveries")} onClose={close} />
      <ConfirmModal
        opened={is("rotate")}
        title={t("webhooks.rotateTitle")}
        message={last ? t("webhooks.rotateConfirm", { url: last.url }) : ""}
        confirmLabel={t("webhooks.rotate")}
        loading={rotate.isPending}
        error={rotate.isError ? errorMessage(rotate.error) : null}
        onClose={close}
        onConfirm={() => {
          if (!last) return;
          rotate.mutate(last.id, {
            onSuccess: (rotated) => {
              close();
              setSecret(rotated.secret);
            },
          });
        }}
      />
      <ConfirmModal
        opened={is("remove")}
        title={t("webhooks.removeTitle")}
        message={last ? t("webhooks.removeConfirm", { url: last.url }) : ""}
        confirmLabel={t("webhooks.remove")}
        color="red"
        loading={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onClose={close}
        onConfirm={() => {
          if (!last) return;
          remove.mutate(last.id, {
            onSuccess: () => {
              notifySuccess(t("webhooks.removed"));
              close();
            },
          });
        }}
      />
      <SecretOnceModal
        secret={secret}
        title={t("webhooks.secretTitle")}
        warning={t("webhooks.secretWarning")}
        label={t("webhooks.secretLabel")}
        doneLabel={t("webhooks.secretDone")}
        onClose={() => setSecret(null)}
      />
    </>
  );
}
