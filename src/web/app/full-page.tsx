import { Alert, Button, Center, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageLoader } from "./ui/page-loader.tsx";

/** Shown while the app checks who is logged in. */
export function FullPageLoader() {
  return <PageLoader fullScreen />;
}

/** Shown when the app can not even start (no server, unexpected error). */
export function FullPageError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Center h="100vh" p="md">
      <Stack maw={480}>
        <Alert color="red" title={t("app.name")}>
          {message}
        </Alert>
        <Button onClick={onRetry}>{t("common.retry")}</Button>
      </Stack>
    </Center>
  );
}
