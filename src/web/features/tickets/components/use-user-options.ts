import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TicketRef } from "../../../../shared/tickets.schemas.ts";
import { useMe } from "../../../app/auth.ts";
import { usersQuery } from "../../../app/settings-lists.ts";

/**
 * Users to name on a ticket (responsible, internal contact). Only administrators may list users
 * (there is no user list for other profiles), so others choose themselves or someone the ticket
 * already names. The server still checks that the chosen user can see the ticket.
 */
export function useUserOptions(known: (TicketRef | null | undefined)[]) {
  const { t } = useTranslation();
  const me = useMe();
  const users = useQuery({ ...usersQuery, enabled: me.user.isAdmin });
  const options = new Map<number, string>();
  options.set(me.user.id, t("common.me", { name: me.user.name }));
  for (const ref of known) if (ref && !options.has(ref.id)) options.set(ref.id, ref.name);
  for (const u of users.data?.items ?? []) if (u.isActive && !options.has(u.id)) options.set(u.id, u.name);
  const data = [...options.entries()]
    .map(([id, name]) => ({ value: String(id), label: name }))
    .sort((a, b) =>
      a.value === String(me.user.id)
        ? -1
        : b.value === String(me.user.id)
          ? 1
          : a.label.localeCompare(b.label, "pt-BR"),
    );
  return { data, limited: !me.user.isAdmin, meId: me.user.id };
}
