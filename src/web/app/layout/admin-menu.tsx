import { Box, Button, Menu } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ChevronDown, Settings } from "./icons.tsx";

export function AdminMenu() {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        {/* On narrow screens only the icon shows; the name stays for screen readers. */}
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
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/admin/usuarios">
          {t("layout.users")}
        </Menu.Item>
        <Menu.Item component={Link} to="/admin/perfis">
          {t("admin2.menu.profiles")}
        </Menu.Item>
        <Menu.Item component={Link} to="/admin/configuracoes">
          {t("admin2.menu.settings")}
        </Menu.Item>
        <Menu.Item component={Link} to="/admin/tokens">
          {t("layout.tokens")}
        </Menu.Item>
        <Menu.Item component={Link} to="/admin/importacoes">
          {t("admin2.menu.imports")}
        </Menu.Item>
        <Menu.Item component={Link} to="/admin/emails">
          {t("admin2.menu.emails")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
