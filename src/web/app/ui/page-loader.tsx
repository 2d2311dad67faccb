import { Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A spinner screen readers announce as "Carregando…". */
export function PageLoader({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <Center h={fullScreen ? "100vh" : undefined} py={fullScreen ? undefined : "xl"}>
      <Loader role="status" aria-label={t("common.loading")} />
    </Center>
  );
}
