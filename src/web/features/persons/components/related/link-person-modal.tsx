import "../../i18n/index.ts";
import { Alert, Button, Group, Select, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { createRelatedBody, type PersonSummary } from "../../../../../shared/persons.schemas.ts";
import { isApiError } from "../../../../app/api.ts";
import { useErrorMessage, useServerText } from "../../../../app/error-message.ts";
import { notifySuccess } from "../../../../app/notify.ts";
import { relationshipTypesQuery } from "../../../../app/settings-lists.ts";
import { ModalShell } from "../../../../app/ui/modal-shell.tsx";
import { applyServerErrors } from "../../../../app/zod-form.ts";
import { useLinkPerson } from "../../api/related-api.ts";
import { PersonPicker } from "./person-picker.tsx";

type Values = { person: PersonSummary | null; typeId: string | null };

type Props = { code: number; categoryId: number; opened: boolean; onClose: () => void };

/** "Relacionar pessoa": another person (found by the quick search) and the kind of link. */
export function LinkPersonModal({ opened, onClose, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <ModalShell opened={opened} onClose={onClose} size="lg" title={t("person.related.link")}>
      <LinkPersonForm onDone={onClose} {...rest} />
    </ModalShell>
  );
}

function LinkPersonForm({ code, categoryId, onDone }: Omit<Props, "opened" | "onClose"> & { onDone: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const texts = useServerText();
  const types = useQuery(relationshipTypesQuery);
  const link = useLinkPerson(code, categoryId);
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { person: null, typeId: null },
    validate: {
      person: (p) => (p ? null : t("person.related.pickPerson")),
      typeId: (id) => (id ? null : t("person.related.pickType")),
    },
  });

  const submit = form.onSubmit((values) => {
    setAlert(null);
    const body = createRelatedBody.parse({ relatedCode: values.person?.code, typeId: Number(values.typeId) });
    link.mutate(body, {
      onSuccess: () => {
        notifySuccess(t("person.related.linked"));
        onDone();
      },
      onError: (error) => {
        // The server names relatedCode/typeId; the form calls them person/typeId.
        const onFields =
          isApiError(error) &&
          applyServerErrors(error, ["relatedCode", "typeId"], (field, message) =>
            form.setFieldError(field === "relatedCode" ? "person" : field, message),
          );
        // A 409 explains itself ("já estão relacionadas com este tipo"): show the server's words.
        if (!onFields) setAlert(isApiError(error) && error.status === 409 ? texts.server(error) : errorMessage(error));
      },
    });
  });

  const typeOptions = (types.data?.items ?? [])
    .filter((type) => type.isActive)
    .map((type) => ({ value: String(type.id), label: type.name }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {alert && <Alert color="red">{alert}</Alert>}
        <PersonPicker
          label={t("person.related.person")}
          value={form.values.person}
          onChange={(person) => form.setFieldValue("person", person)}
          excludeCode={code}
          error={form.errors.person as string | undefined}
        />
        <Select
          label={t("person.related.type")}
          description={t("person.related.typeHint")}
          data={typeOptions}
          placeholder={types.isPending ? t("common.loading") : undefined}
          allowDeselect={false}
          comboboxProps={{ withinPortal: false }}
          {...form.getInputProps("typeId")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={link.isPending}>
            {t("person.related.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
