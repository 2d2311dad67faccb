import { Avatar, CheckIcon, Menu, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { AGENDA_PATH, hasAppointmentAccess } from "../../features/appointments/access.ts";
import { useWatchMenu } from "../../features/watchers/watch-menu.tsx";
import { currentLanguage, LANGUAGES, setLanguage } from "../../i18n/index.ts";
import { useLogout, useMe } from "../auth.ts";
import { useErrorMessage } from "../error-message.ts";
import { notifyError } from "../notify.ts";
import { ChevronDown } from "./icons.tsx";

export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useMe();
  const showAgenda = hasAppointmentAccess(useMe());
  const watchMenu = useWatchMenu();
  const navigate = useNavigate();
  const logout = useLogout();
  const errorMessage = useErrorMessage();
  const language = currentLanguage();

  const onLogout = () =>
    logout.mutate(undefined, {
      onSuccess: () => navigate("/login", { replace: true }),
      onError: (error) => notifyError(t("layout.logoutFailed"), errorMessage(error)),
    });

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={user.name}
          px="xs"
          py={4}
          style={{ display: "flex", alignItems: "center", gap: 8, borderRadius: 8 }}
        >
          <Avatar name={user.name} color="initials" size={30} aria-hidden="true" />
          <Text size="sm" fw={500} maw={160} truncate visibleFrom="sm">
            {user.name}
          </Text>
          <ChevronDown />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.username}</Menu.Label>
        {showAgenda && (
          <Menu.Item component={Link} to={AGENDA_PATH}>
            {t("layout.agenda")}
          </Menu.Item>
        )}
        {watchMenu.items}
        <Menu.Divider />
        <Menu.Label>{t("layout.language")}</Menu.Label>
        {LANGUAGES.map((l) => (
          <Menu.Item
            key={l.code}
            lang={l.code}
            aria-current={l.code === language ? "true" : undefined}
            leftSection={l.code === language ? <CheckIcon size={12} /> : <span style={{ width: 12 }} />}
            onClick={() => void setLanguage(l.code)}
          >
            {l.label}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item color="red" onClick={onLogout} disabled={logout.isPending}>
          {t("layout.logout")}
        </Menu.Item>
      </Menu.Dropdown>
      {watchMenu.modal}
    </Menu>
  );
}
