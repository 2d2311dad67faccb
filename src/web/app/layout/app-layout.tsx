import { Anchor, AppShell, Container, Group } from "@mantine/core";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router";
import { useMe } from "../auth.ts";
import { ErrorBoundary } from "../error-boundary.tsx";
import { PageLoader } from "../ui/page-loader.tsx";
import { AdminMenu } from "./admin-menu.tsx";
import { CommandPalette } from "./command-palette.tsx";
import { PersonSearch } from "./person-search.tsx";
import { UserMenu } from "./user-menu.tsx";

/** The frame every logged-in screen lives in: header with product name, person search and menus. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" gap="md" wrap="nowrap">
          <Anchor component={Link} to="/" fw={700} fz="xl" underline="never" c="indigo.7" style={{ flexShrink: 0 }}>
            {t("app.name")}
          </Anchor>
          <PersonSearch />
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <CommandPalette />
            {me.user.isAdmin && <AdminMenu />}
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl" px={0}>
          {/* A crashed page keeps the header, so the user can go elsewhere. */}
          <ErrorBoundary resetKey={pathname}>
            <Suspense fallback={<PageLoader />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
