import "../../i18n/gate/index.ts";
import "../../i18n/index.ts";
import { Alert, Text, Title } from "@mantine/core";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  CommissionEntry,
  CommissionItemRow,
  CurrentAccountList,
} from "../../../../../shared/current-account.schemas.ts";
import { type ApiError, isApiError } from "../../../../app/api.ts";
import { useMe } from "../../../../app/auth.ts";
import { useServerText } from "../../../../app/error-message.ts";
import { formatDate, formatMoney } from "../../../../app/format.ts";
import { LoadMore } from "../../../../app/ui/load-more.tsx";
import { PageLoader } from "../../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../../app/ui/query-error.tsx";
import { type CurrentAccountFilter, closingsQuery, currentAccountQuery } from "../../api/finance-api.ts";
import { DetailsButton, Empty, Totals } from "../list-parts.tsx";
import { ResponsiveTable } from "../responsive-table.tsx";
import { CurrentAccountFilters } from "./current-account-filters.tsx";
import { EntryDetailsDrawer } from "./entry-details-drawer.tsx";
import { entryColumns, itemColumns } from "./entry-parts.tsx";

const INITIAL: CurrentAccountFilter = { view: "entry", status: "open", closingId: null };

/**
 * The reason Conta corrente is off for this user, in the panel (the tab itself is marked
 * unavailable). `detail` is the server's own sentence when it refused (it names the linked person).
 */
function Unavailable({ detail }: { detail?: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="gray" title={t("finance.currentAccount.unavailableTitle")}>
      <Text size="sm">{t("currentAccountGate.reason")}</Text>
      {detail && (
        <Text size="sm" c="dimmed" mt={4}>
          {detail}
        </Text>
      )}
    </Alert>
  );
}

// The code by its text (errors.ts types it), not the schema module's constant: no zod in this chunk.
const isDisabledError = (error: unknown): error is ApiError =>
  isApiError(error) && error.code === "current_account_disabled";

/**
 * Conta corrente: commission and pass-through entries, by entry or by item, filtered by status
 * and closing ("Filtrar"), with "Detalhes" per entry. Off for users who are not sellers; the
 * server says so too (403 current_account_disabled), e.g. when the link changed since /api/me.
 */
export function CurrentAccountTab({ code, categoryId }: { code: number; categoryId: number }) {
  const me = useMe();
  if (!me.currentAccountEnabled) return <Unavailable />;
  return <CurrentAccount code={code} categoryId={categoryId} />;
}

type Shown = { entryId: number | null; title: string; opened: boolean };

function CurrentAccount({ code, categoryId }: { code: number; categoryId: number }) {
  const { t } = useTranslation();
  const texts = useServerText();
  const titleId = useId();
  const [draft, setDraft] = useState(INITIAL);
  const [applied, setApplied] = useState(INITIAL);
  const [shown, setShown] = useState<Shown>({ entryId: null, title: "", opened: false });
  const closings = useQuery(closingsQuery(code, categoryId));
  const list = useInfiniteQuery({
    ...currentAccountQuery(code, categoryId, applied),
    placeholderData: keepPreviousData,
  });

  const refused = [list.error, closings.error].find(isDisabledError);
  if (refused) return <Unavailable detail={texts.server(refused)} />;

  const first = list.data?.pages[0];
  const open = (entryId: number, title: string) => setShown({ entryId, title, opened: true });
  const entryTitle = (date: string, kind: CommissionEntry["kind"]) =>
    t("finance.currentAccount.detailsTitle", {
      date: formatDate(date),
      kind: t(`finance.currentAccount.kinds.${kind}`),
    });

  return (
    <section aria-labelledby={titleId}>
      <Title id={titleId} order={2} size="h4" mb={4}>
        {t("finance.currentAccount.title")}
      </Title>
      {first && (
        <Text size="sm" c="dimmed" mb="sm">
          {first.mode === "seller"
            ? t("finance.currentAccount.sellerMode", { seller: first.seller.name })
            : t("finance.currentAccount.customerMode", {
                seller: first.seller.name,
                customer: first.customer?.name ?? "",
              })}
        </Text>
      )}
      <CurrentAccountFilters
        draft={draft}
        applied={applied}
        closings={closings.data?.items ?? []}
        closingsLoading={closings.isPending}
        onChange={setDraft}
        onApply={() => setApplied(draft)}
      />
      {first && (
        <Totals
          label={t("finance.currentAccount.totalsLabel")}
          totals={[
            {
              label: t("finance.currentAccount.credits"),
              value: formatMoney(first.totals.creditCents),
              hint: t("finance.currentAccount.count", { count: first.totals.count }),
            },
            { label: t("finance.currentAccount.debits"), value: formatMoney(first.totals.debitCents) },
            {
              label: t("finance.currentAccount.balance"),
              value: formatMoney(first.totals.balanceCents),
              color: first.totals.balanceCents < 0 ? "red.9" : undefined,
            },
          ]}
        />
      )}
      {list.isPending && <PageLoader />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && <Rows list={list.data.pages} busy={list.isPlaceholderData} onOpen={open} entryTitle={entryTitle} />}
      <LoadMore pages={list} />
      <EntryDetailsDrawer
        entryId={shown.entryId}
        title={shown.title}
        opened={shown.opened}
        onClose={() => setShown((s) => ({ ...s, opened: false }))}
      />
    </section>
  );
}

function Rows({
  list,
  busy,
  onOpen,
  entryTitle,
}: {
  list: CurrentAccountList[];
  busy: boolean;
  onOpen: (entryId: number, title: string) => void;
  entryTitle: (date: string, kind: CommissionEntry["kind"]) => string;
}) {
  const { t } = useTranslation();
  const first = list[0];
  if (!first) return null;
  const { mode, view } = first;
  const entries = view === "entry" ? list.flatMap((p) => (p.view === "entry" ? p.items : [])) : [];
  const items = view === "item" ? list.flatMap((p) => (p.view === "item" ? p.items : [])) : [];
  if (entries.length === 0 && items.length === 0) return <Empty>{t("finance.currentAccount.empty")}</Empty>;
  const common = { busy, actionsHeader: t("common.actions"), label: t(`finance.currentAccount.listLabel.${view}`) };
  if (view === "entry") {
    return (
      <ResponsiveTable<CommissionEntry>
        {...common}
        columns={entryColumns(t, mode)}
        rows={entries}
        rowKey={(e) => e.id}
        rowLabel={(e) => entryTitle(e.date, e.kind)}
        actions={(e) => (
          <DetailsButton
            label={t("finance.currentAccount.detailsOf", {
              date: formatDate(e.date),
              kind: t(`finance.currentAccount.kinds.${e.kind}`),
              amount: formatMoney(e.amountCents),
            })}
            onClick={() => onOpen(e.id, entryTitle(e.date, e.kind))}
          />
        )}
      />
    );
  }
  return (
    <ResponsiveTable<CommissionItemRow>
      {...common}
      columns={itemColumns(t, mode)}
      rows={items}
      rowKey={(i) => i.id}
      rowLabel={(i) => t("finance.currentAccount.itemRow", { product: i.product, date: formatDate(i.date) })}
      actions={(i) => (
        <DetailsButton
          label={t("finance.currentAccount.detailsOfItem", { product: i.product, date: formatDate(i.date) })}
          onClick={() => onOpen(i.entryId, entryTitle(i.date, i.kind))}
        />
      )}
    />
  );
}
