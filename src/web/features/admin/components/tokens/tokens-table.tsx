import "../../i18n/index.ts";
import { Badge, Button, Code, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApiToken } from "../../../../../shared/auth.schemas.ts";
import { formatDateTime } from "../../../../app/format.ts";

export function TokensTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke: (token: ApiToken) => void }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover aria-label={t("tokens.title")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("common.name")}</Table.Th>
            <Table.Th>{t("tokens.prefix")}</Table.Th>
            <Table.Th>{t("tokens.user")}</Table.Th>
            <Table.Th>{t("tokens.createdAt")}</Table.Th>
            <Table.Th>{t("tokens.lastUsedAt")}</Table.Th>
            <Table.Th>{t("common.status")}</Table.Th>
            <Table.Th>{t("common.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>{token.name}</Table.Td>
              <Table.Td>
                <Code>{token.prefix}…</Code>
              </Table.Td>
              <Table.Td>{token.username}</Table.Td>
              <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
              <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t("common.never")}</Table.Td>
              <Table.Td>
                {token.revokedAt ? (
                  <Badge variant="light" color="gray">
                    {t("tokens.revokedAt", { date: formatDateTime(token.revokedAt) })}
                  </Badge>
                ) : (
                  <Badge variant="light" color="green">
                    {t("common.activeM")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {!token.revokedAt && (
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    aria-label={t("tokens.revokeToken", { name: token.name })}
                    onClick={() => onRevoke(token)}
                  >
                    {t("tokens.revoke")}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
