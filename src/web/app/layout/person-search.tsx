import { Loader, Popover, Text, TextInput } from "@mantine/core";
import { useDebouncedValue, useId } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useErrorMessage } from "../error-message.ts";
import { parsePersonCode, personPath } from "../paths.ts";
import { personSearchQuery } from "../person-search-api.ts";
import { PersonSummaryLine } from "../ui/person-summary-line.tsx";
import { moveActive, OptionRow, scrollOptionIntoView } from "./option-list.tsx";
import { SearchCorrectionNote } from "./search-correction.tsx";

/** A dropdown wider than a phone's search field slides back into the screen instead of overflowing. */
const NARROW_SCREEN_SHIFT = { flip: true, shift: { padding: 8 } };

/**
 * The header's magnifier: answers while typing (GET /api/persons?q=, debounced), arrows and
 * Enter open a result, Enter on a typed code opens that person directly, Escape closes.
 */
export function PersonSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [opened, setOpened] = useState(false);
  const [active, setActive] = useState(-1);
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const search = useQuery(personSearchQuery(debounced));
  const items = debounced ? (search.data?.items ?? []) : [];
  const optionId = (index: number) => `${listId}-${index}`;
  const activeIndex = active < items.length ? active : -1;
  const showList = opened && query.trim() !== "";

  useEffect(() => {
    if (activeIndex >= 0) scrollOptionIntoView(`${listId}-${activeIndex}`);
  }, [activeIndex, listId]);

  const open = (code: number) => {
    setQuery("");
    setOpened(false);
    void navigate(personPath(code));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape") {
      setOpened(false);
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpened(true);
      setActive(moveActive(activeIndex, items.length, event.key));
      return;
    }
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    event.preventDefault();
    // A highlighted result, else a typed code ("42" opens 000042 at once), else the first result.
    const highlighted = showList ? items[activeIndex] : undefined;
    const code = parsePersonCode(query);
    const first = debounced === query.trim() ? items[0] : undefined;
    if (highlighted) open(highlighted.code);
    else if (code !== null) open(code);
    else if (first) open(first.code);
  };

  const pending = query.trim() !== debounced || search.isFetching;
  const nothing = !pending && debounced !== "" && search.isSuccess && items.length === 0;
  return (
    <search style={{ flex: 1, minWidth: 0, maxWidth: 560 }}>
      <form onSubmit={(event) => event.preventDefault()}>
        <Popover
          opened={showList}
          position="bottom-start"
          withRoles={false}
          offset={4}
          shadow="md"
          middlewares={NARROW_SCREEN_SHIFT}
        >
          <Popover.Target>
            <TextInput
              role="combobox"
              aria-label={t("layout.search")}
              aria-expanded={showList}
              aria-controls={showList ? listId : undefined}
              aria-autocomplete="list"
              aria-activedescendant={showList && activeIndex >= 0 ? optionId(activeIndex) : undefined}
              placeholder={t("layout.searchPlaceholder")}
              value={query}
              onChange={(event) => {
                setQuery(event.currentTarget.value);
                setActive(-1);
                setOpened(true);
              }}
              onFocus={() => setOpened(true)}
              onBlur={() => setOpened(false)}
              onKeyDown={onKeyDown}
              rightSection={search.isFetching ? <Loader size={16} aria-hidden="true" /> : null}
              autoComplete="off"
              spellCheck={false}
            />
          </Popover.Target>
          {/* As wide as the field at most (560px), and wider than the field on a phone. */}
          <Popover.Dropdown p={4} w="min(560px, calc(100vw - 16px))">
            <div
              id={listId}
              role="listbox"
              aria-label={t("person.search.results")}
              style={{ maxHeight: 420, overflowY: "auto" }}
            >
              {items.map((person, index) => (
                <OptionRow
                  key={person.code}
                  id={optionId(index)}
                  selected={index === activeIndex}
                  onPick={() => open(person.code)}
                  onHover={() => setActive(index)}
                >
                  <PersonSummaryLine person={person} />
                  <SearchCorrectionNote corrections={person.corrections} />
                </OptionRow>
              ))}
            </div>
            {items.length === 0 && (
              <Text size="sm" c={search.isError ? "red" : "dimmed"} p="xs">
                {search.isError ? errorMessage(search.error) : nothing ? t("person.search.empty") : t("common.loading")}
              </Text>
            )}
          </Popover.Dropdown>
        </Popover>
      </form>
    </search>
  );
}
