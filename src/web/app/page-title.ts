import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";

/** "Página · Vínculo" in the browser tab. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · ${t("app.name")}`);
}
