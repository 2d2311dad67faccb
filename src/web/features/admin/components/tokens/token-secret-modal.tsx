import "../../i18n/index.ts";
import { Alert, Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CreatedToken } from "../../api/tokens-api.ts";

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

/** The new token's secret, shown this once: the server keeps only its hash. */
export function TokenSecretModal({ token, onClose }: { token: CreatedToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const close = () => {
    setCopied(false);
    onClose();
  };

  return (
    <Modal
      opened={token !== null}
      onClose={close}
      title={t("tokens.secretTitle")}
      closeOnClickOutside={false}
      closeButtonProps={{ "aria-label": t("common.close") }}
      size="lg"
    >
      {token && (
        <Stack>
          <Alert color="yellow">{t("tokens.secretWarning")}</Alert>
          <Group align="flex-end" wrap="nowrap">
            <TextInput
              ref={inputRef}
              label={t("tokens.secretLabel")}
              value={token.token}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
              styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
              style={{ flex: 1 }}
            />
            <Button
              variant={copied ? "filled" : "light"}
              color={copied ? "teal" : undefined}
              onClick={() => void copyText(token.token, inputRef.current).then(setCopied)}
              data-autofocus
            >
              {copied ? t("common.copied") : t("common.copy")}
            </Button>
          </Group>
          <Group justify="flex-end">
            <Button onClick={close}>{t("tokens.done")}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
