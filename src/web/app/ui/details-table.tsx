import { Table } from "@mantine/core";
import type { ReactNode } from "react";

export type DetailRow = [label: string, value: ReactNode];

/** "Detalhes": label and value, one per line; an empty value reads as "—" rather than a blank cell. */
export function DetailsTable({
  rows,
  label,
  labelWidth = 180,
  keepLineBreaks = false,
}: {
  rows: DetailRow[];
  label?: string;
  labelWidth?: number;
  /** Free text (a description, a reason) keeps the lines it was typed with. */
  keepLineBreaks?: boolean;
}) {
  return (
    <Table variant="vertical" layout="fixed" withTableBorder aria-label={label}>
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th w={labelWidth}>{name}</Table.Th>
            <Table.Td style={{ overflowWrap: "anywhere", whiteSpace: keepLineBreaks ? "pre-wrap" : undefined }}>
              {value === "" || value === null || value === undefined ? "—" : value}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
