import { Button, Paper, SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type Total = { label: string; value: string; hint?: string; color?: string };

/**
 * The sums on top of a list (open, overdue, balance…). A description list, so each value is read
 * with its label ("Vencido: R$ 1.234,56").
 */
export function Totals({ label, totals }: { label: string; totals: Total[] }) {
  return (
    <SimpleGrid
      component="dl"
      aria-label={label}
      cols={{ base: 1, xs: Math.min(totals.length, 3), md: totals.length }}
      spacing="xs"
      m={0}
      mb="sm"
    >
      {totals.map((total) => (
        <Paper key={total.label} withBorder p="xs" radius="sm">
          <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
            {total.label}
          </Text>
          <Text component="dd" m={0} fw={700} size="lg" c={total.color} style={{ fontVariantNumeric: "tabular-nums" }}>
            {total.value}
          </Text>
          {total.hint && (
            <Text component="dd" m={0} size="xs" c="dimmed">
              {total.hint}
            </Text>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** "Carregar mais": the next keyset page, appended below. */
/** The row's "Detalhes" button, named after its row for screen readers and tests. */
export function DetailsButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button size="xs" variant="light" onClick={onClick} aria-label={label}>
      {t("common.details")}
    </Button>
  );
}

/** A muted line when a list is empty. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" py="md">
      {children}
    </Text>
  );
}
