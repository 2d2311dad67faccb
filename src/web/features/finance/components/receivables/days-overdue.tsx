import "../../i18n/index.ts";
import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Receivable } from "../../../../../shared/receivables.schemas.ts";

/** Days overdue, red while the receivable is open and past due (a settled one shows how late it was paid). */
export function DaysOverdue({ receivable }: { receivable: Pick<Receivable, "daysOverdue" | "overdue"> }) {
  const { t } = useTranslation();
  if (receivable.daysOverdue === 0) return <Text span>0</Text>;
  return (
    <Text span c={receivable.overdue ? "red.9" : undefined} fw={receivable.overdue ? 600 : undefined}>
      {t("finance.receivables.overdueDays", { count: receivable.daysOverdue })}
    </Text>
  );
}
