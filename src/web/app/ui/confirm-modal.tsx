import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  opened: boolean;
  title: string;
  message: ReactNode;
  /** What the message is about, set apart under it (a ticket's subject). */
  detail?: ReactNode;
  confirmLabel: string;
  color?: string;
  loading: boolean;
  /** Off while there is nothing to confirm (the lock was already lifted). */
  confirmDisabled?: boolean;
  /** Why the last attempt failed, already translated. */
  error?: string | null;
  errorTitle?: string;
  onConfirm: () => void;
  onClose: () => void;
};

/**
 * "Are you sure?" with the consequence spelled out (remove, unlink, revoke, deactivate,
 * duplicate, unlock); Cancel has the focus.
 */
export function ConfirmModal({
  opened,
  title,
  message,
  detail,
  confirmLabel,
  color = "red",
  loading,
  confirmDisabled = false,
  error,
  errorTitle,
  ...on
}: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={on.onClose} title={title} closeButtonProps={{ "aria-label": t("common.close") }}>
      <Stack>
        {error && errorTitle && (
          <Alert color="red" role="alert" title={errorTitle}>
            {error}
          </Alert>
        )}
        {typeof message === "string" ? <Text size="sm">{message}</Text> : message}
        {detail}
        {error && !errorTitle && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={on.onClose} data-autofocus>
            {t("common.cancel")}
          </Button>
          <Button color={color} loading={loading} disabled={confirmDisabled} onClick={on.onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
