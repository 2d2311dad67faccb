import "../../i18n/index.ts";
import { Alert, Button, Group, Select, Stack, TextInput } from "@mantine/core";
import { type FormErrors, useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { createApiTokenBody } from "../../../../../shared/auth.schemas.ts";
import { isApiError } from "../../../../app/api.ts";
import { useErrorMessage } from "../../../../app/error-message.ts";
import { ModalShell } from "../../../../app/ui/modal-shell.tsx";
import { applyServerErrors, zodResolver } from "../../../../app/zod-form.ts";
import { type CreatedToken, useCreateToken } from "../../api/tokens-api.ts";
import { usersQuery } from "../../api/users-api.ts";

type Props = { opened: boolean; onClose: () => void; onCreated: (token: CreatedToken) => void };

export function NewTokenModal({ opened, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  return (
    <ModalShell opened={opened} onClose={onClose} title={t("tokens.new")}>
      <NewTokenForm onCancel={onClose} onCreated={onCreated} />
    </ModalShell>
  );
}

/** The Select holds the user id as text; the schema wants a number. */
type Values = { userId: string | null; name: string };
const toBody = (values: Values) => ({ userId: values.userId ? Number(values.userId) : undefined, name: values.name });
const validateBody = zodResolver(createApiTokenBody);

function NewTokenForm({ onCancel, onCreated }: Omit<Props, "opened" | "onClose"> & { onCancel: () => void }) {
  const { t } = useTranslation();
  const users = useQuery(usersQuery);
  const create = useCreateToken();
  const errorMessage = useErrorMessage();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { userId: null, name: "" },
    validate: (values): FormErrors => {
      const errors = validateBody(toBody(values));
      return values.userId ? errors : { ...errors, userId: t("tokens.userRequired") };
    },
  });
  const userOptions = (users.data?.items ?? [])
    .filter((u) => u.isActive)
    .map((u) => ({ value: String(u.id), label: `${u.name} (${u.username})` }));

  const submit = form.onSubmit((values) => {
    setAlert(null);
    create.mutate(createApiTokenBody.parse(toBody(values)), {
      onSuccess: onCreated,
      onError: (error) => {
        const onFields = isApiError(error) && applyServerErrors(error, ["userId", "name"], form.setFieldError);
        if (!onFields) setAlert(errorMessage(error));
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {alert && <Alert color="red">{alert}</Alert>}
        {users.isError && <Alert color="red">{errorMessage(users.error)}</Alert>}
        <Select
          label={t("tokens.user")}
          description={t("tokens.userHint")}
          data={userOptions}
          searchable
          disabled={users.isPending}
          nothingFoundMessage={t("tokens.noUsers")}
          data-autofocus
          {...form.getInputProps("userId")}
        />
        <TextInput
          label={t("common.name")}
          description={t("tokens.nameHint")}
          autoComplete="off"
          {...form.getInputProps("name")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t("tokens.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
