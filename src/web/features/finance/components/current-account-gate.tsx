import "../i18n/gate/index.ts";
import { Tabs, Tooltip } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";

/**
 * The Conta corrente tab of a user who has none: shown, announced as unavailable (aria-disabled),
 * dimmed, with the reason as its accessible description and as a tooltip that opens on hover, on
 * keyboard focus and on a touch (a native title shows only under a mouse: touch and keyboard users
 * never saw it). It stays focusable and selectable on purpose, so a keyboard or screen-reader user
 * reaches it too, and its panel says the reason in full. The person screen is a lazy chunk: the
 * tooltip costs the first load nothing.
 */
export function DisabledCurrentAccountTab({ label }: { label: string }) {
  const { t } = useTranslation();
  const reasonId = useId();
  const reason = t("currentAccountGate.reason");
  return (
    <>
      <Tooltip label={reason} multiline w={280} withArrow events={{ hover: true, focus: true, touch: true }}>
        <Tabs.Tab value="currentAccount" aria-disabled="true" mod={{ disabled: true }} aria-describedby={reasonId}>
          {label}
        </Tabs.Tab>
      </Tooltip>
      <span id={reasonId} hidden>
        {reason}
      </span>
    </>
  );
}
