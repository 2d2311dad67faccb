import "../../features/persons/i18n/index.ts";
import { Anchor, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../page-title.ts";

export function PersonNotFound({ code }: { code: string }) {
  const { t } = useTranslation();
  usePageTitle(t("person.notFound.title"));
  return (
    <Stack gap="xs">
      <Title order={1} size="h2">
        {t("person.notFound.title")}
      </Title>
      <Text c="dimmed">{t("person.notFound.hint", { code })}</Text>
      <Anchor component={Link} to="/">
        {t("common.backHome")}
      </Anchor>
    </Stack>
  );
}
