import "../../i18n/index.ts";
import { Button, Group, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RelatedPerson } from "../../../../../shared/persons.schemas.ts";
import { useErrorMessage } from "../../../../app/error-message.ts";
import { notifyError, notifySuccess } from "../../../../app/notify.ts";
import { ConfirmModal } from "../../../../app/ui/confirm-modal.tsx";
import { PageLoader } from "../../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../../app/ui/query-error.tsx";
import { useDialog } from "../../../../app/ui/use-dialog.ts";
import { relatedQuery, useUnlinkPerson } from "../../api/related-api.ts";
import { LinkPersonModal } from "./link-person-modal.tsx";
import { RelatedTable } from "./related-table.tsx";

/** Pessoas relacionadas: both sides of every link, filtered on the server; open one in one click. */
export function RelatedTab({ code, categoryId, canWrite }: { code: number; categoryId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [filter, setFilter] = useState("");
  const [q] = useDebouncedValue(filter.trim(), 250);
  const related = useQuery(relatedQuery(code, categoryId, q));
  const unlink = useUnlinkPerson(code, categoryId);
  const [linking, { open, close }] = useDisclosure(false);
  const undoing = useDialog<RelatedPerson>();

  const confirmUndo = () => {
    if (!undoing.value) return;
    unlink.mutate(undoing.value, {
      onSuccess: () => notifySuccess(t("person.related.unlinked")),
      onError: (error) => notifyError(t("person.related.unlinkFailed"), errorMessage(error)),
      onSettled: undoing.close,
    });
  };

  const items = related.data?.items ?? [];
  return (
    <section aria-labelledby="related-title">
      <Group justify="space-between" mb="sm">
        <Title id="related-title" order={2} size="h4">
          {t("person.tabs.related")}
        </Title>
        {canWrite && <Button onClick={open}>{t("person.related.link")}</Button>}
      </Group>
      <TextInput
        label={t("person.related.filter")}
        placeholder={t("person.related.filterPlaceholder")}
        value={filter}
        onChange={(event) => setFilter(event.currentTarget.value)}
        maw={420}
        mb="sm"
        autoComplete="off"
        spellCheck={false}
      />
      {related.isPending && <PageLoader />}
      {related.isError && <QueryError error={related.error} onRetry={() => void related.refetch()} />}
      {related.isSuccess && items.length === 0 && (
        <Text c="dimmed">{q ? t("person.related.noMatch", { q }) : t("person.related.empty")}</Text>
      )}
      {items.length > 0 && <RelatedTable items={items} canWrite={canWrite} onUndo={undoing.open} />}
      <LinkPersonModal code={code} categoryId={categoryId} opened={linking} onClose={close} />
      <ConfirmModal
        opened={undoing.opened}
        title={t("person.related.unlinkTitle")}
        message={
          undoing.value
            ? t("person.related.unlinkConfirm", { label: undoing.value.label, name: undoing.value.person.name })
            : ""
        }
        confirmLabel={t("person.related.unlink")}
        loading={unlink.isPending}
        onConfirm={confirmUndo}
        onClose={undoing.close}
      />
    </section>
  );
}
