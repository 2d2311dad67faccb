import { Modal, type ModalProps } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: ModalProps["size"];
  children: ReactNode;
};

/**
 * The frame of every dialog whose content is a form: the close button named in the user's
 * language, and the content mounted only while open, so each opening starts from the stored
 * values (and the hooks inside start afresh).
 */
export function ModalShell({ opened, onClose, title, size, children }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size={size}
      title={title}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {opened && children}
    </Modal>
  );
}
