import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { PersonSearchHit } from "../../../shared/persons.schemas.ts";
import { canCreatePerson, hasAppointmentAccess, hasTicketAccess } from "../access.ts";
import { AGENDA_PATH, MY_TICKETS_PATH, parsePersonCode, personPath } from "../paths.ts";
import { personSearchQuery } from "../person-search-api.ts";
// The palette is a lazy chunk: it brings the tickets strings for its "Meus atendimentos" entry.
import "../../features/tickets/i18n/index.ts";
import { useMe } from "../auth.ts";

export type PaletteEntry =
  | { kind: "screen"; id: string; label: string; to: string }
  | { kind: "person"; id: string; person: PersonSearchHit; to: string };

/** Case and accents do not matter: "configuracoes" finds "Configurações". */
const fold = (s: string) => s.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").trim();

function useScreens(): { label: string; to: string }[] {
  const { t } = useTranslation();
  const me = useMe();
  return [
    { label: t("layout.home"), to: "/" },
    ...(canCreatePerson(me) ? [{ label: t("person.new"), to: "/pessoas/nova" }] : []),
    ...(hasTicketAccess(me) ? [{ label: t("tickets.my.title"), to: MY_TICKETS_PATH }] : []),
    ...(hasAppointmentAccess(me) ? [{ label: t("layout.agenda"), to: AGENDA_PATH }] : []),
    ...(me.user.isAdmin
      ? [
          { label: t("layout.users"), to: "/admin/usuarios" },
          { label: t("person.palette.profiles"), to: "/admin/perfis" },
          { label: t("person.palette.settings"), to: "/admin/configuracoes" },
          { label: t("layout.tokens"), to: "/admin/tokens" },
          { label: t("layout.integrations"), to: "/admin/integracoes" },
        ]
      : []),
  ];
}

/** Screens whose name matches, then the persons the quick search finds (same API as the header). */
export function usePaletteEntries(query: string) {
  const screens = useScreens();
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const search = useQuery(personSearchQuery(debounced, 8));
  const needle = fold(query);
  const screenEntries: PaletteEntry[] = screens
    .filter((s) => fold(s.label).includes(needle))
    .map((s) => ({ kind: "screen", id: `screen:${s.to}`, label: s.label, to: s.to }));
  const personEntries: PaletteEntry[] = (debounced ? (search.data?.items ?? []) : []).map((person) => ({
    kind: "person",
    id: `person:${person.code}`,
    person,
    to: personPath(person.code),
  }));
  const typedCode = parsePersonCode(query);
  return {
    screens: screenEntries,
    persons: personEntries,
    all: [...screenEntries, ...personEntries],
    /** Enter on a typed code opens that person even before the search answers. */
    codePath: typedCode === null ? null : personPath(typedCode),
    searching: query.trim() !== "" && (query.trim() !== debounced || search.isFetching),
    searchError: search.isError ? search.error : null,
    nothingFound:
      debounced !== "" &&
      search.isSuccess &&
      !search.isPlaceholderData &&
      screenEntries.length === 0 &&
      personEntries.length === 0,
  };
}
