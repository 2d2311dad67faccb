import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PersonSummary } from "../../../shared/persons.schemas.ts";
import { formatStoredDocument } from "../document-mask.ts";
import { formatPersonCode } from "../paths.ts";

/** One person in a result list: code, name, short name and CPF/CNPJ, on one or two lines. */
export function PersonSummaryLine({ person }: { person: PersonSummary }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="sm" ff="monospace" c="dimmed" style={{ flexShrink: 0 }}>
        {formatPersonCode(person.code)}
      </Text>
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} truncate>
          {person.name}
          {!person.isActive && (
            <Text span size="xs" c="dimmed" ml={6}>
              ({t("person.inactive")})
            </Text>
          )}
        </Text>
        {(person.shortName || person.document) && (
          <Text size="xs" c="dimmed" truncate>
            {[person.shortName, person.document && formatStoredDocument(person.document)].filter(Boolean).join(" · ")}
          </Text>
        )}
      </div>
    </Group>
  );
}
