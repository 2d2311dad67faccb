import "../../i18n/index.ts";
import { useTranslation } from "react-i18next";
import type { AccessProfile } from "../../../../../shared/access.schemas.ts";
import { useErrorMessage } from "../../../../app/error-message.ts";
import { notifySuccess } from "../../../../app/notify.ts";
import { ConfirmModal } from "../../../../app/ui/confirm-modal.tsx";
import { useDeleteProfile } from "../../api/profiles-api.ts";

/** Deleting says how many users lose the profile's access. */
export function DeleteProfileModal({ profile, onClose }: { profile: AccessProfile | null; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteProfile();
  const errorMessage = useErrorMessage();
  const close = () => {
    remove.reset();
    onClose();
  };
  const message = profile
    ? profile.userCount === 0
      ? t("admin2.profiles.deleteConfirmUnused", { name: profile.name })
      : t("admin2.profiles.deleteConfirm", { name: profile.name, count: profile.userCount })
    : "";

  return (
    <ConfirmModal
      opened={profile !== null}
      title={t("admin2.profiles.deleteTitle")}
      message={message}
      confirmLabel={t("common.delete")}
      loading={remove.isPending}
      error={remove.isError ? errorMessage(remove.error) : null}
      onClose={close}
      onConfirm={() => {
        if (!profile) return;
        remove.mutate(profile.id, {
          onSuccess: () => {
            notifySuccess(t("admin2.profiles.deleted", { name: profile.name }));
            close();
          },
        });
      }}
    />
  );
}
