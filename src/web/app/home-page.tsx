import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { canCreatePerson, hasTicketAccess } from "./access.ts";
import { useMe } from "./auth.ts";
import { lazyNamed } from "./lazy.ts";
import { usePageTitle } from "./page-title.ts";

// "Meus atendimentos" (with its strings) loads after the page: nothing of it in the first load.
const MyTicketsHome = lazyNamed(() => import("../features/tickets/components/my-tickets-home.tsx"), "MyTicketsHome");

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t("layout.home"));
  return (
    <Stack gap="md">
      <Card withBorder padding="lg" maw={640}>
        <Title order={1} size="h2">
          {t("home.hello", { name: me.user.name })}
        </Title>
        <Text mt="xs" c="dimmed">
          {t("home.hint")}
        </Text>
        {canCreatePerson(me) && (
          <Group mt="md" gap="sm" align="center">
            <Button component={Link} to="/pessoas/nova">
              {t("person.new")}
            </Button>
            <Text size="sm" c="dimmed">
              {t("person.homeHint")}
            </Text>
          </Group>
        )}
      </Card>
      {hasTicketAccess(me) && (
        <Suspense fallback={null}>
          <MyTicketsHome />
        </Suspense>
      )}
    </Stack>
  );
}
