import "../../i18n/index.ts";
import { MultiSelect } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { profilesQuery } from "../../api/profiles-api.ts";

type Props = { value: string[]; onChange: (ids: string[]) => void; error?: ReactNode };

/** "Perfis de acesso": the user's grants are the sum of these profiles' grants. Ids as text (Mantine's values). */
export function ProfilesSelect({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const profiles = useQuery(profilesQuery);
  const data = (profiles.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.name }));
  return (
    <MultiSelect
      label={t("admin2.users.profiles")}
      description={t("admin2.users.profilesHint")}
      placeholder={value.length === 0 ? t("admin2.users.profilesPlaceholder") : undefined}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      clearButtonProps={{ "aria-label": t("admin2.users.clearProfiles") }}
      nothingFoundMessage={profiles.isPending ? t("common.loading") : t("admin2.users.noProfiles")}
      error={error ?? (profiles.isError ? t("admin2.users.profilesFailed") : undefined)}
    />
  );
}
