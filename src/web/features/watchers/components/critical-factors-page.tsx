import "../i18n/index.ts";
import { Badge, Card, Group, Select, Stack, Text } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useMe } from "../../../app/auth.ts";
import { sectorsQuery, usersQuery } from "../../../app/settings-lists.ts";
import { LoadMore } from "../../../app/ui/load-more.tsx";
import { PageHeader } from "../../../app/ui/page-header.tsx";
import { PageLoader } from "../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../app/ui/query-error.tsx";
import { companyCriticalQuery } from "../api/watchers-api.ts";
import { CriticalTicketList } from "./critical-ticket-list.tsx";

const idParam = (value: string | null) => (value && /^\d+$/.test(value) ? Number(value) : null);

/**
 * /fatores-criticos: critical and attention tickets of every person the user may see, grouped by
 * sector then person, with each sector's counts; filters (in the address) by sector and responsible.
 */
export function CriticalFactorsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filter = { sectorId: idParam(params.get("setor")), responsibleUserId: idParam(params.get("responsavel")) };
  const list = useInfiniteQuery(companyCriticalQuery(filter));
  const sectors = useQuery(sectorsQuery);
  // Only administrators may list users; everyone can filter by themselves or by whom the list names.
  const users = useQuery({ ...usersQuery, enabled: me.user.isAdmin });
  const first = list.data?.pages[0];
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const responsibleOptions = new Map<number, string>([[me.user.id, me.user.name]]);
  for (const i of items) if (i.responsible) responsibleOptions.set(i.responsible.id, i.responsible.name);
  for (const u of users.data?.items ?? []) if (u.isActive) responsibleOptions.set(u.id, u.name);
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md">
      <PageHeader title={t("critical.pageTitle")} />
      <Text c="dimmed" mt={-8}>
        {t("critical.pageIntro")}
      </Text>
      <Group gap="sm" align="flex-end">
        <Select
          label={t("critical.filterSector")}
          placeholder={t("critical.allSectors")}
          clearable
          data={(sectors.data?.items ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
          value={filter.sectorId === null ? null : String(filter.sectorId)}
          onChange={(v) => set("setor", v)}
          w={240}
        />
        <Select
          label={t("critical.filterResponsible")}
          placeholder={t("critical.anyone")}
          clearable
          searchable
          data={[...responsibleOptions.entries()]
            .map(([id, name]) => ({ value: String(id), label: name }))
            .sort((a, b) => a.label.localeCompare(b.label, "pt-BR"))}
          value={filter.responsibleUserId === null ? null : String(filter.responsibleUserId)}
          onChange={(v) => set("responsavel", v)}
          w={260}
        />
      </Group>
      {list.isPending && <PageLoader />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {first && (
        <>
          <Group gap="xs">
            <Badge color="red" variant="filled" size="lg">
              {t("critical.criticalCount", { count: first.counts.critical })}
            </Badge>
            <Badge color="yellow" variant="filled" size="lg" autoContrast>
              {t("critical.attentionCount", { count: first.counts.attention })}
            </Badge>
            <Text size="sm" c="dimmed">
              {t("critical.rule", {
                n: first.rule.thresholdDays,
                m: first.rule.warnDays,
                zone: first.rule.timeZone,
              })}
            </Text>
          </Group>
          {items.length === 0 ? (
            <Text py="md">{t("critical.empty")}</Text>
          ) : (
            <Card withBorder padding="md">
              <CriticalTicketList items={items} sectors={first.bySector} timeZone={first.rule.timeZone} byPerson />
            </Card>
          )}
        </>
      )}
      <LoadMore pages={list} />
    </Stack>
  );
}

// The user menu's "Avisos do monitoramento" loads its modal from this chunk (see watch-menu.tsx).
export { WatchPreferencesModal } from "./watch-preferences-modal.tsx";
