import "../../i18n/index.ts";
import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PersonSummary } from "../../../../../shared/persons.schemas.ts";
import { api } from "../../../../app/api.ts";
import { formatPersonCode } from "../../../../app/paths.ts";

const NONE = "none";

export type LinkedPerson = { code: number; name: string };

export const personLabel = (person: LinkedPerson) => `${formatPersonCode(person.code)} — ${person.name}`;

type Props = {
  value: LinkedPerson | null;
  onChange: (person: LinkedPerson | null) => void;
  error?: ReactNode;
};

/**
 * "Pessoa vinculada": a search over GET /api/persons?q= (the server filters and ranks, so the
 * options are shown as they come). Optional; the clear button unlinks.
 */
export function PersonSelect({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const selectedLabel = value ? personLabel(value) : null;
  const [search, setSearch] = useState(selectedLabel ?? "");
  const [opened, setOpened] = useState(false);
  // While the box shows the chosen person, list the first persons instead of searching for that label.
  const [q] = useDebouncedValue(search === selectedLabel ? "" : search.trim(), 250);
  const persons = useQuery({
    queryKey: ["admin-person-pick", q],
    queryFn: () =>
      api.get<{ items: PersonSummary[] }>(`/api/persons?${new URLSearchParams({ q, limit: "10" }).toString()}`),
    enabled: opened,
    placeholderData: keepPreviousData,
  });
  const found: LinkedPerson[] = persons.data?.items ?? [];
  const options = value && !found.some((p) => p.code === value.code) ? [value, ...found] : found;

  return (
    <Select
      label={t("admin2.users.person")}
      description={t("admin2.users.personHint")}
      placeholder={t("admin2.users.personPlaceholder")}
      // "Nenhuma" first: unlinking must work from the keyboard too (the clear button is mouse-only).
      data={[
        { value: NONE, label: t("admin2.users.personNone") },
        ...options.map((p) => ({ value: String(p.code), label: personLabel(p) })),
      ]}
      value={value ? String(value.code) : null}
      onChange={(code) => {
        const person = options.find((p) => String(p.code) === code);
        onChange(person ? { code: person.code, name: person.name } : null);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      clearable
      clearButtonProps={{ "aria-label": t("admin2.users.clearPerson") }}
      nothingFoundMessage={persons.isFetching ? t("common.loading") : t("admin2.users.noPersons")}
      error={error}
    />
  );
}
