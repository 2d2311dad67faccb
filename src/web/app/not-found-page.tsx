import { Anchor, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "./page-title.ts";

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t("errors.notFoundTitle"));
  return (
    <Stack gap="xs">
      <Title order={1} size="h2">
        {t("errors.notFoundTitle")}
      </Title>
      <Text c="dimmed">{t("errors.notFoundHint")}</Text>
      <Anchor component={Link} to="/">
        {t("common.backHome")}
      </Anchor>
    </Stack>
  );
}
