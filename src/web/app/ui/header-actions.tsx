import { Button, type ButtonProps, Menu } from "@mantine/core";
import { createContext, type ReactNode, useContext } from "react";
import { createPortal } from "react-dom";

/**
 * How the person header shows its commands: buttons on a wide screen, items of one "Ações" menu
 * on a phone (person-header.tsx decides). The features that fill the header's slots (Enviar e-mail,
 * E-mails) render `HeaderAction`s and never need to know which.
 */
export type HeaderActionsMode = "buttons" | "menu";

export const HeaderActionsMode = createContext<HeaderActionsMode>("buttons");

/**
 * In "menu" mode, where the items go: a node inside the menu's dropdown. The commands themselves
 * (and the dialogs they open) are rendered outside the dropdown, only their items are sent into it:
 * a dialog rendered inside a closing dropdown closed with it.
 */
export const HeaderMenuSlot = createContext<HTMLElement | null>(null);

export function HeaderAction({
  children,
  onClick,
  variant = "default",
}: {
  children: ReactNode;
  onClick: () => void;
  variant?: ButtonProps["variant"];
}) {
  const mode = useContext(HeaderActionsMode);
  const slot = useContext(HeaderMenuSlot);
  if (mode === "menu") return slot ? createPortal(<Menu.Item onClick={onClick}>{children}</Menu.Item>, slot) : null;
  return (
    <Button variant={variant} onClick={onClick}>
      {children}
    </Button>
  );
}
