import "../../i18n/index.ts";
import { Button, Group, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AccessProfile } from "../../../../../shared/access.schemas.ts";
import { PageHeader } from "../../../../app/ui/page-header.tsx";
import { PageLoader } from "../../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../../app/ui/query-error.tsx";
import { profilesQuery } from "../../api/profiles-api.ts";
import { DeleteProfileModal } from "./delete-profile-modal.tsx";
import { ProfileModal } from "./profile-modal.tsx";

export function ProfilesPage() {
  const { t } = useTranslation();
  const profiles = useQuery(profilesQuery);
  // undefined: closed; null: a new profile.
  const [editing, setEditing] = useState<AccessProfile | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<AccessProfile | null>(null);
  const items = profiles.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t("admin2.profiles.title")}
        action={<Button onClick={() => setEditing(null)}>{t("admin2.profiles.new")}</Button>}
      />
      <Text c="dimmed" size="sm" mb="md">
        {t("admin2.profiles.intro")}
      </Text>
      {profiles.isPending && <PageLoader />}
      {profiles.isError && <QueryError error={profiles.error} onRetry={() => void profiles.refetch()} />}
      {profiles.data && items.length === 0 && <Text c="dimmed">{t("admin2.profiles.empty")}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover aria-label={t("admin2.profiles.title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("common.name")}</Table.Th>
                <Table.Th ta="right">{t("admin2.profiles.users")}</Table.Th>
                <Table.Th ta="right">{t("admin2.profiles.grants")}</Table.Th>
                <Table.Th w={1}>{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((profile) => (
                <Table.Tr key={profile.id}>
                  <Table.Td>{profile.name}</Table.Td>
                  <Table.Td ta="right">{profile.userCount}</Table.Td>
                  <Table.Td ta="right">{profile.grants.length}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={t("admin2.profiles.editItem", { name: profile.name })}
                        onClick={() => setEditing(profile)}
                      >
                        {t("common.edit")}
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        aria-label={t("admin2.profiles.deleteItem", { name: profile.name })}
                        onClick={() => setDeleting(profile)}
                      >
                        {t("common.delete")}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ProfileModal profile={editing} onClose={() => setEditing(undefined)} />
      <DeleteProfileModal profile={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
