import "../../i18n/index.ts";
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMediaQuery } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AccessProfile, createAccessProfileBody } from "../../../../../shared/access.schemas.ts";
import { useErrorMessage } from "../../../../app/error-message.ts";
import { notifySuccess } from "../../../../app/notify.ts";
import { useSaveErrorHandler } from "../../../../app/save-errors.ts";
import { PageLoader } from "../../../../app/ui/page-loader.tsx";
import { categoriesQuery } from "../../../../app/ui/settings/settings-api.ts";
import { zodResolver } from "../../../../app/zod-form.ts";
import { useSaveProfile } from "../../api/profiles-api.ts";
import { type GrantMap, toGrantMap, toGrants } from "./grant-map.ts";
import { GrantMatrix } from "./grant-matrix.tsx";

/** What the modal edits: a new profile (null) or an existing one; undefined keeps it closed. */
type Props = { profile: AccessProfile | null | undefined; onClose: () => void };

export function ProfileModal({ profile, onClose }: Props) {
  const { t } = useTranslation();
  const narrow = useMediaQuery("(max-width: 62em)");
  return (
    <Modal
      opened={profile !== undefined}
      onClose={onClose}
      title={profile ? t("admin2.profiles.edit") : t("admin2.profiles.new")}
      size={1180}
      fullScreen={narrow}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {profile !== undefined && <ProfileForm profile={profile} onDone={onClose} />}
    </Modal>
  );
}

const validate = zodResolver(createAccessProfileBody);

function ProfileForm({ profile, onDone }: { profile: AccessProfile | null; onDone: () => void }) {
  const { t } = useTranslation();
  const categories = useQuery(categoriesQuery);
  const save = useSaveProfile();
  const handleError = useSaveErrorHandler();
  const errorMessage = useErrorMessage();
  const [alert, setAlert] = useState<string | null>(null);
  const [grants, setGrants] = useState<GrantMap>(() => toGrantMap(profile?.grants ?? []));
  const form = useForm<{ name: string }>({
    initialValues: { name: profile?.name ?? "" },
    validate: (values) => validate({ name: values.name, grants: toGrants(grants) }),
  });
  // Inactive categories stay in the matrix while the profile still grants something on them.
  const granted = new Set(toGrants(grants).map((g) => g.categoryId));
  const rows = (categories.data?.items ?? []).filter((c) => c.isActive || granted.has(c.id));
  const count = Object.keys(grants).length;

  const submit = form.onSubmit(({ name }) => {
    setAlert(null);
    const body = { name: name.trim(), grants: toGrants(grants) };
    save.mutate(
      { id: profile?.id ?? null, body: profile ? { ...body, version: profile.version } : body },
      {
        onSuccess: (saved) => {
          notifySuccess(t(profile ? "admin2.profiles.saved" : "admin2.profiles.created", { name: saved.name }));
          onDone();
        },
        onError: (error) =>
          handleError(error, { fields: ["name"], setFieldError: form.setFieldError, setAlert, onStale: onDone }),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {alert && <Alert color="red">{alert}</Alert>}
        <TextInput
          label={t("common.name")}
          autoComplete="off"
          maw={420}
          data-autofocus
          {...form.getInputProps("name")}
        />
        <div>
          <Text size="sm" fw={500}>
            {t("admin2.profiles.matrix")}
          </Text>
          <Text size="xs" c="dimmed" mb="xs">
            {t("admin2.profiles.matrixHint")}
          </Text>
          {categories.isPending && <PageLoader />}
          {categories.isError && <Alert color="red">{errorMessage(categories.error)}</Alert>}
          {categories.data && rows.length === 0 && <Text c="dimmed">{t("admin2.profiles.noCategories")}</Text>}
          {rows.length > 0 && <GrantMatrix categories={rows} value={grants} onChange={setGrants} />}
        </div>
        <Group justify="space-between">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t("admin2.profiles.grantCount", { count })}
          </Text>
          <Group>
            <Button variant="default" onClick={onDone}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {profile ? t("common.save") : t("admin2.profiles.create")}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
