import "../../i18n/index.ts";
import { Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatCep } from "../../../../../shared/brazil.ts";
import type { Address } from "../../../../../shared/persons.schemas.ts";

export const addressTitle = (a: Address) => `${a.street}, ${a.number}`;

const TYPE_COLORS = { main: "indigo", delivery: "teal", billing: "orange", other: "gray" } as const;

/** One address: type, street, number, complement, district, city/UF, CEP; its actions. */
export function AddressCard({
  address,
  canWrite,
  onDetails,
  onEdit,
  onRemove,
}: {
  address: Address;
  canWrite: boolean;
  onDetails: () => void;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const title = addressTitle(address);
  return (
    <Card withBorder padding="md" component="li" aria-label={title} h="100%">
      <Stack gap={6} h="100%">
        <Group gap={6}>
          <Badge color={TYPE_COLORS[address.type]} variant="light">
            {t(`person.addresses.types.${address.type}`)}
          </Badge>
          {address.isMain && (
            <Badge color="indigo" variant="outline">
              {t("person.addresses.default")}
            </Badge>
          )}
        </Group>
        <div>
          <Text fw={500}>
            {title}
            {address.complement ? ` — ${address.complement}` : ""}
          </Text>
          <Text size="sm" c="dimmed">
            {address.district}
          </Text>
          <Text size="sm" c="dimmed">
            {address.city}/{address.state} · {t("person.addresses.zip")} {formatCep(address.zip)}
          </Text>
        </div>
        <Group gap="xs" mt="auto" pt={4}>
          <Button size="xs" variant="light" onClick={onDetails} aria-label={t("person.addresses.detailsOf", { title })}>
            {t("person.addresses.details")}
          </Button>
          {canWrite && (
            <>
              <Button size="xs" variant="default" onClick={onEdit} aria-label={t("person.addresses.editOf", { title })}>
                {t("common.edit")}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={onRemove}
                aria-label={t("person.addresses.removeOf", { title })}
              >
                {t("person.addresses.remove")}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
