import "../i18n/index.ts";
import { Alert, Button, FileInput, Group, Select, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportEntity, ImportSummary } from "../../../../shared/imports.schemas.ts";
import { isApiError } from "../../../app/api.ts";
import { serverText, useErrorMessage } from "../../../app/error-message.ts";
import { PageHeader } from "../../../app/ui/page-header.tsx";
import { ENTITIES, FIELDS, runsQuery, type TextEncoding, uploadImport } from "../api/imports-api.ts";
import { ImportHistory } from "./import-history.tsx";
import { ImportResult } from "./import-result.tsx";

const isEntity = (v: string | null): v is ImportEntity => ENTITIES.some((e) => e === v);

/** Administração → Importações: pick what to import, send a CSV or JSON-lines file, see what it did. */
export function ImportsPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [entity, setEntity] = useState<ImportEntity>("receivables");
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<TextEncoding>("utf-8");
  const [done, setDone] = useState<{ summary: ImportSummary; fileName: string } | null>(null);
  const upload = useMutation({
    mutationFn: (input: { entity: ImportEntity; file: File; encoding: TextEncoding }) =>
      uploadImport(input.entity, input.file, input.encoding),
    onMutate: () => setDone(null),
    onSuccess: (summary, input) => setDone({ summary, fileName: input.file.name }),
    // A failed run is in the history too.
    onSettled: () => queryClient.invalidateQueries({ queryKey: runsQuery.queryKey }),
  });
  const isCsv = file !== null && /\.csv$/i.test(file.name);
  // A malformed file: the server's sentence names the line and what was already imported.
  const failure =
    upload.error &&
    isApiError(upload.error) &&
    (upload.error.code === "bad_request" || upload.error.code === "payload_too_large")
      ? serverText(t, upload.error)
      : upload.error
        ? errorMessage(upload.error)
        : null;

  return (
    <>
      <PageHeader title={t("imports.title")} />
      <Text c="dimmed" size="sm" mb="md" maw={820}>
        {t("imports.intro")}
      </Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (file) upload.mutate({ entity, file, encoding });
        }}
      >
        <Stack maw={620} gap="sm">
          <Select
            label={t("imports.entity")}
            data={ENTITIES.map((e) => ({ value: e, label: t(`imports.entities.${e}`) }))}
            value={entity}
            onChange={(v) => isEntity(v) && setEntity(v)}
            allowDeselect={false}
          />
          <Text size="xs" c="dimmed">
            {t("imports.fields")}: <code>{FIELDS[entity]}</code>
          </Text>
          <FileInput
            label={t("imports.file")}
            placeholder={t("imports.filePlaceholder")}
            description={t("imports.fileHint")}
            accept=".csv,.ndjson,.jsonl,.json,text/csv,application/x-ndjson"
            value={file}
            onChange={setFile}
            clearable
          />
          {isCsv && (
            <Select
              label={t("imports.encoding")}
              data={(["utf-8", "windows-1252"] as const).map((e) => ({ value: e, label: t(`imports.encodings.${e}`) }))}
              value={encoding}
              onChange={(v) => setEncoding(v === "windows-1252" ? "windows-1252" : "utf-8")}
              allowDeselect={false}
            />
          )}
          <Group>
            <Button type="submit" disabled={!file} loading={upload.isPending}>
              {upload.isPending ? t("imports.running") : t("imports.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
      <Stack mt="lg">
        {failure && (
          <Alert color="red" title={t("imports.failedTitle")}>
            {failure}
          </Alert>
        )}
        {done && <ImportResult summary={done.summary} fileName={done.fileName} />}
      </Stack>
      <ImportHistory />
    </>
  );
}
