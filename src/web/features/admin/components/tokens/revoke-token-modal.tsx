import "../../i18n/index.ts";
import { useTranslation } from "react-i18next";
import type { ApiToken } from "../../../../../shared/auth.schemas.ts";
import { useErrorMessage } from "../../../../app/error-message.ts";
import { notifySuccess } from "../../../../app/notify.ts";
import { ConfirmModal } from "../../../../app/ui/confirm-modal.tsx";
import { useRevokeToken } from "../../api/tokens-api.ts";

/** "Revogar": the integrations that use the token stop at once, so it asks first. */
export function RevokeTokenModal({ token, onClose }: { token: ApiToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeToken();
  const errorMessage = useErrorMessage();
  const close = () => {
    revoke.reset();
    onClose();
  };

  return (
    <ConfirmModal
      opened={token !== null}
      title={t("tokens.revokeTitle")}
      message={token ? t("tokens.revokeConfirm", { name: token.name }) : ""}
      confirmLabel={t("tokens.revoke")}
      loading={revoke.isPending}
      error={revoke.isError ? errorMessage(revoke.error) : null}
      onClose={close}
      onConfirm={() => {
        if (!token) return;
        revoke.mutate(token.id, {
          onSuccess: () => {
            notifySuccess(t("tokens.revoked", { name: token.name }));
            close();
          },
        });
      }}
    />
  );
}
