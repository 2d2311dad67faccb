import { Button, Card, Group, Menu, Stack, Text } from "@mantine/core";
import type { CSSProperties, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ChevronDown } from "../layout/icons.tsx";
import { menuItemColor } from "../theme.ts";

/** "label: value", the label dimmed. */
export function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text span size="sm">
      <Text span c="dimmed">
        {label}:
      </Text>{" "}
      {children}
    </Text>
  );
}

/** The dot between two Meta on a line, silent for screen readers. */
export const MetaSep = () => (
  <Text span c="dimmed" aria-hidden="true" mx={6}>
    ·
  </Text>
);

/**
 * One record of a list (a ticket, an appointment): its text on the left, growing, and its
 * actions on the right, wrapping under it on a narrow screen. A list item named for screen readers.
 */
export function ItemCard({
  label,
  style,
  actions,
  children,
}: {
  label: string;
  style?: CSSProperties;
  actions: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="sm" component="li" aria-label={label} style={style}>
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={4} style={{ flex: "1 1 420px", minWidth: 0 }}>
          {children}
        </Stack>
        {/* The actions wrap too: four of them are wider than a phone's card. */}
        <Group gap="xs" wrap="wrap">
          {actions}
        </Group>
      </Group>
    </Card>
  );
}

export type MenuAction = { label: string; onClick: () => void; color?: string };

/** "Mais ações ▾": the record's rarer actions; nothing when none applies. */
export function MoreActions({ label, items }: { label: string; items: (MenuAction | false | null | undefined)[] }) {
  const { t } = useTranslation();
  const shown = items.filter((item): item is MenuAction => Boolean(item));
  if (shown.length === 0) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="subtle" rightSection={<ChevronDown size={12} />} aria-label={label}>
          {t("common.moreActions")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {shown.map((item) => (
          <Menu.Item key={item.label} color={item.color && menuItemColor(item.color)} onClick={item.onClick}>
            {item.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
