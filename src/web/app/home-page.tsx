import { Card, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useMe } from "./auth.ts";
import { usePageTitle } from "./page-title.ts";

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useMe();
  usePageTitle(t("layout.home"));
  return (
    <Card withBorder padding="lg" maw={640}>
      <Title order={1} size="h2">
        {t("home.hello", { name: user.name })}
      </Title>
      <Text mt="xs" c="dimmed">
        {t("home.hint")}
      </Text>
    </Card>
  );
}
