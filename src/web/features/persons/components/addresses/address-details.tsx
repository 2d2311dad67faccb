import "../../i18n/index.ts";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { formatCep, isUf, UF_NAMES } from "../../../../../shared/brazil.ts";
import type { Address } from "../../../../../shared/persons.schemas.ts";
import { formatDateTime } from "../../../../app/format.ts";
import { DetailsDrawer } from "../../../../app/ui/details-drawer.tsx";
import { type DetailRow, DetailsTable } from "../../../../app/ui/details-table.tsx";

/** "Mais detalhes": every field of one address, including the IBGE code and the dates. */
export function AddressDetails({
  address,
  opened,
  onClose,
}: {
  address: Address | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <DetailsDrawer item={address} opened={opened} onClose={onClose} title={t("person.addresses.detailsTitle")}>
      {(shown) => <DetailsTable labelWidth={150} rows={rowsOf(t, shown)} />}
    </DetailsDrawer>
  );
}

function rowsOf(t: TFunction, address: Address): DetailRow[] {
  return [
    [t("person.addresses.type"), t(`person.addresses.types.${address.type}`)],
    [t("person.addresses.isMain"), address.isMain ? t("common.yes") : t("common.no")],
    [t("person.addresses.zip"), formatCep(address.zip)],
    [t("person.addresses.street"), address.street],
    [t("person.addresses.number"), address.number],
    [t("person.addresses.complement"), address.complement ?? ""],
    [t("person.addresses.district"), address.district],
    [t("person.addresses.city"), address.city],
    [t("person.addresses.ibgeCode"), address.ibgeCode ?? ""],
    [
      t("person.addresses.state"),
      isUf(address.state) ? `${address.state} — ${UF_NAMES[address.state]}` : address.state,
    ],
    [t("person.addresses.country"), address.country],
    [t("person.addresses.reference"), address.reference ?? ""],
    [t("person.addresses.createdAt"), formatDateTime(address.createdAt)],
    [t("person.addresses.updatedAt"), formatDateTime(address.updatedAt)],
  ];
}
