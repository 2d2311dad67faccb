import "../../i18n/index.ts";
import { Alert, Button, Group, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Person, updatePersonBody } from "../../../../../shared/persons.schemas.ts";
import { isApiError } from "../../../../app/api.ts";
import { useErrorMessage } from "../../../../app/error-message.ts";
import { notifyError, notifySuccess } from "../../../../app/notify.ts";
import { personKey } from "../../../../app/person-keys.ts";
import { ModalShell } from "../../../../app/ui/modal-shell.tsx";
import { zodResolver } from "../../../../app/zod-form.ts";
import { useUpdatePerson } from "../../api/persons-api.ts";
import { applyPersonServerErrors } from "./person-form-errors.ts";
import { PersonFormFields } from "./person-form-fields.tsx";
import { type PersonValues, personValuesOf, updateBodyOf } from "./person-values.ts";

/** "Editar": the header's data, sent with `version` so a concurrent change is not overwritten. */
export function EditPersonModal({ person, opened, onClose }: { person: Person; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ModalShell opened={opened} onClose={onClose} size="xl" title={t("person.form.editTitle")}>
      <EditPersonForm person={person} onDone={onClose} />
    </ModalShell>
  );
}

function EditPersonForm({ person, onDone }: { person: Person; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const update = useUpdatePerson(person.code);
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<PersonValues>({
    initialValues: personValuesOf(person),
    validate: (values) => zodResolver(updatePersonBody)(updateBodyOf(values, person.version)),
  });

  const submit = form.onSubmit((values) => {
    setAlert(null);
    update.mutate(updatePersonBody.parse(updateBodyOf(values, person.version)), {
      onSuccess: () => {
        notifySuccess(t("person.form.updated"));
        onDone();
      },
      onError: (error) => {
        if (isApiError(error) && error.status === 412) {
          notifyError(t("person.form.staleTitle"), t("person.staleReloaded"));
          void queryClient.invalidateQueries({ queryKey: personKey(person.code) });
          onDone();
          return;
        }
        if (!applyPersonServerErrors(error, form)) setAlert(errorMessage(error));
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {alert && <Alert color="red">{alert}</Alert>}
        <PersonFormFields form={form} mode="edit" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t("person.form.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
