import "../../i18n/index.ts";
import { Button, Group, SimpleGrid, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Address } from "../../../../../shared/persons.schemas.ts";
import { useErrorMessage } from "../../../../app/error-message.ts";
import { notifyError, notifySuccess } from "../../../../app/notify.ts";
import { ConfirmModal } from "../../../../app/ui/confirm-modal.tsx";
import { PageLoader } from "../../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../../app/ui/query-error.tsx";
import { useDialog } from "../../../../app/ui/use-dialog.ts";
import { addressesQuery, useDeleteAddress } from "../../api/addresses-api.ts";
import { AddressCard, addressTitle } from "./address-card.tsx";
import { AddressDetails } from "./address-details.tsx";
import { AddressFormModal } from "./address-form-modal.tsx";

/** The address being edited; null in the dialog means a new one. */
type Editing = { address: Address | null };

/** Endereços: the list, "Mais detalhes", and (with write) add, edit and remove. */
export function AddressesTab({ code, categoryId, canWrite }: { code: number; categoryId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const addresses = useQuery(addressesQuery(code, categoryId));
  const remove = useDeleteAddress(code, categoryId);
  const details = useDialog<Address>();
  const editing = useDialog<Editing>();
  const removing = useDialog<Address>();

  const confirmRemove = () => {
    if (!removing.value) return;
    remove.mutate(removing.value.id, {
      onSuccess: () => notifySuccess(t("person.addresses.removed")),
      onError: (error) => notifyError(t("person.addresses.removeFailed"), errorMessage(error)),
      onSettled: removing.close,
    });
  };

  return (
    <section aria-labelledby="addresses-title">
      <Group justify="space-between" mb="sm">
        <Title id="addresses-title" order={2} size="h4">
          {t("person.tabs.addresses")}
        </Title>
        {canWrite && <Button onClick={() => editing.open({ address: null })}>{t("person.addresses.new")}</Button>}
      </Group>
      {addresses.isPending && <PageLoader />}
      {addresses.isError && <QueryError error={addresses.error} onRetry={() => void addresses.refetch()} />}
      {addresses.data?.items.length === 0 && <Text c="dimmed">{t("person.addresses.empty")}</Text>}
      {addresses.data && addresses.data.items.length > 0 && (
        <SimpleGrid
          component="ul"
          cols={{ base: 1, md: 2, xl: 3 }}
          spacing="sm"
          p={0}
          m={0}
          style={{ listStyle: "none" }}
          aria-label={t("person.tabs.addresses")}
        >
          {addresses.data.items.map((address) => (
            <AddressCard
              key={address.id}
              address={address}
              canWrite={canWrite}
              onDetails={() => details.open(address)}
              onEdit={() => editing.open({ address })}
              onRemove={() => removing.open(address)}
            />
          ))}
        </SimpleGrid>
      )}
      <AddressDetails address={details.value} opened={details.opened} onClose={details.close} />
      <AddressFormModal
        code={code}
        categoryId={categoryId}
        address={editing.value?.address ?? null}
        opened={editing.opened}
        onClose={editing.close}
      />
      <ConfirmModal
        opened={removing.opened}
        title={t("person.addresses.removeTitle")}
        message={removing.value ? t("person.addresses.removeConfirm", { title: addressTitle(removing.value) }) : ""}
        confirmLabel={t("person.addresses.remove")}
        loading={remove.isPending}
        onConfirm={confirmRemove}
        onClose={removing.close}
      />
    </section>
  );
}
