import { Table } from "@mantine/core";
import type { ReactNode } from "react";

export type DetailRow = [label: string, value: ReactNode];

/** "Detalhes": label and value, one per line; an empty value reads as "—" rather than a blank cell. */
export function DetailsTable({ rows, label }: { rows: DetailRow[]; label?: string }) {
  return (
    <Table variant="vertical" layout="fixed" withTableBorder aria-label={label}>
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th w={180}>{name}</Table.Th>
            <Table.Td style={{ overflowWrap: "anywhere" }}>
              {value === "" || value === null || value === undefined ? "—" : value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
