import "../i18n/index.ts";
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MailStatus } from "../../../../shared/mail.schemas.ts";

const COLOR: Record<MailStatus, string> = { queued: "yellow", sent: "green", failed: "red" };

export function MailStatusBadge({ status }: { status: MailStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light">
      {t(`mail.status.${status}`)}
    </Badge>
  );
}
