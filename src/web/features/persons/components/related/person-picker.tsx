import "../../i18n/index.ts";
import { Combobox, Loader, TextInput, useCombobox } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PersonSummary } from "../../../../../shared/persons.schemas.ts";
import { formatPersonCode } from "../../../../app/paths.ts";
import { personSearchQuery } from "../../../../app/person-search-api.ts";
import { PersonSummaryLine } from "../../../../app/ui/person-summary-line.tsx";

const labelOf = (p: PersonSummary) => `${formatPersonCode(p.code)} — ${p.name}`;

/** Picks one person with the quick search (code, name, CPF/CNPJ…); typing again clears the pick. */
export function PersonPicker({
  label,
  value,
  onChange,
  excludeCode,
  error,
}: {
  label: string;
  value: PersonSummary | null;
  onChange: (person: PersonSummary | null) => void;
  excludeCode?: number;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ? labelOf(value) : "");
  const [debounced] = useDebouncedValue(text.trim(), 150);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const search = useQuery(personSearchQuery(value ? "" : debounced));
  const items = (value || !debounced ? [] : (search.data?.items ?? [])).filter((p) => p.code !== excludeCode);
  const showEmpty = !value && debounced !== "" && search.isSuccess && !search.isPlaceholderData && items.length === 0;

  return (
    <Combobox
      store={combobox}
      withinPortal={false}
      onOptionSubmit={(code) => {
        const person = items.find((p) => String(p.code) === code) ?? null;
        onChange(person);
        if (person) setText(labelOf(person));
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target>
        <TextInput
          label={label}
          placeholder={t("person.related.pickerPlaceholder")}
          value={text}
          error={error}
          data-autofocus
          autoComplete="off"
          spellCheck={false}
          rightSection={search.isFetching ? <Loader size={16} aria-hidden="true" /> : null}
          onChange={(event) => {
            setText(event.currentTarget.value);
            if (value) onChange(null);
            combobox.openDropdown();
            combobox.resetSelectedOption();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={value !== null || text.trim() === ""}>
        <Combobox.Options aria-label={t("person.search.results")} mah={280} style={{ overflowY: "auto" }}>
          {items.map((person) => (
            <Combobox.Option key={person.code} value={String(person.code)}>
              <PersonSummaryLine person={person} />
            </Combobox.Option>
          ))}
          {showEmpty && <Combobox.Empty>{t("person.search.empty")}</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
