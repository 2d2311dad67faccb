import { Drawer, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatCep, isUf, UF_NAMES } from "../../../../../shared/brazil.ts";
import type { Address } from "../../../../../shared/persons.schemas.ts";
import { formatDateTime } from "../../../../app/format.ts";

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
  const rows: [string, string][] = address
    ? [
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
      ]
    : [];
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="md"
      title={t("person.addresses.detailsTitle")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={150}>{label}</Table.Th>
              <Table.Td style={{ overflowWrap: "anywhere" }}>{value || "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Drawer>
  );
}
