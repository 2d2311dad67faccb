import "../../features/persons/i18n/index.ts";
import { Alert, Tabs } from "@mantine/core";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { Level, Tab } from "../../../shared/access.schemas.ts";
import type { Person } from "../../../shared/persons.schemas.ts";
import { DisabledCurrentAccountTab } from "../../features/finance/components/current-account-gate.tsx";
import { AddressesTab } from "../../features/persons/components/addresses/addresses-tab.tsx";
import { RelatedTab } from "../../features/persons/components/related/related-tab.tsx";
import { useMe } from "../auth.ts";
import { lazyNamed } from "../lazy.ts";
import { PageLoader } from "../ui/page-loader.tsx";

// Atendimentos and Produção (one component for both areas) load with their strings on first use.
const TicketsTab = lazyNamed(() => import("../../features/tickets/components/tickets-tab.tsx"), "TicketsTab");

// A receber, Conta corrente and Contratos: one lazy chunk with their strings (every extra chunk costs
// first-load bytes, see finance-tabs.ts).
const ReceivablesTab = lazyNamed(() => import("../../features/finance/components/finance-tabs.ts"), "ReceivablesTab");
const CurrentAccountTab = lazyNamed(
  () => import("../../features/finance/components/finance-tabs.ts"),
  "CurrentAccountTab",
);
const ContractsTab = lazyNamed(() => import("../../features/finance/components/finance-tabs.ts"), "ContractsTab");

// Agendamentos: its strings, dialogs and date pickers load on first use.
const AppointmentsTab = lazyNamed(
  () => import("../../features/appointments/components/appointments-tab.tsx"),
  "AppointmentsTab",
);

type Granted = { tab: Tab; level: Level };

/** Only the tabs the server granted for this category; the panel of the active one is mounted. */
export function PersonTabs({
  person,
  categoryId,
  categoryName,
  granted,
  active,
  onTabChange,
}: {
  person: Person;
  categoryId: number;
  categoryName: string;
  granted: Granted[];
  active: Granted | null;
  onTabChange: (tab: Tab) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  if (!active) {
    return <Alert color="yellow">{t("person.tabs.none", { category: categoryName })}</Alert>;
  }
  return (
    <Tabs value={active.tab} onChange={(value) => value && onTabChange(value as Tab)} keepMounted={false}>
      <Tabs.List aria-label={t("person.tabs.label")}>
        {granted.map(({ tab }) =>
          // Granted, but this user is not a seller: shown as unavailable, with the reason.
          tab === "currentAccount" && !me.currentAccountEnabled ? (
            <DisabledCurrentAccountTab key={tab} label={t(`person.tabs.${tab}`)} />
          ) : (
            <Tabs.Tab key={tab} value={tab}>
              {t(`person.tabs.${tab}`)}
            </Tabs.Tab>
          ),
        )}
      </Tabs.List>
      {granted.map(({ tab, level }) => (
        <Tabs.Panel key={tab} value={tab} pt="md">
          <TabPanel tab={tab} code={person.code} categoryId={categoryId} canWrite={level === "write"} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

function TabPanel({
  tab,
  code,
  categoryId,
  canWrite,
}: {
  tab: Tab;
  code: number;
  categoryId: number;
  canWrite: boolean;
}) {
  // key: a new category starts the tab afresh (filters, open dialogs).
  if (tab === "addresses")
    return <AddressesTab key={categoryId} code={code} categoryId={categoryId} canWrite={canWrite} />;
  if (tab === "related") return <RelatedTab key={categoryId} code={code} categoryId={categoryId} canWrite={canWrite} />;
  if (tab === "tickets" || tab === "production") {
    return (
      <Suspense fallback={<PageLoader />}>
        <TicketsTab
          key={`${tab}-${categoryId}`}
          area={tab === "production" ? "production" : "service"}
          code={code}
          categoryId={categoryId}
          canWrite={canWrite}
        />
      </Suspense>
    );
  }
  if (tab === "receivables")
    return (
      <Suspense fallback={<PageLoader />}>
        <ReceivablesTab key={categoryId} code={code} categoryId={categoryId} />
      </Suspense>
    );
  if (tab === "currentAccount")
    return (
      <Suspense fallback={<PageLoader />}>
        <CurrentAccountTab key={categoryId} code={code} categoryId={categoryId} />
      </Suspense>
    );
  if (tab === "contracts")
    return (
      <Suspense fallback={<PageLoader />}>
        <ContractsTab key={categoryId} code={code} categoryId={categoryId} />
      </Suspense>
    );
  if (tab === "appointments")
    return (
      <Suspense fallback={<PageLoader />}>
        <AppointmentsTab key={categoryId} code={code} categoryId={categoryId} canWrite={canWrite} />
      </Suspense>
    );
  // Every tab is handled above: a new Tab value fails to compile here instead of showing nothing.
  return tab satisfies never;
}
