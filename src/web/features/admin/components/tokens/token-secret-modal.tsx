import "../../i18n/index.ts";
import { useTranslation } from "react-i18next";
import type { CreatedToken } from "../../api/tokens-api.ts";
import { SecretOnceModal } from "../secret-once-modal.tsx";

/** The new token's secret, shown this once: the server keeps only its hash. */
export function TokenSecretModal({ token, onClose }: { token: CreatedToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <SecretOnceModal
      secret={token?.token ?? null}
      title={t("tokens.secretTitle")}
      warning={t("tokens.secretWarning")}
      label={t("tokens.secretLabel")}
      doneLabel={t("tokens.done")}
      onClose={onClose}
    />
  );
}
