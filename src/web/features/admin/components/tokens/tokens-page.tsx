import "../../i18n/index.ts";
import { Button, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiToken } from "../../../../../shared/auth.schemas.ts";
import { PageHeader } from "../../../../app/ui/page-header.tsx";
import { PageLoader } from "../../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../../app/ui/query-error.tsx";
import { type CreatedToken, tokensQuery } from "../../api/tokens-api.ts";
import { NewTokenModal } from "./new-token-modal.tsx";
import { RevokeTokenModal } from "./revoke-token-modal.tsx";
import { TokenSecretModal } from "./token-secret-modal.tsx";
import { TokensTable } from "./tokens-table.tsx";

export function TokensPage() {
  const { t } = useTranslation();
  const tokens = useQuery(tokensQuery);
  const [creating, { open, close }] = useDisclosure(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <>
      <PageHeader title={t("tokens.title")} action={<Button onClick={open}>{t("tokens.new")}</Button>} />
      <Text c="dimmed" size="sm" mb="md">
        {t("tokens.intro")}
      </Text>
      {tokens.isPending && <PageLoader />}
      {tokens.isError && <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.data && tokens.data.items.length === 0 && <Text c="dimmed">{t("tokens.empty")}</Text>}
      {tokens.data && tokens.data.items.length > 0 && <TokensTable tokens={tokens.data.items} onRevoke={setRevoking} />}
      <NewTokenModal
        opened={creating}
        onClose={close}
        onCreated={(token) => {
          close();
          setCreated(token);
        }}
      />
      <TokenSecretModal token={created} onClose={() => setCreated(null)} />
      <RevokeTokenModal token={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}
