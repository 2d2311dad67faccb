import "../../i18n/index.ts";
import { Checkbox, Group, Text, Title } from "@mantine/core";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BillingKind, BillingStatus, ContractBilling } from "../../../../../shared/contracts.schemas.ts";
import { formatMoney, formatPeriod } from "../../../../app/format.ts";
import { LoadMore } from "../../../../app/ui/load-more.tsx";
import { PageLoader } from "../../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../../app/ui/query-error.tsx";
import { contractBillingsQuery } from "../../api/finance-api.ts";
import { ordered } from "../../api/query-params.ts";
import { DetailsButton, Empty, Totals } from "../list-parts.tsx";
import { type Column, ResponsiveTable } from "../responsive-table.tsx";
import { BillingDetailsDrawer } from "./billing-details-drawer.tsx";
import { BillingStatusBadge } from "./billing-status-badge.tsx";

// The order of the original screen; the filters are sent (and cached) in this order whatever the clicks.
const KINDS: BillingKind[] = ["fixed", "variable"];
const STATUSES: BillingStatus[] = ["charged", "donated", "suspended", "paralyzed", "pending"];

/**
 * Contratos: the billings of the person's contracts, newest period first, filtered live by kind
 * (Fixos, Variáveis) and status (Cobrados, Doados, Suspensos, Paralisados, Pendentes).
 */
export function ContractsTab({ code, categoryId }: { code: number; categoryId: number }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [kinds, setKinds] = useState<BillingKind[]>(KINDS);
  const [statuses, setStatuses] = useState<BillingStatus[]>(STATUSES);
  const [shown, setShown] = useState<{ billing: ContractBilling | null; opened: boolean }>({
    billing: null,
    opened: false,
  });
  // An empty group would mean "all" to the API; here it means nothing is asked for.
  const nothingPicked = kinds.length === 0 || statuses.length === 0;
  const list = useInfiniteQuery({
    ...contractBillingsQuery(code, categoryId, { kinds, statuses }),
    placeholderData: keepPreviousData,
    enabled: !nothingPicked,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const totals = list.data?.pages[0]?.totals;

  const columns: Column<ContractBilling>[] = [
    { key: "period", header: t("finance.contracts.fields.period"), render: (b) => formatPeriod(b.period) },
    {
      key: "contract",
      header: t("finance.contracts.fields.contract"),
      render: (b) => (
        <>
          <Text span fw={500} inherit>
            {b.contract.number}
          </Text>{" "}
          <Text span c="dimmed" inherit>
            — {b.contract.description}
          </Text>
        </>
      ),
    },
    { key: "kind", header: t("finance.contracts.fields.kind"), render: (b) => t(`finance.contracts.kind.${b.kind}`) },
    {
      key: "amount",
      header: t("finance.contracts.fields.amount"),
      numeric: true,
      render: (b) => formatMoney(b.amountCents),
    },
    {
      key: "status",
      header: t("finance.contracts.fields.status"),
      render: (b) => <BillingStatusBadge status={b.status} />,
    },
  ];
  const rowName = (b: ContractBilling) =>
    t("finance.contracts.row", { period: formatPeriod(b.period), number: b.contract.number });

  return (
    <section aria-labelledby={titleId}>
      <Title id={titleId} order={2} size="h4" mb="sm">
        {t("finance.contracts.title")}
      </Title>
      <Group gap="xl" align="flex-start" wrap="wrap" mb="sm">
        <Checkbox.Group
          label={t("finance.contracts.kindFilter")}
          value={kinds}
          onChange={(value) => setKinds(ordered(KINDS, value))}
        >
          <Group gap="md" mt={6}>
            {KINDS.map((kind) => (
              <Checkbox key={kind} value={kind} label={t(`finance.contracts.kinds.${kind}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group
          label={t("finance.contracts.statusFilter")}
          value={statuses}
          onChange={(value) => setStatuses(ordered(STATUSES, value))}
        >
          <Group gap="md" mt={6}>
            {STATUSES.map((status) => (
              <Checkbox key={status} value={status} label={t(`finance.contracts.statuses.${status}`)} />
            ))}
          </Group>
        </Checkbox.Group>
      </Group>
      {nothingPicked ? (
        <Empty>{t("finance.contracts.pickOne")}</Empty>
      ) : (
        <>
          {totals && (
            <Totals
              label={t("finance.contracts.totalsLabel")}
              totals={[
                {
                  label: t("finance.contracts.total"),
                  value: formatMoney(totals.amountCents),
                  hint: t("finance.contracts.count", { count: totals.count }),
                },
                // Only when charged billings are shown: with Doados alone, "Cobrado R$ 0,00" reads as a fact.
                ...(statuses.includes("charged")
                  ? [{ label: t("finance.contracts.charged"), value: formatMoney(totals.chargedCents) }]
                  : []),
              ]}
            />
          )}
          {list.isPending && <PageLoader />}
          {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
          {list.isSuccess && items.length === 0 && <Empty>{t("finance.contracts.empty")}</Empty>}
          {items.length > 0 && (
            <ResponsiveTable
              label={t("finance.contracts.listLabel")}
              columns={columns}
              rows={items}
              rowKey={(b) => b.id}
              rowLabel={rowName}
              busy={list.isPlaceholderData}
              actionsHeader={t("common.actions")}
              actions={(b) => (
                <DetailsButton
                  label={t("finance.contracts.detailsOf", {
                    period: formatPeriod(b.period),
                    number: b.contract.number,
                  })}
                  onClick={() => setShown({ billing: b, opened: true })}
                />
              )}
            />
          )}
          <LoadMore pages={list} />
        </>
      )}
      <BillingDetailsDrawer
        billing={shown.billing}
        opened={shown.opened}
        onClose={() => setShown((s) => ({ ...s, opened: false }))}
      />
    </section>
  );
}
