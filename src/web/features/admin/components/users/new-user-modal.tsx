import "../../i18n/index.ts";
import { Alert, Button, Checkbox, Group, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { createUserBody } from "../../../../../shared/users.schemas.ts";
import { notifySuccess } from "../../../../app/notify.ts";
import { renameErrors, useSaveErrorHandler } from "../../../../app/save-errors.ts";
import { ModalShell } from "../../../../app/ui/modal-shell.tsx";
import { zodResolver } from "../../../../app/zod-form.ts";
import { useCreateUser } from "../../api/users-api.ts";
import { ProfilesSelect } from "./access-fields.tsx";
import { type LinkedPerson, PersonSelect } from "./person-select.tsx";

type Values = {
  username: string;
  name: string;
  email: string;
  password: string;
  isAdmin: boolean;
  /** Profile ids as text, as the MultiSelect holds them. */
  accessProfileIds: string[];
  person: LinkedPerson | null;
};
/** Field names as the server reports them. */
const FIELDS = ["username", "name", "email", "password", "isAdmin", "accessProfileIds", "personCode"] as const;

const toBody = ({ person, accessProfileIds, ...rest }: Values) => ({
  ...rest,
  accessProfileIds: accessProfileIds.map(Number),
  personCode: person?.code ?? null,
});
const validateBody = zodResolver(createUserBody);

export function NewUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ModalShell opened={opened} onClose={onClose} title={t("users.new")}>
      {/* Mounted only while open, so every opening starts with an empty form. */}
      <NewUserForm onDone={onClose} />
    </ModalShell>
  );
}

function NewUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const handleError = useSaveErrorHandler();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      username: "",
      name: "",
      email: "",
      password: "",
      isAdmin: false,
      accessProfileIds: [],
      person: null,
    },
    validate: (values) => renameErrors(validateBody(toBody(values)), { personCode: "person" }),
  });
  const setFieldError = (field: string, message: string) =>
    form.setFieldError(field === "personCode" ? "person" : field, message);

  const submit = form.onSubmit((values) => {
    setAlert(null);
    create.mutate(createUserBody.parse(toBody(values)), {
      onSuccess: (user) => {
        notifySuccess(t("users.created", { username: user.username }));
        onDone();
      },
      onError: (error) =>
        handleError(error, {
          fields: FIELDS,
          setFieldError,
          setAlert,
          onStale: onDone,
          takenMessage: t("admin2.users.usernameTaken"),
        }),
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
        <TextInput label={t("common.name")} autoComplete="off" {...form.getInputProps("name")} />
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
        <ProfilesSelect
          value={form.values.accessProfileIds}
          onChange={(ids) => form.setFieldValue("accessProfileIds", ids)}
          error={form.errors.accessProfileIds}
        />
        <PersonSelect
          value={form.values.person}
          onChange={(person) => form.setFieldValue("person", person)}
          error={form.errors.person}
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
