import { Alert, Button, Center, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageLoader } from "./ui/page-loader.tsx";

/** Shown while the app checks who is logged in. */
export function FullPageLoader() {
  return <PageLoader fullScreen />;
}

/**
 * Shown when the app can not even start (no server, unexpected error). Offline (the service worker
 * opened the shell without a network) it says so, instead of the browser's error page.
 */
export function FullPageError({
  message,
  onRetry,
  offline = false,
}: {
  message: string;
  onRetry: () => void;
  offline?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Center h="100vh" p="md">
      <Stack maw={480}>
        <Alert color={offline ? "yellow" : "red"} title={offline ? t("offline.title") : t("app.name")} role="alert">
          {offline ? t("offline.start") : message}
        </Alert>
        <Button onClick={onRetry}>{t("common.retry")}</Button>
      </Stack>
    </Center>
  );
}
