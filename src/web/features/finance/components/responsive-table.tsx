import { Card, Group, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { ReactNode } from "react";

export type Column<T> = {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** Money and counts line up on the right. */
  numeric?: boolean;
};

/**
 * The money tabs' lists: a table on wide screens, one card per row on a phone (a nine-column
 * table scrolled sideways is unreadable there). Read only the one that is rendered, so a screen
 * reader and the tests see one list either way. `actions` (e.g. "Detalhes") ends each row.
 */
export function ResponsiveTable<T>({
  label,
  columns,
  rows,
  rowKey,
  rowLabel,
  actions,
  actionsHeader,
  busy = false,
}: {
  label: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  /** A card's title on a phone (e.g. "Título 1234 — parcela 1/3"). */
  rowLabel: (row: T) => string;
  actions: (row: T) => ReactNode;
  actionsHeader: string;
  busy?: boolean;
}) {
  // Read synchronously: no first paint of cards that then turn into a table.
  const wide = useMediaQuery("(min-width: 48em)", true, { getInitialValueInEffect: false });
  const style = { opacity: busy ? 0.6 : 1 };
  if (wide) {
    return (
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover aria-label={label} aria-busy={busy} verticalSpacing="xs" style={style}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.key} ta={c.numeric ? "right" : undefined} style={{ whiteSpace: "nowrap" }}>
                  {c.header}
                </Table.Th>
              ))}
              <Table.Th>
                <VisuallyHidden>{actionsHeader}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((c) => (
                  <Table.Td
                    key={c.key}
                    ta={c.numeric ? "right" : undefined}
                    style={c.numeric ? { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" } : undefined}
                  >
                    {c.render(row)}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{actions(row)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }
  return (
    <Stack
      component="ul"
      gap="xs"
      p={0}
      m={0}
      aria-label={label}
      aria-busy={busy}
      style={{ listStyle: "none", ...style }}
    >
      {rows.map((row) => (
        <Card key={rowKey(row)} component="li" withBorder padding="sm" aria-label={rowLabel(row)}>
          <Text fw={600} size="sm" mb={4}>
            {rowLabel(row)}
          </Text>
          <Stack gap={2} component="dl" m={0}>
            {columns.map((c) => (
              <Group key={c.key} gap={6} wrap="nowrap" justify="space-between">
                <Text component="dt" size="sm" c="dimmed">
                  {c.header}
                </Text>
                <Text component="dd" size="sm" m={0} ta="right">
                  {c.render(row)}
                </Text>
              </Group>
            ))}
          </Stack>
          <Group justify="flex-end" mt="xs">
            {actions(row)}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
