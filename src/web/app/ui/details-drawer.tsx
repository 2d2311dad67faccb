import { Drawer, type DrawerProps } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

type Props<T> = {
  /** The record shown; it outlives the closing, so the title stays while the drawer slides away. */
  item: T | null;
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: DrawerProps["size"];
  /** The content, mounted only while open (it usually reads the record fresh from the server). */
  children: (item: T) => ReactNode;
};

/** "Detalhes", "Histórico", "E-mails": a panel from the right about one record. */
export function DetailsDrawer<T>({ item, opened, onClose, title, size = "md", children }: Props<T>) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={size}
      title={title}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {opened && item !== null && children(item)}
    </Drawer>
  );
}
