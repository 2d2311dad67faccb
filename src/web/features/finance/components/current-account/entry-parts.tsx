import "../../i18n/index.ts";
import { Badge, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type {
  CommissionEntry,
  CommissionItemRow,
  CurrentAccountMode,
  EntryStatus,
} from "../../../../../shared/current-account.schemas.ts";
import { formatDate, formatMoney } from "../../../../app/format.ts";
import { formatPercent, formatQuantity } from "../format.ts";
import type { Column } from "../responsive-table.tsx";

/** A signed amount: credits as they are, debits in red with their minus sign. */
export function SignedMoney({ cents }: { cents: number }) {
  return (
    <Text span c={cents < 0 ? "red.9" : undefined} inherit>
      {formatMoney(cents)}
    </Text>
  );
}

export function DirectionBadge({ direction }: { direction: CommissionEntry["direction"] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={direction === "credit" ? "teal" : "red"}>
      {t(`finance.currentAccount.directions.${direction}`)}
    </Badge>
  );
}

const STATUS_COLORS: Record<EntryStatus, string> = { pending: "yellow", open: "blue", closed: "gray" };

export function EntryStatusBadge({ status }: { status: EntryStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={STATUS_COLORS[status]}>
      {t(`finance.currentAccount.status.${status}`)}
    </Badge>
  );
}

/**
 * Por lançamento: date, kind, credit/debit, origin document, (the customer, when the account is a
 * seller's), base, rate, amount.
 */
export function entryColumns(t: TFunction, mode: CurrentAccountMode): Column<CommissionEntry>[] {
  return [
    { key: "date", header: t("finance.currentAccount.fields.date"), render: (e) => formatDate(e.date) },
    {
      key: "kind",
      header: t("finance.currentAccount.fields.kind"),
      render: (e) => t(`finance.currentAccount.kinds.${e.kind}`),
    },
    {
      key: "direction",
      header: t("finance.currentAccount.fields.direction"),
      render: (e) => <DirectionBadge direction={e.direction} />,
    },
    { key: "origin", header: t("finance.currentAccount.fields.originDocument"), render: (e) => e.originDocument ?? "" },
    ...(mode === "seller"
      ? [
          {
            key: "person",
            header: t("finance.currentAccount.fields.person"),
            render: (e: CommissionEntry) => e.person?.name ?? "",
          },
        ]
      : []),
    {
      key: "base",
      header: t("finance.currentAccount.fields.base"),
      numeric: true,
      render: (e) => formatMoney(e.baseCents),
    },
    {
      key: "rate",
      header: t("finance.currentAccount.fields.rate"),
      numeric: true,
      render: (e) => formatPercent(e.rate),
    },
    {
      key: "amount",
      header: t("finance.currentAccount.fields.amount"),
      numeric: true,
      render: (e) => <SignedMoney cents={e.amountCents} />,
    },
  ];
}

/** Por item: each item of the entries, with the date, kind and origin document of its entry. */
export function itemColumns(t: TFunction, mode: CurrentAccountMode): Column<CommissionItemRow>[] {
  return [
    { key: "date", header: t("finance.currentAccount.fields.date"), render: (i) => formatDate(i.date) },
    {
      key: "kind",
      header: t("finance.currentAccount.fields.kind"),
      render: (i) => t(`finance.currentAccount.kinds.${i.kind}`),
    },
    { key: "origin", header: t("finance.currentAccount.fields.originDocument"), render: (i) => i.originDocument ?? "" },
    ...(mode === "seller"
      ? [
          {
            key: "person",
            header: t("finance.currentAccount.fields.person"),
            render: (i: CommissionItemRow) => i.person?.name ?? "",
          },
        ]
      : []),
    { key: "product", header: t("finance.currentAccount.fields.product"), render: (i) => i.product },
    {
      key: "quantity",
      header: t("finance.currentAccount.fields.quantity"),
      numeric: true,
      render: (i) => formatQuantity(i.quantity),
    },
    {
      key: "base",
      header: t("finance.currentAccount.fields.base"),
      numeric: true,
      render: (i) => formatMoney(i.baseCents),
    },
    {
      key: "rate",
      header: t("finance.currentAccount.fields.rate"),
      numeric: true,
      render: (i) => formatPercent(i.rate),
    },
    {
      key: "amount",
      header: t("finance.currentAccount.fields.amount"),
      numeric: true,
      render: (i) => <SignedMoney cents={i.amountCents} />,
    },
  ];
}
