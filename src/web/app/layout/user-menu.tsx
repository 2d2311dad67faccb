import { Avatar, Text, UnstyledButton } from "@mantine/core";
import { useMe } from "../auth.ts";
import { lazyNamed } from "../lazy.ts";
import { DeferredMenu } from "./deferred-menu.tsx";
import { ChevronDown } from "./icons.tsx";

const UserMenuLoaded = lazyNamed(() => import("./header-menus.tsx"), "UserMenuLoaded");

/** The user's name and avatar; the menu (agenda, watching, language, logout) is header-menus.tsx. */
export function UserMenu() {
  const { user } = useMe();
  const button = (
    // Named by the user's name as written (a phone hides it visually only): no aria-label that
    // would differ from the visible text (WCAG 2.5.3).
    <UnstyledButton px="xs" py={4} style={{ display: "flex", alignItems: "center", gap: 8, borderRadius: 8 }}>
      <Avatar name={user.name} color="initials" size={30} aria-hidden="true" />
      <Text size="sm" fw={500} maw={160} truncate className="vinculo-hidden-phone">
        {user.name}
      </Text>
      <ChevronDown />
    </UnstyledButton>
  );
  return <DeferredMenu button={button}>{(start) => <UserMenuLoaded button={button} start={start} />}</DeferredMenu>;
}
