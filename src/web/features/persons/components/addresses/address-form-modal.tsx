import "../../i18n/index.ts";
import { Alert, Button, Group, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Address, addressInput, updateAddressBody } from "../../../../../shared/persons.schemas.ts";
import { isApiError } from "../../../../app/api.ts";
import { useErrorMessage } from "../../../../app/error-message.ts";
import { notifyError, notifySuccess } from "../../../../app/notify.ts";
import { personKey } from "../../../../app/person-keys.ts";
import { ModalShell } from "../../../../app/ui/modal-shell.tsx";
import { applyServerErrors, zodResolver } from "../../../../app/zod-form.ts";
import { useCreateAddress, useUpdateAddress } from "../../api/addresses-api.ts";
import { AddressFields } from "./address-fields.tsx";
import { ADDRESS_FIELDS, type AddressValues, addressBodyOf, addressValuesOf, emptyAddress } from "./address-values.ts";

type Props = { code: number; categoryId: number; address: Address | null; opened: boolean; onClose: () => void };

/** "Novo endereço" (address null) or "Editar endereço". */
export function AddressFormModal({ opened, onClose, address, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <ModalShell
      opened={opened}
      onClose={onClose}
      size="xl"
      title={address ? t("person.addresses.editTitle") : t("person.addresses.new")}
    >
      {/* Mounted only while open, so every opening starts from the stored values. */}
      <AddressForm address={address} onDone={onClose} {...rest} />
    </ModalShell>
  );
}

function AddressForm({
  code,
  categoryId,
  address,
  onDone,
}: Omit<Props, "opened" | "onClose"> & { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const create = useCreateAddress(code, categoryId);
  const update = useUpdateAddress(code, categoryId);
  const [alert, setAlert] = useState<string | null>(null);
  const form = useForm<AddressValues>({
    initialValues: address ? addressValuesOf(address) : emptyAddress(),
    validate: (values) =>
      address
        ? zodResolver(updateAddressBody)({ ...addressBodyOf(values), version: address.version })
        : zodResolver(addressInput)(addressBodyOf(values)),
  });

  const onError = (error: unknown) => {
    if (isApiError(error) && error.status === 412) {
      // Someone changed it first: show the stored version instead of overwriting it.
      notifyError(t("person.addresses.staleTitle"), t("person.staleReloaded"));
      void queryClient.invalidateQueries({ queryKey: [...personKey(code), "addresses"] });
      onDone();
      return;
    }
    const onFields = isApiError(error) && applyServerErrors(error, ADDRESS_FIELDS, form.setFieldError);
    if (!onFields) setAlert(errorMessage(error));
  };

  const submit = form.onSubmit((values) => {
    setAlert(null);
    const body = addressBodyOf(values);
    const onSuccess = () => {
      notifySuccess(address ? t("person.addresses.updated") : t("person.addresses.created"));
      onDone();
    };
    if (address) {
      update.mutate(
        { id: address.id, body: updateAddressBody.parse({ ...body, version: address.version }) },
        { onSuccess, onError },
      );
    } else {
      create.mutate(addressInput.parse(body), { onSuccess, onError });
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {alert && <Alert color="red">{alert}</Alert>}
        <AddressFields
          autoFocus
          inputProps={(field, options) => form.getInputProps(field, options)}
          setZip={(value) => form.setFieldValue("zip", value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t("person.addresses.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
