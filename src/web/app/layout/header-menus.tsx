import { CheckIcon, Menu } from "@mantine/core";
import { cloneElement, type ReactElement, type Ref, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useWatchMenu } from "../../features/watchers/components/watch-menu.tsx";
import { currentLanguage, LANGUAGES, setLanguage } from "../../i18n/index.ts";
import { hasAppointmentAccess } from "../access.ts";
import { useLogout, useMe } from "../auth.ts";
import { useErrorMessage } from "../error-message.ts";
import { notifyError } from "../notify.ts";
import { AGENDA_PATH } from "../paths.ts";
import { menuItemColor } from "../theme.ts";
import type { MenuStart } from "./deferred-menu.tsx";

// The header's menus past their buttons (deferred-menu.tsx): loaded right after the first render.

/**
 * The header is fixed, so are its menus: placed in the viewport, not in the page. Placed in the page,
 * a reopened menu's first frame (drawn at a stale spot past the right edge, before it is measured)
 * widened a phone's layout viewport to 570 px; the fixed header grew with it, the user button left
 * the screen and the menu stayed hidden (a Popover hides a dropdown whose target is out of view).
 */
const HEADER_MENU = { position: "bottom-end", withinPortal: true, floatingStrategy: "fixed" } as const;

type LoadedMenuProps = { button: ReactElement<{ ref?: Ref<HTMLButtonElement> }>; start: MenuStart };

/** The button the user saw, now the menu's target; focused again if it had the focus before. */
function useTarget({ button, start }: LoadedMenuProps): ReactElement {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (start.focused) ref.current?.focus();
  }, [start.focused]);
  return cloneElement(button, { ref });
}

export function UserMenuLoaded(props: LoadedMenuProps) {
  const { t } = useTranslation();
  const me = useMe();
  const showAgenda = hasAppointmentAccess(me);
  const watchMenu = useWatchMenu();
  const navigate = useNavigate();
  const logout = useLogout();
  const errorMessage = useErrorMessage();
  const language = currentLanguage();
  const target = useTarget(props);

  const onLogout = () =>
    logout.mutate(undefined, {
      onSuccess: () => navigate("/login", { replace: true }),
      onError: (error) => notifyError(t("layout.logoutFailed"), errorMessage(error)),
    });

  return (
    <Menu {...HEADER_MENU} defaultOpened={props.start.opened}>
      <Menu.Target>{target}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.username}</Menu.Label>
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
        <Menu.Item color={menuItemColor("red")} onClick={onLogout} disabled={logout.isPending}>
          {t("layout.logout")}
        </Menu.Item>
      </Menu.Dropdown>
      {watchMenu.modal}
    </Menu>
  );
}

export function AdminMenuLoaded(props: LoadedMenuProps) {
  const { t } = useTranslation();
  const target = useTarget(props);
  return (
    <Menu {...HEADER_MENU} defaultOpened={props.start.opened}>
      <Menu.Target>{target}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/admin/usuarios">
          {t("layout.users")}
        </Menu.Item>
        <Menu.Item component={Link} to="/admin/perfis">
          {t("layout.profiles")}
        </Menu.Item>
        <Menu.Item component={Link} to="/admin/configuracoes">
          {t("layout.settings")}
        </Menu.Item>
        <Menu.Item component={Link} to="/admin/tokens">
          {t("layout.tokens")}
        </Menu.Item>
        <Menu.Item component={Link} to="/admin/integracoes">
          {t("layout.integrations")}
        </Menu.Item>
        <Menu.Item component={Link} to="/admin/importacoes">
          {t("layout.imports")}
        </Menu.Item>
        <Menu.Item component={Link} to="/admin/emails">
          {t("layout.emails")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
