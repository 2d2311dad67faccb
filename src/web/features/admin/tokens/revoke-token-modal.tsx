import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApiToken } from "../../../../shared/auth.schemas.ts";
import { useErrorMessage } from "../../../app/error-message.ts";
import { notifySuccess } from "../../../app/notify.ts";
import { useRevokeToken } from "./tokens-api.ts";

export function RevokeTokenModal({ token, onClose }: { token: ApiToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeToken();
  const errorMessage = useErrorMessage();
  const close = () => {
    revoke.reset();
    onClose();
  };
  const confirm = (target: ApiToken) =>
    revoke.mutate(target.id, {
      onSuccess: () => {
        notifySuccess(t("tokens.revoked", { name: target.name }));
        close();
      },
    });

  return (
    <Modal
      opened={token !== null}
      onClose={close}
      title={t("tokens.revokeTitle")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {token && (
        <Stack>
          <Text size="sm">{t("tokens.revokeConfirm", { name: token.name })}</Text>
          {revoke.isError && <Alert color="red">{errorMessage(revoke.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {t("common.cancel")}
            </Button>
            <Button color="red" loading={revoke.isPending} onClick={() => confirm(token)}>
              {t("tokens.revoke")}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
