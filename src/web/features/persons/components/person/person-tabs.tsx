import { Alert, Tabs, Text } from "@mantine/core";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { Level, Tab } from "../../../../../shared/access.schemas.ts";
import type { Person } from "../../../../../shared/persons.schemas.ts";
import { PageLoader } from "../../../../app/ui/page-loader.tsx";
import { AddressesTab } from "../addresses/addresses-tab.tsx";
import { RelatedTab } from "../related/related-tab.tsx";

// Atendimentos and Produção (one component for both areas) load with their strings on first use.
const TicketsTab = lazy(() =>
  import("../../../tickets/components/tickets-tab.tsx").then((m) => ({ default: m.TicketsTab })),
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
  if (!active) {
    return <Alert color="yellow">{t("person.tabs.none", { category: categoryName })}</Alert>;
  }
  return (
    <Tabs value={active.tab} onChange={(value) => value && onTabChange(value as Tab)} keepMounted={false}>
      <Tabs.List aria-label={t("person.tabs.label")}>
        {granted.map(({ tab }) => (
          <Tabs.Tab key={tab} value={tab}>
            {t(`person.tabs.${tab}`)}
          </Tabs.Tab>
        ))}
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
  const { t } = useTranslation();
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
  // Granted, but its feature is not built yet: said plainly, with no made-up data.
  return (
    <Text c="dimmed" py="lg">
      {t("person.tabs.comingSoon")}
    </Text>
  );
}
