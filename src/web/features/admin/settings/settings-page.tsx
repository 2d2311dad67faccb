import { Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageHeader } from "../../../app/ui/page-header.tsx";
import { CategoriesPanel } from "./categories-panel.tsx";
import { CharacteristicsPanel } from "./characteristics-panel.tsx";
import { RelationshipTypesPanel } from "./relationship-types-panel.tsx";

/** The tab lives in the address (?aba=), so a link or a reload opens the same list. */
const TABS = ["categorias", "caracteristicas", "relacionamentos"] as const;
type TabKey = (typeof TABS)[number];
const isTab = (value: string | null): value is TabKey => TABS.some((tab) => tab === value);

export function SettingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get("aba");
  const tab: TabKey = isTab(raw) ? raw : "categorias";

  return (
    <>
      <PageHeader title={t("admin2.settings.title")} />
      <Tabs
        value={tab}
        onChange={(value) => {
          if (isTab(value)) setParams({ aba: value }, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="categorias">{t("admin2.settings.categories.title")}</Tabs.Tab>
          <Tabs.Tab value="caracteristicas">{t("admin2.settings.characteristics.title")}</Tabs.Tab>
          <Tabs.Tab value="relacionamentos">{t("admin2.settings.relationshipTypes.title")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="categorias">
          <CategoriesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="caracteristicas">
          <CharacteristicsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="relacionamentos">
          <RelationshipTypesPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
