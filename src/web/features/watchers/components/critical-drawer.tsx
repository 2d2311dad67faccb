import "../i18n/index.ts";
import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PersonCriticalFactors } from "../../../../shared/critical-factors.schemas.ts";
import { DetailsDrawer } from "../../../app/ui/details-drawer.tsx";
import { CriticalTicketList } from "./critical-ticket-list.tsx";

/** The person's critical factors, grouped by sector so each sector sees what it must carry on. */
export function CriticalDrawer({
  opened,
  onClose,
  name,
  data,
}: {
  opened: boolean;
  onClose: () => void;
  name: string;
  data: PersonCriticalFactors;
}) {
  const { t } = useTranslation();
  return (
    <DetailsDrawer item={data} opened={opened} onClose={onClose} size="lg" title={t("critical.panelTitle", { name })}>
      {(data) => (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t("critical.rule", { n: data.rule.thresholdDays, m: data.rule.warnDays, zone: data.rule.timeZone })}
          </Text>
          {data.critical.length + data.attention.length === 0 ? (
            <Text>{t("critical.empty")}</Text>
          ) : (
            <CriticalTicketList
              items={[...data.critical, ...data.attention]}
              sectors={data.bySector}
              timeZone={data.rule.timeZone}
              onOpen={onClose}
            />
          )}
        </Stack>
      )}
    </DetailsDrawer>
  );
}
