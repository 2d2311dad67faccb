import "../../i18n/index.ts";
import { Badge, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Receivable, ReceivableDetails } from "../../../../../shared/receivables.schemas.ts";
import { formatDate, formatMoney, formatPeriod } from "../../../../app/format.ts";
import { DetailsDrawer } from "../../../../app/ui/details-drawer.tsx";
import { type DetailRow, DetailsTable } from "../../../../app/ui/details-table.tsx";
import { QueryError } from "../../../../app/ui/query-error.tsx";
import { receivableQuery } from "../../api/finance-api.ts";
import { DaysOverdue } from "./days-overdue.tsx";

/** "Detalhes" of a receivable: every field, read fresh (the list may be minutes old). */
export function ReceivableDetailsDrawer({
  receivable,
  opened,
  onClose,
}: {
  receivable: Receivable | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <DetailsDrawer
      item={receivable}
      opened={opened}
      onClose={onClose}
      size="md"
      title={
        receivable
          ? t("finance.receivables.detailsTitle", {
              number: receivable.documentNumber,
              installment: receivable.installment,
            })
          : ""
      }
    >
      {(summary) => <Details summary={summary} />}
    </DetailsDrawer>
  );
}

function Details({ summary }: { summary: Receivable }) {
  const { t } = useTranslation();
  const details = useQuery({ ...receivableQuery(summary.id), staleTime: 0 });
  // The list's data at once; the billing it came from arrives with the request.
  const r: Receivable & Partial<ReceivableDetails> = details.data ?? summary;
  const rows: DetailRow[] = [
    [
      t("finance.receivables.fields.status"),
      <Badge key="status" variant="light" color={r.status === "open" ? (r.overdue ? "red" : "blue") : "green"}>
        {t(`finance.receivables.status.${r.status}`)}
      </Badge>,
    ],
    [t("finance.receivables.fields.documentNumber"), r.documentNumber],
    [t("finance.receivables.fields.installment"), r.installment],
    [t("finance.receivables.fields.issueDate"), formatDate(r.issueDate)],
    [t("finance.receivables.fields.dueDate"), formatDate(r.dueDate)],
    [t("finance.receivables.fields.amount"), formatMoney(r.amountCents)],
    [t("finance.receivables.fields.interest"), formatMoney(r.interestCents)],
    [t("finance.receivables.fields.fine"), formatMoney(r.fineCents)],
    [t("finance.receivables.fields.discount"), formatMoney(r.discountCents)],
    [t("finance.receivables.fields.paid"), formatMoney(r.paidCents)],
    [t("finance.receivables.fields.updated"), formatMoney(r.updatedCents)],
    [t("finance.receivables.fields.settledAt"), formatDate(r.settledAt)],
    [t("finance.receivables.fields.paymentMethod"), r.paymentMethod ?? ""],
    [t("finance.receivables.fields.daysOverdue"), <DaysOverdue key="days" receivable={r} />],
    [
      t("finance.receivables.fields.billing"),
      r.billing
        ? t("finance.receivables.billingLine", {
            contract: r.billing.contractNumber,
            period: formatPeriod(r.billing.period),
          })
        : "",
    ],
    [t("finance.receivables.fields.externalId"), r.externalId ?? ""],
  ];
  return (
    <Stack gap="sm">
      {details.isError && <QueryError error={details.error} onRetry={() => void details.refetch()} />}
      <DetailsTable rows={rows} />
      {details.data && (
        <Text size="xs" c="dimmed">
          {t("finance.receivables.computedOn", { date: formatDate(details.data.today) })}
        </Text>
      )}
    </Stack>
  );
}
