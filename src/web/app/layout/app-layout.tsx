import { Alert, Anchor, Box, Container, Group } from "@mantine/core";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router";
import { useMe } from "../auth.ts";
import { useCompanyTimeZone } from "../company-time-zone.ts";
import { ErrorBoundary } from "../error-boundary.tsx";
import { useOnline } from "../online.ts";
import { PageLoader } from "../ui/page-loader.tsx";
import { AdminMenu } from "./admin-menu.tsx";
import { CommandPalette } from "./command-palette.tsx";
import { PersonSearch } from "./person-search.tsx";
import { UserMenu } from "./user-menu.tsx";

const HEADER_HEIGHT = 60;

/**
 * A fixed header over a padded main, as Mantine's AppShell lays them out, by hand: the shell has no
 * navbar, aside or footer, and AppShell's code for those (media styles, resize handles) would cost
 * ~5 KiB gzipped of the first load. `right-scroll-bar-position` is react-remove-scroll's class for
 * fixed elements: while a modal locks the page's scroll, the header keeps its place.
 */
const headerStyle = {
  position: "fixed",
  top: 0,
  insetInline: 0,
  height: HEADER_HEIGHT,
  zIndex: 100,
  backgroundColor: "var(--mantine-color-body)",
  borderBottom: "1px solid var(--mantine-color-gray-3)",
} as const;
const mainStyle = {
  padding: "var(--mantine-spacing-md)",
  paddingTop: `calc(${HEADER_HEIGHT}px + var(--mantine-spacing-md))`,
  minHeight: "100dvh",
} as const;

/** The frame every logged-in screen lives in: header with product name, person search and menus. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const timeZone = useCompanyTimeZone();
  const online = useOnline();
  return (
    <>
      <header className="right-scroll-bar-position" style={headerStyle}>
        <Group h="100%" px={{ base: "sm", xs: "md" }} gap="sm" wrap="nowrap">
          <Anchor component={Link} to="/" fw={700} fz="xl" underline="never" c="indigo.8" style={{ flexShrink: 0 }}>
            {t("app.name")}
          </Anchor>
          {/* The search takes the room between the name and the menus, so the menus sit at the right
              edge at any width (the box itself stops growing at its own maximum). */}
          <div style={{ flex: 1, minWidth: 0, display: "flex" }}>
            <PersonSearch />
          </div>
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            {/* Ctrl+K is a keyboard's shortcut: a phone gives its room to the search (the shortcut still works). */}
            <Box visibleFrom="xs">
              <CommandPalette />
            </Box>
            {me.user.isAdmin && <AdminMenu />}
            <UserMenu />
          </Group>
        </Group>
      </header>
      <main style={mainStyle}>
        {/* A new company time zone remounts the page, so no date stays read in the old one. */}
        {/* Announced as it happens (a live region), and kept while it lasts. */}
        <div role="status" aria-live="polite">
          {!online && (
            <Alert color="yellow" title={t("offline.title")} mb="md">
              {t("offline.hint")}
            </Alert>
          )}
        </div>
        <Container key={timeZone} size="xl" px={0}>
          {/* A crashed page keeps the header, so the user can go elsewhere. */}
          <ErrorBoundary resetKey={pathname}>
            <Suspense fallback={<PageLoader />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Container>
      </main>
    </>
  );
}
