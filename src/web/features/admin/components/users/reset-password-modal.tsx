import "../../i18n/index.ts";
import { Alert, Button, Group, PasswordInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { resetPasswordBody, type UserRow } from "../../../../../shared/users.schemas.ts";
import { notifySuccess } from "../../../../app/notify.ts";
import { useSaveErrorHandler } from "../../../../app/save-errors.ts";
import { ModalShell } from "../../../../app/ui/modal-shell.tsx";
import { zodResolver } from "../../../../app/zod-form.ts";
import { useResetPassword } from "../../api/users-api.ts";

export function ResetPasswordModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ModalShell
      opened={user !== null}
      onClose={onClose}
      title={user ? t("admin2.users.resetTitle", { username: user.username }) : ""}
    >
      {user && <ResetPasswordForm user={user} onDone={onClose} />}
    </ModalShell>
  );
}

type Values = { password: string; confirm: string };
const validatePassword = zodResolver(resetPasswordBody);

function ResetPasswordForm({ user, onDone }: { user: UserRow; onDone: () => void }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const handleError = useSaveErrorHandler();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { password: "", confirm: "" },
    validate: (values) => ({
      ...validatePassword({ password: values.password }),
      ...(values.confirm !== values.password && { confirm: t("admin2.users.passwordsDiffer") }),
    }),
  });
  const toggle = { "aria-label": t("login.togglePassword") };

  const submit = form.onSubmit(({ password }) => {
    setAlert(null);
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          notifySuccess(t("admin2.users.passwordReset", { username: user.username }));
          onDone();
        },
        onError: (error) =>
          handleError(error, { fields: ["password"], setFieldError: form.setFieldError, setAlert, onStale: onDone }),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t("admin2.users.resetHint")}</Text>
        {alert && <Alert color="red">{alert}</Alert>}
        <PasswordInput
          label={t("admin2.users.newPassword")}
          description={t("users.passwordHint")}
          autoComplete="new-password"
          visibilityToggleButtonProps={toggle}
          data-autofocus
          {...form.getInputProps("password")}
        />
        <PasswordInput
          label={t("admin2.users.confirmPassword")}
          autoComplete="new-password"
          visibilityToggleButtonProps={toggle}
          {...form.getInputProps("confirm")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={reset.isPending}>
            {t("admin2.users.resetPassword")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
