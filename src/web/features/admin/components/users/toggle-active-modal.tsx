import "../../i18n/index.ts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { UserRow } from "../../../../../shared/users.schemas.ts";
import { isApiError } from "../../../../app/api.ts";
import { useErrorMessage } from "../../../../app/error-message.ts";
import { notifyError, notifySuccess } from "../../../../app/notify.ts";
import { ConfirmModal } from "../../../../app/ui/confirm-modal.tsx";
import { useUpdateUser } from "../../api/users-api.ts";

/** Deactivating (the user's sessions end) or activating again, after a confirmation. */
export function ToggleActiveModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const deactivating = user?.isActive ?? true;
  const username = user?.username ?? "";

  const confirm = () => {
    if (!user) return;
    setError(null);
    update.mutate(
      { id: user.id, body: { isActive: !user.isActive, version: user.version } },
      {
        onSuccess: () => {
          notifySuccess(t(deactivating ? "admin2.users.deactivated" : "admin2.users.activated", { username }));
          close();
        },
        onError: (failure) => {
          if (isApiError(failure) && failure.status === 412) {
            notifyError(t("common.staleTitle"), t("common.staleHint"));
            close();
          } else setError(errorMessage(failure));
        },
      },
    );
  };

  return (
    <ConfirmModal
      opened={user !== null}
      title={deactivating ? t("admin2.users.deactivateTitle") : t("admin2.users.activateTitle")}
      message={t(deactivating ? "admin2.users.deactivateConfirm" : "admin2.users.activateConfirm", { username })}
      confirmLabel={deactivating ? t("admin2.users.deactivate") : t("admin2.users.activate")}
      color={deactivating ? "red" : undefined}
      loading={update.isPending}
      error={error}
      onConfirm={confirm}
      onClose={close}
    />
  );
}
