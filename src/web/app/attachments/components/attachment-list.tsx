import "../i18n/index.ts";
import { Anchor, Group, Paper, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Attachment } from "../../../../shared/attachments.schemas.ts";
import { contentUrl, thumbnailUrl } from "../api/attachments-api.ts";
import { formatFileSize } from "./file-size.ts";

/**
 * Files as chips: an image shows its thumbnail (made by the server) and opens in a new tab; any
 * other file downloads. The name is shown as given, isolated (<bdi>) so a right-to-left override in
 * it cannot reorder the text around it.
 */
export function AttachmentList({ files, label }: { files: Attachment[]; label?: string }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  return (
    <Group
      component="ul"
      gap="xs"
      p={0}
      m={0}
      mt={6}
      style={{ listStyle: "none" }}
      aria-label={label ?? t("attachments.listLabel")}
    >
      {files.map((file) => (
        <li key={file.id}>
          <FileChip file={file} />
        </li>
      ))}
    </Group>
  );
}

function FileChip({ file }: { file: Attachment }) {
  const { t } = useTranslation();
  const size = formatFileSize(file.size);
  if (file.thumbnail && file.inline) {
    return (
      <Anchor
        href={contentUrl(file, true)}
        target="_blank"
        rel="noopener"
        aria-label={t("attachments.open", { name: file.name })}
        title={`${file.name} (${size})`}
      >
        <Paper withBorder p={2} radius="sm">
          <img
            src={thumbnailUrl(file)}
            alt=""
            loading="lazy"
            style={{ display: "block", maxWidth: 120, maxHeight: 90, objectFit: "contain" }}
          />
        </Paper>
      </Anchor>
    );
  }
  // Named by what it shows, with "Baixar" read out before it: a name unlike the visible text fails
  // WCAG 2.5.3 (label in name).
  return (
    <Anchor href={contentUrl(file)} download={file.safeName}>
      <Paper withBorder px="xs" py={4} radius="sm">
        <Stack gap={0}>
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            <VisuallyHidden>{t("attachments.downloadPrefix")} </VisuallyHidden>
            <bdi>{file.name}</bdi>
          </Text>
          <Text size="xs" c="dimmed">
            {size}
          </Text>
        </Stack>
      </Paper>
    </Anchor>
  );
}
