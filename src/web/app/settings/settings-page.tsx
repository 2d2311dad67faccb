import "../../features/admin/i18n/index.ts";
import "../../features/appointments/i18n/index.ts";
import "../../features/mail/i18n/index.ts";
import "../../features/watchers/i18n/index.ts";
import { Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { CategoriesPanel } from "../../features/admin/components/settings/categories-panel.tsx";
import { CharacteristicsPanel } from "../../features/admin/components/settings/characteristics-panel.tsx";
import { ProductsPanel, SectorsPanel } from "../../features/admin/components/settings/named-settings-panel.tsx";
import { RelationshipTypesPanel } from "../../features/admin/components/settings/relationship-types-panel.tsx";
import { TicketTypesPanel } from "../../features/admin/components/settings/ticket-types-panel.tsx";
import { AppointmentTypesPanel } from "../../features/appointments/components/appointment-types-panel.tsx";
import { CompanySettingsPanel } from "../../features/mail/components/company-settings-panel.tsx";
import { SmtpSettingsPanel } from "../../features/mail/components/smtp-settings-panel.tsx";
import { CriticalSettingsPanel } from "../../features/watchers/components/critical-settings-panel.tsx";
import { PageHeader } from "../ui/page-header.tsx";

/** The tab lives in the address (?aba=), so a link or a reload opens the same list. */
const TABS = [
  "categorias",
  "caracteristicas",
  "relacionamentos",
  "tipos-atendimento",
  "setores",
  "produtos",
  "empresa",
  "email",
  "tipos-agendamento",
  "fatores-criticos",
] as const;
type TabKey = (typeof TABS)[number];
const isTab = (value: string | null): value is TabKey => TABS.some((tab) => tab === value);

/**
 * Administração › Configurações: every feature's settings panel, one per tab. It lives in app/
 * because it composes several features (the lists of admin, ticket settings, e-mail,
 * appointments, critical factors), which never import each other.
 */
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
          <Tabs.Tab value="tipos-atendimento">{t("ticketSettings.ticketTypes.title")}</Tabs.Tab>
          <Tabs.Tab value="setores">{t("ticketSettings.sectors.title")}</Tabs.Tab>
          <Tabs.Tab value="produtos">{t("ticketSettings.products.title")}</Tabs.Tab>
          <Tabs.Tab value="empresa">{t("mail.company.title")}</Tabs.Tab>
          <Tabs.Tab value="email">{t("mail.smtp.title")}</Tabs.Tab>
          <Tabs.Tab value="tipos-agendamento">{t("appointments.settings.title")}</Tabs.Tab>
          <Tabs.Tab value="fatores-criticos">{t("critical.settings.title")}</Tabs.Tab>
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
        <Tabs.Panel value="tipos-atendimento">
          <TicketTypesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="setores">
          <SectorsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="produtos">
          <ProductsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="empresa">
          <CompanySettingsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="email">
          <SmtpSettingsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="tipos-agendamento">
          <AppointmentTypesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="fatores-criticos">
          <CriticalSettingsPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
