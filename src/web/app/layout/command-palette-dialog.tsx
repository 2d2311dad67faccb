import { Box, Group, Loader, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useId } from "@mantine/hooks";
import { type KeyboardEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useErrorMessage } from "../error-message.ts";
import { PersonSummaryLine } from "../ui/person-summary-line.tsx";
import { moveActive, OptionRow, scrollOptionIntoView } from "./option-list.tsx";
import { type PaletteEntry, usePaletteEntries } from "./palette-entries.ts";
import { SearchCorrectionNote } from "./search-correction.tsx";

/** A light "spotlight": one field, screens and persons, arrows + Enter, Escape closes. */
export function CommandPaletteDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("person.palette.title")}
      size="lg"
      yOffset="10vh"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {/* Mounted only while open, so every opening starts empty. */}
      {opened && <PaletteBody onClose={onClose} />}
    </Modal>
  );
}

function PaletteBody({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  // Once the arrows picked an entry, Enter opens it even when the query looks like a code.
  const [moved, setMoved] = useState(false);
  const entries = usePaletteEntries(query);
  const count = entries.all.length;
  const activeIndex = count === 0 ? -1 : Math.min(active, count - 1);
  const optionId = (index: number) => `${listId}-${index}`;

  // Keep the highlighted option visible while the arrows walk a long list.
  useEffect(() => {
    if (activeIndex >= 0) scrollOptionIntoView(`${listId}-${activeIndex}`);
  }, [activeIndex, listId]);

  const go = (to: string) => {
    onClose();
    void navigate(to);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setActive(Math.max(0, moveActive(activeIndex, count, event.key)));
      setMoved(true);
      return;
    }
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    event.preventDefault();
    // A typed code opens that person at once ("42" + Enter → 000042), unless an entry was picked.
    const highlighted = entries.all[activeIndex]?.to;
    const chosen = moved ? highlighted : (entries.codePath ?? highlighted);
    if (chosen) go(chosen);
  };

  const renderGroup = (title: string, list: PaletteEntry[], offset: number) =>
    list.length > 0 && (
      // biome-ignore lint/a11y/useSemanticElements: an ARIA group inside a listbox has no HTML element
      <div role="group" aria-label={title}>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs" pt="xs" pb={4} aria-hidden="true">
          {title}
        </Text>
        {list.map((entry, i) => {
          const index = offset + i;
          return (
            <OptionRow
              key={entry.id}
              id={optionId(index)}
              selected={index === activeIndex}
              onPick={() => go(entry.to)}
              onHover={() => setActive(index)}
            >
              {entry.kind === "screen" ? (
                <Text size="sm">{entry.label}</Text>
              ) : (
                <>
                  <PersonSummaryLine person={entry.person} />
                  <SearchCorrectionNote corrections={entry.person.corrections} />
                </>
              )}
            </OptionRow>
          );
        })}
      </div>
    );

  return (
    <Stack gap="xs">
      <TextInput
        data-autofocus
        role="combobox"
        aria-label={t("person.palette.input")}
        aria-expanded
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
        placeholder={t("person.palette.placeholder")}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
          setMoved(false);
        }}
        onKeyDown={onKeyDown}
        rightSection={entries.searching ? <Loader size={16} aria-hidden="true" /> : null}
        autoComplete="off"
        spellCheck={false}
      />
      <Box id={listId} role="listbox" aria-label={t("person.palette.results")} mah="55vh" style={{ overflowY: "auto" }}>
        {renderGroup(t("person.palette.screens"), entries.screens, 0)}
        {renderGroup(t("person.palette.persons"), entries.persons, entries.screens.length)}
      </Box>
      {entries.nothingFound && (
        <Text size="sm" c="dimmed" ta="center" py="sm">
          {t("person.search.empty")}
        </Text>
      )}
      {entries.searchError !== null && (
        <Text size="sm" c="red">
          {errorMessage(entries.searchError)}
        </Text>
      )}
      <Group gap="md" justify="center">
        <Text size="xs" c="dimmed">
          {t("person.palette.hint")}
        </Text>
      </Group>
    </Stack>
  );
}
