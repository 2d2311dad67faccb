import { Alert, Button, Center, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function PageCrashed() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" p="md">
      <Stack maw={520}>
        <Alert color="red" title={t("errors.pageCrashed")}>
          {t("errors.pageCrashedHint")}
        </Alert>
        <Button onClick={() => window.location.reload()}>{t("common.reload")}</Button>
      </Stack>
    </Center>
  );
}
