import "../../i18n/index.ts";
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { BillingStatus } from "../../../../../shared/contracts.schemas.ts";

const STATUS_COLORS: Record<BillingStatus, string> = {
  charged: "green",
  donated: "grape",
  suspended: "orange",
  paralyzed: "red",
  pending: "yellow",
};

export function BillingStatusBadge({ status }: { status: BillingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]}>
      {t(`finance.contracts.status.${status}`)}
    </Badge>
  );
}
