import "../../i18n/index.ts";
import { Button, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { UserRow } from "../../../../../shared/users.schemas.ts";
import { PageHeader } from "../../../../app/ui/page-header.tsx";
import { PageLoader } from "../../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../../app/ui/query-error.tsx";
import { usersQuery } from "../../api/users-api.ts";
import { EditUserModal } from "./edit-user-modal.tsx";
import { NewUserModal } from "./new-user-modal.tsx";
import { ResetPasswordModal } from "./reset-password-modal.tsx";
import { ToggleActiveModal } from "./toggle-active-modal.tsx";
import { type UserAction, UsersTable } from "./users-table.tsx";

export function UsersPage() {
  const { t } = useTranslation();
  const users = useQuery(usersQuery);
  const [creating, { open, close }] = useDisclosure(false);
  const [target, setTarget] = useState<{ action: UserAction; user: UserRow } | null>(null);
  const userFor = (action: UserAction) => (target?.action === action ? target.user : null);
  const closeTarget = () => setTarget(null);

  return (
    <>
      <PageHeader title={t("users.title")} action={<Button onClick={open}>{t("users.new")}</Button>} />
      {users.isPending && <PageLoader />}
      {users.isError && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && users.data.items.length === 0 && <Text c="dimmed">{t("users.empty")}</Text>}
      {users.data && users.data.items.length > 0 && (
        <UsersTable users={users.data.items} onAction={(action, user) => setTarget({ action, user })} />
      )}
      <NewUserModal opened={creating} onClose={close} />
      <EditUserModal user={userFor("edit")} onClose={closeTarget} />
      <ResetPasswordModal user={userFor("password")} onClose={closeTarget} />
      <ToggleActiveModal user={userFor("toggleActive")} onClose={closeTarget} />
    </>
  );
}
