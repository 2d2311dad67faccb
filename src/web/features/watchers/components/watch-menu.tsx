import { Menu } from "@mantine/core";
import { type ReactNode, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { hasTicketAccess } from "../../../app/access.ts";
import { useMe } from "../../../app/auth.ts";
import { lazyNamed } from "../../../app/lazy.ts";

// First-load code (the user menu): only two items. The modal comes, when opened, with the chunk of
// the Fatores críticos page (which re-exports it): a chunk of its own would split modules out of
// the first load and cost ~0.8 KiB there.
const WatchPreferencesModal = lazyNamed(() => import("./critical-factors-page.tsx"), "WatchPreferencesModal");

export const CRITICAL_FACTORS_PATH = "/fatores-criticos";

/**
 * The user menu's "Fatores críticos" and "Avisos do monitoramento": `items` go in the dropdown,
 * `modal` outside it (the dropdown unmounts when the menu closes; the modal must stay).
 */
export function useWatchMenu(): { items: ReactNode; modal: ReactNode } {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, setOpened] = useState(false);
  const tickets = hasTicketAccess(me);
  return {
    items: (
      <>
        {tickets && (
          <Menu.Item component={Link} to={CRITICAL_FACTORS_PATH}>
            {t("layout.criticalFactors")}
          </Menu.Item>
        )}
        <Menu.Item onClick={() => setOpened(true)}>{t("layout.watchPreferences")}</Menu.Item>
      </>
    ),
    modal: opened ? (
      <Suspense fallback={null}>
        <WatchPreferencesModal opened onClose={() => setOpened(false)} />
      </Suspense>
    ) : null,
  };
}
