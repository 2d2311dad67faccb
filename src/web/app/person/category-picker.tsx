import "../../features/persons/i18n/index.ts";
import { Group, SegmentedControl, Text } from "@mantine/core";
import { useId } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import type { Person } from "../../../shared/persons.schemas.ts";

/** Which of the person's categories the tabs are for (each category has its own grants); a picker when there are several. */
export function CategoryPicker({
  categories,
  value,
  onChange,
}: {
  categories: Person["categories"];
  value: number;
  onChange: (categoryId: number) => void;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Group gap="sm" wrap="nowrap">
      <Text id={labelId} size="sm" fw={500}>
        {t("person.category")}
      </Text>
      {categories.length > 1 ? (
        <div style={{ overflowX: "auto", minWidth: 0 }}>
          <SegmentedControl
            aria-labelledby={labelId}
            value={String(value)}
            onChange={(v) => onChange(Number(v))}
            data={categories.map((c) => ({ value: String(c.id), label: c.name }))}
          />
        </div>
      ) : (
        // Only one: nothing to choose, but the user still sees which category the tabs are for.
        <Text size="sm">{categories[0]?.name}</Text>
      )}
    </Group>
  );
}
