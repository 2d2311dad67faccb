import "../i18n/index.ts";
import { Badge, Button, Table, Text, Title } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ImportRun } from "../../../../shared/imports.schemas.ts";
import { formatDateTime } from "../../../app/format.ts";
import { PageLoader } from "../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../app/ui/query-error.tsx";
import { ENTITIES, runsQuery } from "../api/imports-api.ts";

const STATUS_COLOR: Record<string, string> = { done: "green", failed: "red", running: "blue" };
const isEntity = (v: string): v is (typeof ENTITIES)[number] => (ENTITIES as readonly string[]).includes(v);
const isStatus = (v: string): v is "done" | "failed" | "running" => v in STATUS_COLOR;

/** The runs of every import (this page, the API, the command line), newest first. */
export function ImportHistory() {
  const { t } = useTranslation();
  const runs = useInfiniteQuery(runsQuery);
  const items: ImportRun[] = runs.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="import-history-title">
      <Title order={2} size="h4" id="import-history-title" mt="xl" mb="sm">
        {t("imports.history")}
      </Title>
      {runs.isPending && <PageLoader />}
      {runs.isError && <QueryError error={runs.error} onRetry={() => void runs.refetch()} />}
      {runs.data && items.length === 0 && <Text c="dimmed">{t("imports.historyEmpty")}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("imports.when")}</Table.Th>
                <Table.Th>{t("imports.what")}</Table.Th>
                <Table.Th>{t("imports.file")}</Table.Th>
                <Table.Th>{t("imports.who")}</Table.Th>
                <Table.Th>{t("imports.status")}</Table.Th>
                <Table.Th ta="right">{t("imports.inserted")}</Table.Th>
                <Table.Th ta="right">{t("imports.updated")}</Table.Th>
                <Table.Th ta="right">{t("imports.unchanged")}</Table.Th>
                <Table.Th ta="right">{t("imports.rejectedCount")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((run) => (
                <Table.Tr key={run.id}>
                  <Table.Td>{formatDateTime(run.startedAt)}</Table.Td>
                  <Table.Td>{isEntity(run.entity) ? t(`imports.entities.${run.entity}`) : run.entity}</Table.Td>
                  <Table.Td>{run.fileName ?? ""}</Table.Td>
                  <Table.Td>{run.username ?? (run.source === "cli" ? t("imports.viaCli") : "")}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[run.status] ?? "gray"} variant="light" title={run.error ?? undefined}>
                      {isStatus(run.status) ? t(`imports.statuses.${run.status}`) : run.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{run.inserted}</Table.Td>
                  <Table.Td ta="right">{run.updated}</Table.Td>
                  <Table.Td ta="right">{run.unchanged}</Table.Td>
                  <Table.Td ta="right">{run.rejected}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {runs.hasNextPage && (
        <Button variant="subtle" mt="sm" loading={runs.isFetchingNextPage} onClick={() => void runs.fetchNextPage()}>
          {t("common.loadMore")}
        </Button>
      )}
    </section>
  );
}
