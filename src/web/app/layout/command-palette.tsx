import { Box, Button } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { lazyNamed } from "../lazy.ts";
import { Command } from "./icons.tsx";

// The dialog loads on the first Ctrl+K: the header only carries the button and the shortcut.
const CommandPaletteDialog = lazyNamed(() => import("./command-palette-dialog.tsx"), "CommandPaletteDialog");

/** Ctrl+K (Cmd+K on a Mac) anywhere, even while typing in a field, or the header button. */
export function CommandPalette() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const open = () => {
    setLoaded(true);
    setOpened(true);
  };
  useHotkeys([["mod+K", open]], []);

  return (
    <>
      <Button
        variant="default"
        px="xs"
        aria-label={t("person.palette.open")}
        aria-keyshortcuts="Control+K Meta+K"
        leftSection={<Command />}
        onClick={open}
        style={{ flexShrink: 0 }}
      >
        <Box component="kbd" visibleFrom="md" aria-hidden="true" fz="xs" c="dimmed" ff="monospace">
          (Ctrl+K)
        </Box>
      </Button>
      {loaded && (
        <Suspense fallback={null}>
          <CommandPaletteDialog opened={opened} onClose={() => setOpened(false)} />
        </Suspense>
      )}
    </>
  );
}
