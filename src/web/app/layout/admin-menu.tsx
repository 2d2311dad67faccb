import { Box, Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { lazyNamed } from "../lazy.ts";
import { DeferredMenu } from "./deferred-menu.tsx";
import { ChevronDown, Settings } from "./icons.tsx";

const AdminMenuLoaded = lazyNamed(() => import("./header-menus.tsx"), "AdminMenuLoaded");

/** The Administração button; its menu of admin pages is header-menus.tsx. */
export function AdminMenu() {
  const { t } = useTranslation();
  const button = (
    // On narrow screens only the icon shows; the name stays for screen readers.
    <Button
      variant="subtle"
      px="xs"
      aria-label={t("layout.admin")}
      leftSection={<Settings />}
      rightSection={<ChevronDown />}
    >
      <Box component="span" visibleFrom="sm">
        {t("layout.admin")}
      </Box>
    </Button>
  );
  return <DeferredMenu button={button}>{(start) => <AdminMenuLoaded button={button} start={start} />}</DeferredMenu>;
}
