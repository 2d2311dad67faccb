import "../../i18n/index.ts";
import { Anchor, Badge, Button, Group, Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDocument } from "../../../../../shared/brazil.ts";
import type { RelatedPerson } from "../../../../../shared/persons.schemas.ts";
import { formatPersonCode, personPath } from "../../../../app/paths.ts";

export function RelatedTable({
  items,
  canWrite,
  onUndo,
}: {
  items: RelatedPerson[];
  canWrite: boolean;
  onUndo: (link: RelatedPerson) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-label={t("person.tabs.related")} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("person.related.relationship")}</Table.Th>
            <Table.Th>{t("person.code")}</Table.Th>
            <Table.Th>{t("common.name")}</Table.Th>
            <Table.Th>{t("person.form.shortName")}</Table.Th>
            <Table.Th>{t("person.form.document")}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((link) => {
            const { person } = link;
            const to = personPath(person.code);
            return (
              <Table.Tr key={link.id}>
                <Table.Td>
                  <Badge variant="light" color="indigo">
                    {link.label}
                  </Badge>
                </Table.Td>
                <Table.Td ff="monospace">{formatPersonCode(person.code)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={to} fw={500}>
                    {person.name}
                  </Anchor>
                  {!person.isActive && (
                    <Text span size="xs" c="dimmed" ml={6}>
                      ({t("person.inactive")})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{person.shortName ?? ""}</Table.Td>
                <Table.Td ff="monospace" style={{ whiteSpace: "nowrap" }}>
                  {person.document ? formatDocument(person.document) : ""}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap" justify="flex-end">
                    <Button
                      component={Link}
                      to={to}
                      size="xs"
                      variant="light"
                      aria-label={t("person.related.openOf", { name: person.name })}
                    >
                      {t("person.related.open")}
                    </Button>
                    {canWrite && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => onUndo(link)}
                        aria-label={t("person.related.unlinkOf", { name: person.name })}
                      >
                        {t("person.related.unlink")}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
