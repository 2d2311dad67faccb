import { Alert, Button, Group, Modal, Stack } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";

type Props = { opened: boolean; title: string; onClose: () => void; children: ReactNode };

/** The frame of every settings modal; the form inside mounts only while open (fresh each time). */
export function SettingModal({ opened, title, onClose, children }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ "aria-label": t("common.close") }}>
      {opened && children}
    </Modal>
  );
}

type FormProps = {
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  alert: string | null;
  pending: boolean;
  isNew: boolean;
  onCancel: () => void;
  children: ReactNode;
};

/** Fields, the alert for what no field explains, Cancel and Create/Save. */
export function SettingForm({ onSubmit, alert, pending, isNew, onCancel, children }: FormProps) {
  const { t } = useTranslation();
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {alert && <Alert color="red">{alert}</Alert>}
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={pending}>
            {isNew ? t("admin2.common.create") : t("admin2.common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
