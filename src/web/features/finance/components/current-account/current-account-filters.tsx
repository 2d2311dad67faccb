import "../../i18n/index.ts";
import { Button, Group, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { type FormEvent, useId } from "react";
import { useTranslation } from "react-i18next";
import type {
  ClosingListItem,
  CurrentAccountView,
  EntryStatus,
} from "../../../../../shared/current-account.schemas.ts";
import { formatDate, formatMoney } from "../../../../app/format.ts";
import type { CurrentAccountFilter } from "../../api/finance-api.ts";

const sameFilter = (a: CurrentAccountFilter, b: CurrentAccountFilter) =>
  a.view === b.view && a.status === b.status && a.closingId === b.closingId;

/**
 * Visualização, Status and Fechamento, applied by "Filtrar" as in the original screen. Choosing a
 * closing means its (closed) entries, so the status follows; another status leaves the closing.
 */
export function CurrentAccountFilters({
  draft,
  applied,
  closings,
  closingsLoading,
  onChange,
  onApply,
}: {
  draft: CurrentAccountFilter;
  applied: CurrentAccountFilter;
  closings: ClosingListItem[];
  closingsLoading: boolean;
  onChange: (filter: CurrentAccountFilter) => void;
  onApply: () => void;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  const dirty = !sameFilter(draft, applied);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply();
  };
  const closingOptions = [
    { value: "", label: t("finance.currentAccount.allClosings") },
    ...closings.map((c) => ({
      value: String(c.id),
      label: t("finance.currentAccount.closingOption", {
        start: formatDate(c.periodStart),
        end: formatDate(c.periodEnd),
        count: c.entryCount,
        total: formatMoney(c.totalCents),
      }),
    })),
  ];
  return (
    <form onSubmit={submit} aria-label={t("finance.currentAccount.filters")}>
      <Group gap="md" align="flex-end" wrap="wrap" mb="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`${hintId}-view`}>
            {t("finance.currentAccount.view")}
          </Text>
          <SegmentedControl
            aria-labelledby={`${hintId}-view`}
            value={draft.view}
            onChange={(value) => onChange({ ...draft, view: value as CurrentAccountView })}
            data={[
              { value: "entry", label: t("finance.currentAccount.views.entry") },
              { value: "item", label: t("finance.currentAccount.views.item") },
            ]}
          />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`${hintId}-status`}>
            {t("finance.currentAccount.statusFilter")}
          </Text>
          <SegmentedControl
            aria-labelledby={`${hintId}-status`}
            value={draft.status}
            onChange={(value) =>
              onChange({
                ...draft,
                status: value as EntryStatus,
                closingId: value === "closed" ? draft.closingId : null,
              })
            }
            data={[
              { value: "open", label: t("finance.currentAccount.statuses.open") },
              { value: "pending", label: t("finance.currentAccount.statuses.pending") },
              { value: "closed", label: t("finance.currentAccount.statuses.closed") },
            ]}
          />
        </Stack>
        <Select
          label={t("finance.currentAccount.closing")}
          description={t("finance.currentAccount.closingHint")}
          data={closingOptions}
          value={draft.closingId === null ? "" : String(draft.closingId)}
          onChange={(value) =>
            onChange(value ? { ...draft, status: "closed", closingId: Number(value) } : { ...draft, closingId: null })
          }
          allowDeselect={false}
          disabled={closingsLoading}
          w={380}
          maw="100%"
          comboboxProps={{ withinPortal: true }}
        />
        <Button type="submit" variant={dirty ? "filled" : "light"} aria-describedby={dirty ? hintId : undefined}>
          {t("finance.currentAccount.filter")}
        </Button>
      </Group>
      {dirty && (
        <Text id={hintId} size="xs" c="dimmed" mt={-4} mb="sm">
          {t("finance.currentAccount.pendingFilter")}
        </Text>
      )}
    </form>
  );
}
