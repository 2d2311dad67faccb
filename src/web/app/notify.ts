import { notifications } from "@mantine/notifications";
import { i18n } from "../i18n/index.ts";

// Mantine's close button has no accessible name of its own: give it one in the current language.
const closeButtonProps = () => ({ "aria-label": i18n.t("common.close") });

export function notifySuccess(message: string): void {
  notifications.show({ color: "green", message, closeButtonProps: closeButtonProps() });
}

export function notifyError(title: string, message: string): void {
  notifications.show({ color: "red", title, message, closeButtonProps: closeButtonProps(), autoClose: 8000 });
}
