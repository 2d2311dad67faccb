import "../i18n/index.ts";
import { Button, Group, Radio, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { WatchDelivery } from "../../../../shared/watchers.schemas.ts";
import { useErrorMessage } from "../../../app/error-message.ts";
import { notifyError, notifySuccess } from "../../../app/notify.ts";
import { ModalShell } from "../../../app/ui/modal-shell.tsx";
import { useSaveWatchPreferences, watchPreferencesQuery } from "../api/watchers-api.ts";

/** User menu › Avisos do monitoramento: one e-mail per event, or one digest a day. */
export function WatchPreferencesModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const query = useQuery(watchPreferencesQuery());
  const save = useSaveWatchPreferences();
  const [choice, setChoice] = useState<WatchDelivery | null>(null);
  const value = choice ?? query.data?.delivery ?? "immediate";
  const onSave = () =>
    save.mutate(value, {
      onSuccess: () => {
        notifySuccess(t("watch.preferences.saved"));
        onClose();
      },
      onError: (error) => notifyError(t("watch.preferences.title"), errorMessage(error)),
    });
  return (
    <ModalShell opened={opened} onClose={onClose} title={t("watch.preferences.title")}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t("watch.preferences.intro")}
        </Text>
        <Radio.Group value={value} onChange={(v) => setChoice(v === "digest" ? "digest" : "immediate")}>
          <Stack gap="xs">
            <Radio value="immediate" label={t("watch.preferences.immediate")} disabled={query.isPending} />
            <Radio value="digest" label={t("watch.preferences.digest")} disabled={query.isPending} />
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={onSave} loading={save.isPending} disabled={query.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </ModalShell>
  );
}
