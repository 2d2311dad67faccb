import "../../i18n/index.ts";
import { Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { CommissionEntryDetails } from "../../../../../shared/current-account.schemas.ts";
import { formatDate, formatMoney } from "../../../../app/format.ts";
import { DetailsDrawer } from "../../../../app/ui/details-drawer.tsx";
import { type DetailRow, DetailsTable } from "../../../../app/ui/details-table.tsx";
import { PageLoader } from "../../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../../app/ui/query-error.tsx";
import { entryQuery } from "../../api/finance-api.ts";
import { formatPercent, formatQuantity } from "../format.ts";
import { DirectionBadge, EntryStatusBadge, SignedMoney } from "./entry-parts.tsx";

/** "Detalhes" of an entry: its data, its items and the closing it is part of. */
export function EntryDetailsDrawer({
  entryId,
  title,
  opened,
  onClose,
}: {
  entryId: number | null;
  title: string;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <DetailsDrawer item={entryId} opened={opened} onClose={onClose} size="lg" title={title}>
      {(id) => <Details entryId={id} />}
    </DetailsDrawer>
  );
}

function Details({ entryId }: { entryId: number }) {
  const { t } = useTranslation();
  const details = useQuery({ ...entryQuery(entryId), staleTime: 0 });
  if (details.isPending) return <PageLoader />;
  if (details.isError) return <QueryError error={details.error} onRetry={() => void details.refetch()} />;
  const e = details.data;
  const rows: DetailRow[] = [
    [t("finance.currentAccount.fields.date"), formatDate(e.date)],
    [t("finance.currentAccount.fields.kind"), t(`finance.currentAccount.kinds.${e.kind}`)],
    [t("finance.currentAccount.fields.direction"), <DirectionBadge key="direction" direction={e.direction} />],
    [t("finance.currentAccount.fields.status"), <EntryStatusBadge key="status" status={e.status} />],
    [t("finance.currentAccount.fields.seller"), e.seller.name],
    [t("finance.currentAccount.fields.person"), e.person?.name ?? ""],
    [t("finance.currentAccount.fields.originDocument"), e.originDocument ?? ""],
    [t("finance.currentAccount.fields.description"), e.description ?? ""],
    [t("finance.currentAccount.fields.base"), formatMoney(e.baseCents)],
    [t("finance.currentAccount.fields.rate"), formatPercent(e.rate)],
    [t("finance.currentAccount.fields.amount"), <SignedMoney key="amount" cents={e.amountCents} />],
    [t("finance.currentAccount.fields.externalId"), e.externalId ?? ""],
  ];
  return (
    <Stack gap="md">
      <DetailsTable rows={rows} />
      <Items entry={e} />
      <Closing entry={e} />
    </Stack>
  );
}

function Items({ entry }: { entry: CommissionEntryDetails }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t("finance.currentAccount.itemsLabel")}>
      <Title order={3} size="h5" mb="xs">
        {t("finance.currentAccount.itemsTitle")}
      </Title>
      {entry.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("finance.currentAccount.noItems")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped withTableBorder aria-label={t("finance.currentAccount.itemsLabel")} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("finance.currentAccount.fields.product")}</Table.Th>
                <Table.Th ta="right">{t("finance.currentAccount.fields.quantity")}</Table.Th>
                <Table.Th ta="right">{t("finance.currentAccount.fields.base")}</Table.Th>
                <Table.Th ta="right">{t("finance.currentAccount.fields.rate")}</Table.Th>
                <Table.Th ta="right">{t("finance.currentAccount.fields.amount")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entry.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{item.product}</Table.Td>
                  <Table.Td ta="right">{formatQuantity(item.quantity)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                    {formatMoney(item.baseCents)}
                  </Table.Td>
                  <Table.Td ta="right">{formatPercent(item.rate)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                    <SignedMoney cents={item.amountCents} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}

function Closing({ entry }: { entry: CommissionEntryDetails }) {
  const { t } = useTranslation();
  const closing = entry.closing;
  return (
    <section aria-label={t("finance.currentAccount.closingTitle")}>
      <Title order={3} size="h5" mb="xs">
        {t("finance.currentAccount.closingTitle")}
      </Title>
      {closing ? (
        <DetailsTable
          rows={[
            [
              t("finance.currentAccount.fields.period"),
              t("finance.currentAccount.closingLabel", {
                start: formatDate(closing.periodStart),
                end: formatDate(closing.periodEnd),
              }),
            ],
            [t("finance.currentAccount.fields.closedOn"), formatDate(closing.closedOn)],
            [t("finance.currentAccount.fields.externalId"), closing.externalId ?? ""],
          ]}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t("finance.currentAccount.notClosed")}
        </Text>
      )}
    </section>
  );
}
