import { Group, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { usePageTitle } from "../page-title.ts";

/** A page's h1 (also the browser tab's title) and its main action. */
export function PageHeader({ title, action }: { title: string; action?: ReactNode }) {
  usePageTitle(title);
  return (
    <Group justify="space-between" mb="md">
      <Title order={1} size="h2">
        {title}
      </Title>
      {action}
    </Group>
  );
}
