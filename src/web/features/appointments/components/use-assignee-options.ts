import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../app/auth.ts";
import { assigneesQuery } from "../api/appointments-api.ts";

/**
 * Who may be responsible: the server's list of active users, me first. Should that list fail,
 * me and whoever the appointment already names. The server still checks that the chosen user
 * sees the person's Agendamentos (400 on the field otherwise).
 */
export function useAssigneeOptions(known?: { id: number; name: string } | null) {
  const { t } = useTranslation();
  const me = useMe();
  const users = useQuery(assigneesQuery);
  const options = new Map<number, string>();
  options.set(me.user.id, t("common.me", { name: me.user.name }));
  if (known && !options.has(known.id)) options.set(known.id, known.name);
  for (const u of users.data?.items ?? []) if (!options.has(u.id)) options.set(u.id, u.name);
  const mine = String(me.user.id);
  const data = [...options.entries()]
    .map(([id, name]) => ({ value: String(id), label: name }))
    .sort((a, b) => (a.value === mine ? -1 : b.value === mine ? 1 : a.label.localeCompare(b.label, "pt-BR")));
  return { data, limited: users.isError, meId: me.user.id, all: users.data?.items ?? null };
}
