import "../i18n/index.ts";
import { Alert, Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * navigator.clipboard exists only on https or localhost; a LAN install on plain http
 * falls back to selecting the text and the older copy command.
 */
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (permissions): try the fallback.
  }
  if (!input) return false;
  input.focus();
  input.select();
  return document.execCommand("copy");
}

type Props = {
  /** The secret; null while closed. */
  secret: string | null;
  title: string;
  warning: string;
  label: string;
  doneLabel: string;
  onClose: () => void;
};

/** A secret shown this once (an API token, a webhook's signing secret): the server never shows it again. */
export function SecretOnceModal({ secret, title, warning, label, doneLabel, onClose }: Props) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const close = () => {
    setCopied(false);
    onClose();
  };

  return (
    <Modal
      opened={secret !== null}
      onClose={close}
      title={title}
      closeOnClickOutside={false}
      closeButtonProps={{ "aria-label": t("common.close") }}
      size="lg"
    >
      {secret !== null && (
        <Stack>
          <Alert color="yellow">{warning}</Alert>
          <Group align="flex-end" wrap="nowrap">
            <TextInput
              ref={inputRef}
              label={label}
              value={secret}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
              style={{ flex: 1 }}
            />
            <Button
              variant={copied ? "filled" : "light"}
              color={copied ? "teal" : undefined}
              onClick={() => void copyText(secret, inputRef.current).then(setCopied)}
              data-autofocus
            >
              {copied ? t("common.copied") : t("common.copy")}
            </Button>
          </Group>
          <Group justify="flex-end">
            <Button onClick={close}>{doneLabel}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
