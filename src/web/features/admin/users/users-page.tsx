import { Badge, Button, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../app/format.ts";
import { PageHeader } from "../../../app/ui/page-header.tsx";
import { PageLoader } from "../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../app/ui/query-error.tsx";
import { NewUserModal } from "./new-user-modal.tsx";
import { usersQuery } from "./users-api.ts";

export function UsersPage() {
  const { t } = useTranslation();
  const users = useQuery(usersQuery);
  const [creating, { open, close }] = useDisclosure(false);

  return (
    <>
      <PageHeader title={t("users.title")} action={<Button onClick={open}>{t("users.new")}</Button>} />
      {users.isPending && <PageLoader />}
      {users.isError && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && users.data.items.length === 0 && <Text c="dimmed">{t("users.empty")}</Text>}
      {users.data && users.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label={t("users.title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("users.username")}</Table.Th>
                <Table.Th>{t("users.name")}</Table.Th>
                <Table.Th>{t("users.email")}</Table.Th>
                <Table.Th>{t("users.isAdmin")}</Table.Th>
                <Table.Th>{t("users.status")}</Table.Th>
                <Table.Th>{t("users.createdAt")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.items.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>{user.username}</Table.Td>
                  <Table.Td>{user.name}</Table.Td>
                  <Table.Td>{user.email}</Table.Td>
                  <Table.Td>{user.isAdmin ? t("common.yes") : t("common.no")}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={user.isActive ? "green" : "gray"}>
                      {user.isActive ? t("users.active") : t("users.inactive")}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDateTime(user.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <NewUserModal opened={creating} onClose={close} />
    </>
  );
}
