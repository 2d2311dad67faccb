import { Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { i18n } from "../../i18n/index.ts";

/**
 * Why Conta corrente is off for a user: the one sentence the person screen needs before the
 * tab's own (lazy) chunk is loaded. It comes with the person screen's chunk, not the first load.
 */
export const currentAccountGatePtBR = {
  currentAccountGate: {
    reason: "Disponível somente para usuários vinculados a um funcionário ou representante.",
  },
};
export type CurrentAccountGateMessages = typeof currentAccountGatePtBR;
const currentAccountGateEn: CurrentAccountGateMessages = {
  currentAccountGate: { reason: "Available only to users linked to an employee or a representative." },
};
i18n.addResourceBundle("pt-BR", "translation", currentAccountGatePtBR, true, false);
i18n.addResourceBundle("en", "translation", currentAccountGateEn, true, false);

/**
 * The Conta corrente tab of a user who has none: shown, announced as unavailable (aria-disabled),
 * dimmed, with the reason as its tooltip and accessible description (a native title: Mantine's
 * Tooltip would add ~3 KiB to the first load). It stays focusable and selectable on purpose, so a
 * keyboard or screen-reader user reaches it too, and its panel says the reason in full.
 */
export function DisabledCurrentAccountTab({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <Tabs.Tab
      value="currentAccount"
      aria-disabled="true"
      mod={{ disabled: true }}
      title={t("currentAccountGate.reason")}
    >
      {label}
    </Tabs.Tab>
  );
}
