import "../i18n/index.ts";
import { Alert, Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Attachment } from "../../../../shared/attachments.schemas.ts";
import type { Person } from "../../../../shared/persons.schemas.ts";
import { canEditPerson } from "../../../app/access.ts";
import { isApiError } from "../../../app/api.ts";
import { useMe } from "../../../app/auth.ts";
import { useErrorMessage, useServerText } from "../../../app/error-message.ts";
import { formatDateTime } from "../../../app/format.ts";
import { notifyError, notifySuccess } from "../../../app/notify.ts";
import { DetailsDrawer } from "../../../app/ui/details-drawer.tsx";
import { HeaderAction } from "../../../app/ui/header-actions.tsx";
import { PageLoader } from "../../../app/ui/page-loader.tsx";
import { QueryError } from "../../../app/ui/query-error.tsx";
import { contentUrl, type FileOwner, filesQuery, useAttachFiles, useDeleteFile } from "../api/attachments-api.ts";
import { AttachmentPicker } from "./attachment-picker.tsx";
import { formatFileSize } from "./file-size.ts";
import { useUploads } from "./use-uploads.ts";

/** "Documentos": the person's files (contracts, IDs, certificates) with who attached each and when. */
export function PersonDocumentsAction({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <HeaderAction onClick={open}>{t("attachments.documents.title")}</HeaderAction>
      <DetailsDrawer
        item={person}
        opened={opened}
        onClose={close}
        size="lg"
        title={t("attachments.documents.titleOf", { name: person.name })}
      >
        {(p) => <Documents person={p} />}
      </DetailsDrawer>
    </>
  );
}

function Documents({ person }: { person: Person }) {
  const { t } = useTranslation();
  const me = useMe();
  const owner: FileOwner = { kind: "person", code: person.code };
  const files = useQuery(filesQuery(owner));
  const canEdit = canEditPerson(
    me,
    person.categories.map((c) => c.id),
  );
  const items = files.data?.items ?? [];
  return (
    <Stack gap="md">
      {canEdit && <AddDocuments owner={owner} />}
      {files.isPending && <PageLoader />}
      {files.isError && <QueryError error={files.error} onRetry={() => void files.refetch()} />}
      {files.isSuccess && items.length === 0 && <Text c="dimmed">{t("attachments.documents.empty")}</Text>}
      {items.length > 0 && (
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: "none" }}
          aria-label={t("attachments.documents.listLabel")}
        >
          {items.map((file) => (
            <DocumentRow key={file.id} owner={owner} file={file} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function DocumentRow({ owner, file }: { owner: FileOwner; file: Attachment }) {
  const { t } = useTranslation();
  const remove = useDeleteFile(owner);
  const errorMessage = useErrorMessage();
  return (
    <Group component="li" gap="sm" wrap="nowrap" justify="space-between" aria-label={file.name}>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Anchor
          href={file.inline ? contentUrl(file, true) : contentUrl(file)}
          target={file.inline ? "_blank" : undefined}
          rel={file.inline ? "noopener" : undefined}
          download={file.inline ? undefined : file.safeName}
          size="sm"
          style={{ overflowWrap: "anywhere" }}
        >
          <bdi>{file.name}</bdi>
        </Anchor>
        <Text size="xs" c="dimmed">
          {formatFileSize(file.size)} ·{" "}
          {t("attachments.addedBy", {
            name: file.createdBy?.name ?? t("attachments.documents.unknownUser"),
            date: formatDateTime(file.createdAt),
          })}
        </Text>
      </Stack>
      {file.canDelete && (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          loading={remove.isPending}
          aria-label={t("attachments.remove", { name: file.name })}
          onClick={() =>
            remove.mutate(file, {
              onSuccess: () => notifySuccess(t("attachments.documents.removed", { name: file.name })),
              onError: (error) => notifyError(t("attachments.documents.removeFailed"), errorMessage(error)),
            })
          }
        >
          {t("attachments.documents.removeShort")}
        </Button>
      )}
    </Group>
  );
}

/** The picker and "Anexar": the drafts become the person's documents in one request. */
function AddDocuments({ owner }: { owner: FileOwner }) {
  const { t } = useTranslation();
  const uploads = useUploads();
  const attach = useAttachFiles(owner);
  const server = useServerText();
  const errorMessage = useErrorMessage();
  const failure = attach.error
    ? isApiError(attach.error) && attach.error.reason
      ? server.server(attach.error)
      : errorMessage(attach.error)
    : null;
  const onAttach = () =>
    attach.mutate(uploads.keys, {
      onSuccess: (saved) => {
        uploads.markSubmitted();
        uploads.clear();
        notifySuccess(t("attachments.documents.attached", { count: saved.items.length }));
      },
    });
  return (
    <Stack gap="xs" onPaste={uploads.onPaste}>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      <AttachmentPicker uploads={uploads} />
      <Group justify="flex-end">
        <Button onClick={onAttach} disabled={uploads.keys.length === 0 || uploads.uploading} loading={attach.isPending}>
          {t("attachments.documents.attach")}
        </Button>
      </Group>
    </Stack>
  );
}
