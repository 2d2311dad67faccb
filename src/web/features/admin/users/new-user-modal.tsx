import { Alert, Button, Checkbox, Group, Modal, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { createUserBody } from "../../../../shared/users.schemas.ts";
import { isApiError } from "../../../app/api.ts";
import { useErrorMessage } from "../../../app/error-message.ts";
import { notifySuccess } from "../../../app/notify.ts";
import { applyServerErrors, zodResolver } from "../../../app/zod-form.ts";
import { useCreateUser } from "./users-api.ts";

/** What this form edits today; access profiles and the linked person are left to their defaults (none). */
type Values = { username: string; name: string; email: string; password: string; isAdmin: boolean };
const FIELDS = ["username", "name", "email", "password", "isAdmin"] as const;

export function NewUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("users.new")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {/* Mounted only while open, so every opening starts with an empty form. */}
      {opened && <NewUserForm onDone={onClose} />}
    </Modal>
  );
}

function NewUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const errorMessage = useErrorMessage();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { username: "", name: "", email: "", password: "", isAdmin: false },
    validate: zodResolver(createUserBody),
  });

  const submit = form.onSubmit((values) => {
    setAlert(null);
    create.mutate(createUserBody.parse(values), {
      onSuccess: (user) => {
        notifySuccess(t("users.created", { username: user.username }));
        onDone();
      },
      onError: (error) => {
        const onFields = isApiError(error) && applyServerErrors(error, FIELDS, form.setFieldError);
        if (!onFields) setAlert(errorMessage(error));
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {alert && <Alert color="red">{alert}</Alert>}
        <TextInput
          label={t("users.username")}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          data-autofocus
          {...form.getInputProps("username")}
        />
        <TextInput label={t("users.name")} autoComplete="off" {...form.getInputProps("name")} />
        <TextInput label={t("users.email")} type="email" autoComplete="off" {...form.getInputProps("email")} />
        <PasswordInput
          label={t("users.password")}
          description={t("users.passwordHint")}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ "aria-label": t("login.togglePassword") }}
          {...form.getInputProps("password")}
        />
        <Checkbox
          label={t("users.isAdmin")}
          description={t("users.isAdminHint")}
          {...form.getInputProps("isAdmin", { type: "checkbox" })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t("users.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
