import { Mark, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SearchCorrection } from "../../../shared/persons.schemas.ts";

/**
 * Under a result the quick search found through corrected words: "Você quis dizer João?", the
 * word as the person's name spells it highlighted, and the typed words it left out.
 */
export function SearchCorrectionNote({ corrections }: { corrections: SearchCorrection[] | undefined }) {
  const { t } = useTranslation();
  if (!corrections?.length) return null;
  const corrected = corrections.filter((c) => c.word !== null);
  const leftOut = corrections.filter((c) => c.word === null);
  return (
    <Text size="xs" c="dimmed" ml={64} data-testid="search-correction">
      {corrected.length > 0 && (
        <>
          {t("person.search.didYouMean")}{" "}
          {corrected.map((c, i) => (
            <span key={c.typed}>
              {i > 0 && " "}
              <Mark title={c.typed}>{c.word}</Mark>
            </span>
          ))}
          ?
        </>
      )}
      {leftOut.length > 0 && (
        <>
          {corrected.length > 0 && " · "}
          {t("person.search.leftOut")} {leftOut.map((c) => `“${c.typed}”`).join(" ")}
        </>
      )}
    </Text>
  );
}
