import "../../i18n/index.ts";
import { Badge, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ContractBilling, ContractBillingDetails } from "../../../../../shared/contracts.schemas.ts";
import { formatDate, formatMoney, formatPeriod } from "../../../../app/format.ts";
import { DetailsDrawer } from "../../../../app/ui/details-drawer.tsx";
import { DetailsTable } from "../../../../app/ui/details-table.tsx";
import { QueryError } from "../../../../app/ui/query-error.tsx";
import { billingQuery } from "../../api/finance-api.ts";
import { BillingStatusBadge } from "./billing-status-badge.tsx";

/** "Detalhes" of a billing: the billing, its contract and the receivable it became. */
export function BillingDetailsDrawer({
  billing,
  opened,
  onClose,
}: {
  billing: ContractBilling | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <DetailsDrawer
      item={billing}
      opened={opened}
      onClose={onClose}
      size="md"
      title={
        billing
          ? t("finance.contracts.detailsTitle", {
              period: formatPeriod(billing.period),
              number: billing.contract.number,
            })
          : ""
      }
    >
      {(summary) => <Details summary={summary} />}
    </DetailsDrawer>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

function Details({ summary }: { summary: ContractBilling }) {
  const { t } = useTranslation();
  const details = useQuery({ ...billingQuery(summary.id), staleTime: 0 });
  // The list's data at once; the contract's own fields arrive with the request.
  const b: ContractBilling & Partial<ContractBillingDetails> = details.data ?? summary;
  const contract = b.contractDetails;
  const receivable = b.receivable;
  return (
    <Stack gap="md">
      {details.isError && <QueryError error={details.error} onRetry={() => void details.refetch()} />}
      <Part title={t("finance.contracts.billingTitle")}>
        <DetailsTable
          rows={[
            [t("finance.contracts.fields.period"), formatPeriod(b.period)],
            [t("finance.contracts.fields.kind"), t(`finance.contracts.kind.${b.kind}`)],
            [t("finance.contracts.fields.amount"), formatMoney(b.amountCents)],
            [t("finance.contracts.fields.status"), <BillingStatusBadge key="status" status={b.status} />],
            [t("finance.contracts.fields.description"), b.description ?? ""],
            [t("finance.contracts.fields.externalId"), b.externalId ?? ""],
          ]}
        />
      </Part>
      <Part title={t("finance.contracts.contractTitle")}>
        <DetailsTable
          rows={[
            [t("finance.contracts.fields.number"), b.contract.number],
            [t("finance.contracts.fields.description"), b.contract.description],
            [t("finance.contracts.fields.startDate"), contract ? formatDate(contract.startDate) : ""],
            [t("finance.contracts.fields.endDate"), contract ? formatDate(contract.endDate) : ""],
            [
              t("finance.contracts.fields.billingDay"),
              contract?.billingDay ? t("finance.contracts.billingDayValue", { day: contract.billingDay }) : "",
            ],
            [
              t("finance.contracts.fields.status"),
              <Badge key="status" variant="outline" color={b.contract.status === "active" ? "green" : "gray"}>
                {t(`finance.contracts.contractStatus.${b.contract.status}`)}
              </Badge>,
            ],
          ]}
        />
      </Part>
      <Part title={t("finance.contracts.receivableTitle")}>
        {receivable ? (
          <DetailsTable
            rows={[
              [t("finance.contracts.fields.documentNumber"), receivable.documentNumber],
              [t("finance.contracts.fields.installment"), receivable.installment],
              [t("finance.contracts.fields.dueDate"), formatDate(receivable.dueDate)],
              [t("finance.contracts.fields.status"), t(`finance.receivables.status.${receivable.status}`)],
              [t("finance.contracts.fields.amount"), formatMoney(receivable.amountCents)],
              [t("finance.contracts.fields.updated"), formatMoney(receivable.updatedCents)],
              [t("finance.contracts.fields.settledAt"), formatDate(receivable.settledAt)],
            ]}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t("finance.contracts.noReceivable")}
          </Text>
        )}
      </Part>
    </Stack>
  );
}
