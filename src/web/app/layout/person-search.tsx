import { TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * The header's person search. It only holds what is typed for now: the persons feature
 * wires it to GET /api/persons?q= and opens the person screen.
 */
export function PersonSearch() {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  return (
    <search style={{ flex: 1, minWidth: 0, maxWidth: 560 }}>
      <form onSubmit={(event) => event.preventDefault()}>
        <TextInput
          aria-label={t("layout.search")}
          placeholder={t("layout.searchPlaceholder")}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </form>
    </search>
  );
}
