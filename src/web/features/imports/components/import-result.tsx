import "../i18n/index.ts";
import { Alert, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportSummary } from "../../../../shared/imports.schemas.ts";

/** One count of the result; its accessible name carries the number ("Inseridos: 3"). */
function Count({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="sm" role="group" aria-label={`${label}: ${value}`}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value.toLocaleString("pt-BR")}
      </Text>
    </Paper>
  );
}

/** What an import did: the counts, "nothing changed" when so, and the rejected lines. */
export function ImportResult({ summary, fileName }: { summary: ImportSummary; fileName: string }) {
  const { t } = useTranslation();
  const nothingChanged = summary.inserted === 0 && summary.updated === 0 && summary.rejectedTotal === 0;
  return (
    <Stack component="section" aria-labelledby="import-result-title" gap="sm">
      <Title order={2} size="h4" id="import-result-title">
        {t("imports.result", { file: fileName })}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <Count label={t("imports.records")} value={summary.records} />
        <Count label={t("imports.inserted")} value={summary.inserted} />
        <Count label={t("imports.updated")} value={summary.updated} />
        <Count label={t("imports.unchanged")} value={summary.unchanged} />
        <Count label={t("imports.rejectedCount")} value={summary.rejectedTotal} />
      </SimpleGrid>
      {nothingChanged && <Alert color="blue">{t("imports.nothingChanged")}</Alert>}
      {!nothingChanged && summary.rejectedTotal === 0 && <Alert color="green">{t("imports.allGood")}</Alert>}
      {summary.rejected.length > 0 && (
        <>
          {summary.rejectedTotal > summary.rejected.length && (
            <Text size="sm" c="dimmed">
              {t("imports.rejectedTruncated", { shown: summary.rejected.length, total: summary.rejectedTotal })}
            </Text>
          )}
          <Table striped withTableBorder captionSide="top">
            <Table.Caption>{t("imports.rejectedTitle")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("imports.line")}</Table.Th>
                <Table.Th>{t("imports.field")}</Table.Th>
                <Table.Th>{t("imports.error")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.rejected.map((r) => (
                <Table.Tr key={`${r.line}-${r.field}`}>
                  <Table.Td>{r.line}</Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {r.field}
                    </Text>
                  </Table.Td>
                  <Table.Td>{r.error}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
