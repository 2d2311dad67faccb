import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

type Props = {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  color?: string;
  loading: boolean;
  /** Why the last attempt failed, already translated. */
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
};

/** "Are you sure?" with the consequence spelled out; Cancel has the focus. */
export function ConfirmModal({ opened, title, message, confirmLabel, color = "red", loading, error, ...on }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={on.onClose} title={title} closeButtonProps={{ "aria-label": t("common.close") }}>
      <Stack>
        <Text size="sm">{message}</Text>
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={on.onClose} data-autofocus>
            {t("common.cancel")}
          </Button>
          <Button color={color} loading={loading} onClick={on.onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
