import { Button, Group, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ModalShell } from "../modal-shell.tsx";
import { PageLoader } from "../page-loader.tsx";
import { QueryError } from "../query-error.tsx";
import { ActiveBadge } from "./active-badge.tsx";
import { type SettingsItems, type SettingsPath, settingsQuery } from "./settings-api.ts";

export type Column<T> = { header: string; render: (item: T) => ReactNode };

/** What the open modal edits: a new record (null) or an existing one. */
export type Editing<T> = { item: T | null } | null;

type Props<P extends SettingsPath> = {
  path: P;
  labels: {
    new: string;
    empty: string;
    table: string;
    /** The modal's title when editing. */
    editTitle: string;
    /** The edit button's accessible name for one row. */
    edit: (item: SettingsItems[P]) => string;
  };
  columns: Column<SettingsItems[P]>[];
  /** "Ativa/Inativa" or "Ativo/Inativo", to agree with the noun in Portuguese. */
  gender: "F" | "M";
  renderForm: (item: SettingsItems[P] | null, close: () => void) => ReactNode;
};

/**
 * One settings list: its table (the given columns, then the active status), a "new"
 * button and the modal that creates or edits a record with the given form.
 */
export function SettingsPanel<P extends SettingsPath>({ path, labels, columns, gender, renderForm }: Props<P>) {
  const { t } = useTranslation();
  const list = useQuery(settingsQuery(path));
  const [editing, setEditing] = useState<Editing<SettingsItems[P]>>(null);
  const items = list.data?.items ?? [];
  const close = () => setEditing(null);
  const allColumns: Column<SettingsItems[P]>[] = [
    ...columns,
    {
      header: t("common.status"),
      render: (item) => (
        <ActiveBadge
          active={item.isActive}
          label={t(item.isActive ? `common.active${gender}` : `common.inactive${gender}`)}
        />
      ),
    },
  ];

  return (
    <>
      <Group justify="flex-end" mb="sm">
        <Button onClick={() => setEditing({ item: null })}>{labels.new}</Button>
      </Group>
      {list.isPending && <PageLoader />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && <Text c="dimmed">{labels.empty}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover aria-label={labels.table}>
            <Table.Thead>
              <Table.Tr>
                {allColumns.map((column) => (
                  <Table.Th key={column.header}>{column.header}</Table.Th>
                ))}
                <Table.Th w={1}>{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  {allColumns.map((column) => (
                    <Table.Td key={column.header}>{column.render(item)}</Table.Td>
                  ))}
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={labels.edit(item)}
                      onClick={() => setEditing({ item })}
                    >
                      {t("common.edit")}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ModalShell opened={editing !== null} onClose={close} title={editing?.item ? labels.editTitle : labels.new}>
        {editing && renderForm(editing.item, close)}
      </ModalShell>
    </>
  );
}
