import { Badge } from "@mantine/core";

/** Green when active, grey when not; the words come from the caller (gender agrees with the noun). */
export function ActiveBadge({ active, label }: { active: boolean; label: string }) {
  return (
    <Badge variant="light" color={active ? "green" : "gray"}>
      {label}
    </Badge>
  );
}
