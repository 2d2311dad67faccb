import "../../i18n/index.ts";
import { SegmentedControl, Title } from "@mantine/core";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Receivable, ReceivableStatus } from "../../../../../shared/receivables.schemas.ts";
import { formatDate, formatMoney } from "../../../../app/format.ts";
import { LoadMore } from "../../../../app/ui/load-more.tsx";
import { PageLoader } from "../../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../../app/ui/query-error.tsx";
import { personReceivablesQuery } from "../../api/finance-api.ts";
import { DetailsButton, Empty, type Total, Totals } from "../list-parts.tsx";
import { type Column, ResponsiveTable } from "../responsive-table.tsx";
import { DaysOverdue } from "./days-overdue.tsx";
import { ReceivableDetailsDrawer } from "./receivable-details-drawer.tsx";

export type FinanceTabProps = { code: number; categoryId: number };

/**
 * A receber: the person's receivables, Abertos (oldest due first) or Baixados, with the totals
 * (open, overdue, received) on top and "Detalhes" per receivable.
 */
export function ReceivablesTab({ code, categoryId }: FinanceTabProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [status, setStatus] = useState<ReceivableStatus>("open");
  const [shown, setShown] = useState<{ receivable: Receivable | null; opened: boolean }>({
    receivable: null,
    opened: false,
  });
  const list = useInfiniteQuery({
    ...personReceivablesQuery(code, categoryId, status),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const totals = list.data?.pages[0]?.totals;

  const columns: Column<Receivable>[] = [
    { key: "document", header: t("finance.receivables.fields.documentNumber"), render: (r) => r.documentNumber },
    { key: "installment", header: t("finance.receivables.fields.installment"), render: (r) => r.installment },
    { key: "issue", header: t("finance.receivables.fields.issueDate"), render: (r) => formatDate(r.issueDate) },
    { key: "due", header: t("finance.receivables.fields.dueDate"), render: (r) => formatDate(r.dueDate) },
    {
      key: "amount",
      header: t("finance.receivables.fields.amount"),
      numeric: true,
      render: (r) => formatMoney(r.amountCents),
    },
    status === "open"
      ? {
          key: "updated",
          header: t("finance.receivables.fields.updated"),
          numeric: true,
          render: (r) => formatMoney(r.updatedCents),
        }
      : {
          key: "paid",
          header: t("finance.receivables.fields.paid"),
          numeric: true,
          render: (r) => formatMoney(r.paidCents),
        },
    ...(status === "settled"
      ? [
          {
            key: "settledAt",
            header: t("finance.receivables.fields.settledAt"),
            render: (r: Receivable) => formatDate(r.settledAt),
          },
        ]
      : []),
    {
      key: "days",
      header: t("finance.receivables.fields.daysOverdue"),
      numeric: true,
      render: (r) => <DaysOverdue receivable={r} />,
    },
  ];
  const rowName = (r: Receivable) =>
    t("finance.receivables.row", { number: r.documentNumber, installment: r.installment });

  const summary: Total[] = totals
    ? [
        {
          label: t("finance.receivables.totalOpen"),
          value: formatMoney(totals.openCents),
          hint: t("finance.receivables.count", { count: totals.openCount }),
        },
        {
          label: t("finance.receivables.totalOverdue"),
          value: formatMoney(totals.overdueCents),
          hint: t("finance.receivables.count", { count: totals.overdueCount }),
          color: totals.overdueCount > 0 ? "red.9" : undefined,
        },
        {
          label: t("finance.receivables.totalSettled"),
          value: formatMoney(totals.settledPaidCents),
          hint: t("finance.receivables.count", { count: totals.settledCount }),
        },
      ]
    : [];

  return (
    <section aria-labelledby={titleId}>
      <Title id={titleId} order={2} size="h4" mb="sm">
        {t("finance.receivables.title")}
      </Title>
      {totals && <Totals label={t("finance.receivables.totalsLabel")} totals={summary} />}
      <SegmentedControl
        mb="sm"
        aria-label={t("finance.receivables.statusFilter")}
        value={status}
        onChange={(value) => setStatus(value as ReceivableStatus)}
        data={[
          { value: "open", label: t("finance.receivables.statuses.open") },
          { value: "settled", label: t("finance.receivables.statuses.settled") },
        ]}
      />
      {list.isPending && <PageLoader />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && <Empty>{t(`finance.receivables.empty.${status}`)}</Empty>}
      {items.length > 0 && (
        <ResponsiveTable
          label={t(`finance.receivables.listLabel.${status}`)}
          columns={columns}
          rows={items}
          rowKey={(r) => r.id}
          rowLabel={rowName}
          busy={list.isPlaceholderData}
          actionsHeader={t("common.actions")}
          actions={(r) => (
            <DetailsButton
              label={t("finance.receivables.detailsOf", { number: r.documentNumber, installment: r.installment })}
              onClick={() => setShown({ receivable: r, opened: true })}
            />
          )}
        />
      )}
      <LoadMore pages={list} />
      <ReceivableDetailsDrawer
        receivable={shown.receivable}
        opened={shown.opened}
        onClose={() => setShown((s) => ({ ...s, opened: false }))}
      />
    </section>
  );
}
