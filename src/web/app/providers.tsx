import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { lazy, type ReactNode, Suspense, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { createQueryClient } from "./query-client.ts";
import { cssVariablesResolver, themeIn } from "./theme.ts";

// ~7 KiB gzipped (with its styles) that the first screen does not need: it loads right after the
// first render, and what is shown before it mounts waits in the store.
const NotificationsHost = lazy(() =>
  import("./notifications-host.tsx").then((m) => ({ default: m.NotificationsHost })),
);

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const { t } = useTranslation();
  const clearLabel = t("common.clear");
  const theme = useMemo(() => themeIn(clearLabel), [clearLabel]);
  return (
    // No ColorSchemeScript: the CSP forbids inline scripts; index.html sets the light scheme itself.
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Suspense fallback={null}>
        <NotificationsHost />
      </Suspense>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
