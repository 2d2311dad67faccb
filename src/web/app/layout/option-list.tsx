import { UnstyledButton } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * The options of a hand-made listbox (header search, command palette): the focus stays in the
 * text field (aria-activedescendant), so a click must not take it away (mousedown prevented).
 * Hand-made rather than Mantine's Combobox, which would add ~5 KiB to the first load.
 */
export function OptionRow({
  id,
  selected,
  onPick,
  onHover,
  children,
}: {
  id: string;
  selected: boolean;
  onPick: () => void;
  onHover: () => void;
  children: ReactNode;
}) {
  return (
    <UnstyledButton
      id={id}
      role="option"
      aria-selected={selected}
      tabIndex={-1}
      onMouseMove={onHover}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onPick}
      w="100%"
      px="xs"
      py={6}
      bg={selected ? "var(--mantine-color-indigo-light)" : undefined}
      style={{ borderRadius: 6, display: "block" }}
    >
      {children}
    </UnstyledButton>
  );
}

/** The next highlighted index for ArrowDown/ArrowUp, wrapping around; -1 means none. */
export function moveActive(active: number, count: number, key: "ArrowDown" | "ArrowUp"): number {
  if (count === 0) return -1;
  if (active < 0) return key === "ArrowDown" ? 0 : count - 1;
  return (active + (key === "ArrowDown" ? 1 : -1) + count) % count;
}

/** Scrolls the highlighted option into view while the arrows walk a long list. */
export function scrollOptionIntoView(id: string): void {
  document.getElementById(id)?.scrollIntoView({ block: "nearest" });
}
