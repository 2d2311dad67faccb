import "../../i18n/index.ts";
import { ActionIcon, Badge, Group, Menu, NativeSelect, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Level, TABS, type Tab } from "../../../../../shared/access.schemas.ts";
import type { Category } from "../../../../../shared/settings.schemas.ts";
import { ChevronDown } from "../../../../app/layout/icons.tsx";
import { columnCells, type GrantMap, levelOf, rowCells, setCells } from "./grant-map.ts";

type Props = { categories: readonly Category[]; value: GrantMap; onChange: (next: GrantMap) => void };

const LEVEL_BACKGROUND: Record<Level, string> = {
  read: "var(--mantine-color-blue-light)",
  write: "var(--mantine-color-green-light)",
};

/** Rows are categories, columns the person screen's tabs; each cell is no access, read or write. */
export function GrantMatrix({ categories, value, onChange }: Props) {
  const { t } = useTranslation();
  const ids = categories.map((c) => c.id);
  const tabLabel = (tab: Tab) => t(`admin2.tabs.${tab}`);
  const options = [
    { value: "", label: t("admin2.levels.none") },
    { value: "read", label: t("admin2.levels.read") },
    { value: "write", label: t("admin2.levels.write") },
  ];

  return (
    <Table.ScrollContainer minWidth={1040}>
      <Table
        layout="fixed"
        withTableBorder
        withColumnBorders
        verticalSpacing={4}
        aria-label={t("admin2.profiles.matrix")}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={180} style={{ verticalAlign: "bottom" }}>
              {t("admin2.profiles.category")}
            </Table.Th>
            {TABS.map((tab) => (
              <Table.Th key={tab} style={{ verticalAlign: "bottom" }}>
                <Group gap={2} wrap="nowrap" justify="space-between" align="flex-end">
                  <Text size="xs" fw={700}>
                    {tabLabel(tab)}
                  </Text>
                  <Shortcuts
                    label={t("admin2.profiles.columnShortcuts", { tab: tabLabel(tab) })}
                    items={{
                      read: t("admin2.profiles.readColumn"),
                      write: t("admin2.profiles.writeColumn"),
                      none: t("admin2.profiles.clearColumn"),
                    }}
                    onPick={(level) => onChange(setCells(value, columnCells(ids, tab), level))}
                  />
                </Group>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {categories.map((category) => (
            <Table.Tr key={category.id}>
              <Table.Th scope="row">
                <Group gap={4} wrap="nowrap" justify="space-between">
                  <Text size="sm" fw={600}>
                    {category.name}
                    {!category.isActive && (
                      <Badge ml={6} size="xs" variant="light" color="gray">
                        {t("common.inactiveF")}
                      </Badge>
                    )}
                  </Text>
                  <Shortcuts
                    label={t("admin2.profiles.rowShortcuts", { category: category.name })}
                    items={{
                      read: t("admin2.profiles.readAll"),
                      write: t("admin2.profiles.writeAll"),
                      none: t("admin2.profiles.clearAll"),
                    }}
                    onPick={(level) => onChange(setCells(value, rowCells(category.id), level))}
                  />
                </Group>
              </Table.Th>
              {TABS.map((tab) => {
                const level = levelOf(value, category.id, tab);
                return (
                  <Table.Td key={tab}>
                    <NativeSelect
                      size="xs"
                      aria-label={`${category.name} — ${tabLabel(tab)}`}
                      data={options}
                      value={level ?? ""}
                      onChange={(event) => {
                        const next = event.currentTarget.value;
                        const picked: Level | null = next === "read" || next === "write" ? next : null;
                        onChange(setCells(value, [[category.id, tab]], picked));
                      }}
                      styles={{ input: { background: level ? LEVEL_BACKGROUND[level] : undefined } }}
                    />
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type ShortcutsProps = {
  label: string;
  items: { read: string; write: string; none: string };
  onPick: (level: Level | null) => void;
};

/** A small menu that sets a whole row or column at once. */
function Shortcuts({ label, items, onPick }: ShortcutsProps) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" size="sm" color="gray" aria-label={label} title={label}>
          <ChevronDown />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onPick("read")}>{items.read}</Menu.Item>
        <Menu.Item onClick={() => onPick("write")}>{items.write}</Menu.Item>
        <Menu.Item onClick={() => onPick(null)}>{items.none}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
