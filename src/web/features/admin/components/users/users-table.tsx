import "../../i18n/index.ts";
import { ActionIcon, Badge, Button, Group, Menu, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { UserRow } from "../../../../../shared/users.schemas.ts";
import { useMe } from "../../../../app/auth.ts";
import { formatDateTime } from "../../../../app/format.ts";
import { ChevronDown } from "../../../../app/layout/icons.tsx";
import { formatPersonCode } from "../../../../app/paths.ts";
import { ActiveBadge } from "../../../../app/ui/settings/active-badge.tsx";
import { profilesQuery } from "../../api/profiles-api.ts";

export type UserAction = "edit" | "password" | "toggleActive";

type Props = { users: UserRow[]; onAction: (action: UserAction, user: UserRow) => void };

export function UsersTable({ users, onAction }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const profiles = useQuery(profilesQuery);
  const profileName = new Map((profiles.data?.items ?? []).map((p) => [p.id, p.name]));

  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped highlightOnHover aria-label={t("users.title")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("users.username")}</Table.Th>
            <Table.Th>{t("common.name")}</Table.Th>
            <Table.Th>{t("users.email")}</Table.Th>
            <Table.Th>{t("users.isAdmin")}</Table.Th>
            <Table.Th>{t("common.status")}</Table.Th>
            <Table.Th>{t("admin2.users.profiles")}</Table.Th>
            <Table.Th>{t("admin2.users.person")}</Table.Th>
            <Table.Th>{t("users.createdAt")}</Table.Th>
            <Table.Th w={1}>{t("common.actions")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>{user.username}</Table.Td>
              <Table.Td>{user.name}</Table.Td>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>{user.isAdmin ? t("common.yes") : t("common.no")}</Table.Td>
              <Table.Td>
                <ActiveBadge
                  active={user.isActive}
                  label={user.isActive ? t("common.activeM") : t("common.inactiveM")}
                />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {user.accessProfileIds.map((id) => (
                    <Badge key={id} variant="outline" color="indigo" tt="none">
                      {profileName.get(id) ?? `#${id}`}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                {user.person && (
                  <Text size="sm">
                    <Text span ff="monospace" size="sm">
                      {formatPersonCode(user.person.code)}
                    </Text>{" "}
                    {user.person.name}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatDateTime(user.createdAt)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="xs"
                    variant="light"
                    aria-label={t("admin2.users.editUser", { username: user.username })}
                    onClick={() => onAction("edit", user)}
                  >
                    {t("common.edit")}
                  </Button>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t("admin2.users.moreActions", { username: user.username })}
                      >
                        <ChevronDown />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => onAction("password", user)}>
                        {t("admin2.users.resetPassword")}
                      </Menu.Item>
                      <Menu.Item
                        color={user.isActive ? "red" : undefined}
                        disabled={user.id === me.user.id}
                        onClick={() => onAction("toggleActive", user)}
                      >
                        {user.isActive ? t("admin2.users.deactivate") : t("admin2.users.activate")}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
