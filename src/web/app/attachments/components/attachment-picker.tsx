import "../i18n/index.ts";
import { ActionIcon, Box, Button, Group, Progress, Stack, Text } from "@mantine/core";
import { type DragEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatFileSize } from "./file-size.ts";
import type { Uploads } from "./use-uploads.ts";

/**
 * The files of a form: "Escolher arquivos", or dropped on the box, or pasted into the text (the
 * form puts `uploads.onPaste` around it); each with its progress, its refusal and a remove button.
 */
export function AttachmentPicker({ uploads }: { uploads: Uploads }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const labelId = useId();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (event.dataTransfer.files.length > 0) uploads.add(event.dataTransfer.files);
  };
  return (
    <Stack gap={6} role="group" aria-labelledby={labelId}>
      <Text id={labelId} size="sm" fw={500}>
        {t("attachments.pickerLabel")}
      </Text>
      <Box
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        p="sm"
        style={{
          border: `1px dashed var(--mantine-color-${over ? "indigo-8" : "gray-5"})`,
          borderRadius: 8,
          background: over ? "var(--mantine-color-indigo-0)" : undefined,
        }}
      >
        <Group gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            {t("attachments.dropHint")}
          </Text>
          <Button size="xs" variant="light" onClick={() => input.current?.click()}>
            {t("attachments.choose")}
          </Button>
        </Group>
        {uploads.maxFileBytes !== undefined && (
          <Text size="xs" c="dimmed" mt={4}>
            {t("attachments.limits", { size: formatFileSize(uploads.maxFileBytes) })}
          </Text>
        )}
        <input
          ref={input}
          type="file"
          multiple
          hidden
          accept={uploads.accept}
          aria-label={t("attachments.choose")}
          onChange={(event) => {
            if (event.currentTarget.files) uploads.add(event.currentTarget.files);
            event.currentTarget.value = "";
          }}
        />
      </Box>
      {uploads.items.length > 0 && (
        <Stack
          component="ul"
          gap={6}
          p={0}
          m={0}
          style={{ listStyle: "none" }}
          aria-label={t("attachments.pickerLabel")}
        >
          {uploads.items.map((item) => (
            <Box component="li" key={item.localId} aria-label={item.name}>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm" style={{ overflowWrap: "anywhere", minWidth: 0 }}>
                  <bdi>{item.name}</bdi>
                  {item.size > 0 && (
                    <Text span size="xs" c="dimmed">
                      {" "}
                      ({formatFileSize(item.size)})
                    </Text>
                  )}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t("attachments.remove", { name: item.name })}
                  onClick={() => uploads.remove(item.localId)}
                >
                  ×
                </ActionIcon>
              </Group>
              {item.status === "uploading" && (
                <Progress
                  value={Math.round(item.progress * 100)}
                  size="sm"
                  aria-label={t("attachments.uploading", { name: item.name })}
                />
              )}
              {item.status === "done" && (
                <Progress
                  value={100}
                  size="sm"
                  color="teal"
                  aria-label={t("attachments.uploaded", { name: item.name })}
                />
              )}
              {item.status === "error" && (
                <Text size="sm" c="var(--mantine-color-error)" role="alert">
                  {item.error}
                </Text>
              )}
            </Box>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
