import "../../i18n/index.ts";
import { Alert, Button, Checkbox, Group, Stack, Switch, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type UserRow, updateUserBody } from "../../../../../shared/users.schemas.ts";
import { useMe } from "../../../../app/auth.ts";
import { notifySuccess } from "../../../../app/notify.ts";
import { renameErrors, useSaveErrorHandler } from "../../../../app/save-errors.ts";
import { ModalShell } from "../../../../app/ui/modal-shell.tsx";
import { zodResolver } from "../../../../app/zod-form.ts";
import { useUpdateUser } from "../../api/users-api.ts";
import { ProfilesSelect } from "./access-fields.tsx";
import { type LinkedPerson, PersonSelect } from "./person-select.tsx";

type Values = {
  name: string;
  email: string;
  isAdmin: boolean;
  isActive: boolean;
  accessProfileIds: string[];
  person: LinkedPerson | null;
};
const FIELDS = ["name", "email", "isAdmin", "isActive", "accessProfileIds", "personCode"] as const;

/** The whole row is sent, with its version: a 412 means someone else saved first. */
const toBody = ({ person, accessProfileIds, ...rest }: Values, version: number) => ({
  ...rest,
  accessProfileIds: accessProfileIds.map(Number),
  personCode: person?.code ?? null,
  version,
});
const validateBody = zodResolver(updateUserBody);

export function EditUserModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ModalShell
      opened={user !== null}
      onClose={onClose}
      title={user ? t("admin2.users.editTitle", { username: user.username }) : ""}
    >
      {user && <EditUserForm user={user} onDone={onClose} />}
    </ModalShell>
  );
}

function EditUserForm({ user, onDone }: { user: UserRow; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const isSelf = me.user.id === user.id;
  const update = useUpdateUser();
  const handleError = useSaveErrorHandler();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      name: user.name,
      email: user.email,
      isAdmin: user.isAdmin,
      isActive: user.isActive,
      accessProfileIds: user.accessProfileIds.map(String),
      person: user.person,
    },
    validate: (values) => renameErrors(validateBody(toBody(values, user.version)), { personCode: "person" }),
  });
  const setFieldError = (field: string, message: string) =>
    form.setFieldError(field === "personCode" ? "person" : field, message);

  const submit = form.onSubmit((values) => {
    setAlert(null);
    update.mutate(
      { id: user.id, body: updateUserBody.parse(toBody(values, user.version)) },
      {
        onSuccess: (saved) => {
          notifySuccess(t("admin2.users.saved", { username: saved.username }));
          onDone();
        },
        onError: (error) => handleError(error, { fields: FIELDS, setFieldError, setAlert, onStale: onDone }),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {alert && <Alert color="red">{alert}</Alert>}
        <TextInput label={t("users.username")} value={user.username} readOnly variant="filled" />
        <TextInput label={t("common.name")} autoComplete="off" data-autofocus {...form.getInputProps("name")} />
        <TextInput label={t("users.email")} type="email" autoComplete="off" {...form.getInputProps("email")} />
        <Checkbox
          label={t("users.isAdmin")}
          description={isSelf ? t("admin2.users.selfHint") : t("users.isAdminHint")}
          disabled={isSelf}
          {...form.getInputProps("isAdmin", { type: "checkbox" })}
        />
        <Switch
          label={t("common.activeM")}
          description={t("admin2.users.activeHint")}
          disabled={isSelf}
          {...form.getInputProps("isActive", { type: "checkbox" })}
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
          <Button type="submit" loading={update.isPending}>
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
