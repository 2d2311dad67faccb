import { type CSSVariablesResolver, createTheme } from "@mantine/core";

/**
 * WCAG 2.2 AA contrast (4.5:1 for text, checked by axe in every journey). Mantine's defaults miss it
 * in three places, fixed here once for every component:
 * - filled colours use shade 6 (white on indigo.6 is 4.3:1, on red.6 3.3:1): shade 8 instead, and
 *   where white still fails on it (green, teal, yellow, orange…) the text turns dark — autoContrast
 *   with the luminance at which white stops reaching 4.5:1;
 * - light variants write shade 9 on shade 1 (yellow 2.7:1, green 3.8:1, orange 3.6:1): darker text
 *   for the colours that need it (each ≥ 4.8:1 on its light background and 5:1 on white);
 * - dimmed text is gray.6 (3.3:1 on white), placeholders gray.5 (2.1:1) and error messages red.6
 *   (3.3:1): darker ones.
 */
const base = {
  primaryColor: "indigo",
  primaryShade: 8,
  autoContrast: true,
  luminanceThreshold: 0.183,
  defaultRadius: "md",
} as const;

/**
 * The theme with the inputs' clear buttons (an icon only) named in the interface's language:
 * Mantine leaves them nameless (axe: button-name). Plain default props and styles, so no
 * component's code comes into the first load for it.
 *
 * The option lists scroll themselves (at Mantine's 220 px), not through a ScrollArea inside them:
 * the list is the combobox's popup, reached by the arrow keys from the field (the focus never
 * enters it), while a ScrollArea's viewport is a scrolling region of its own that no key reaches
 * (axe: scrollable-region-focusable, on any list long enough to scroll).
 */
const OPTION_LIST = { maxHeight: "calc(13.75rem * var(--mantine-scale))", overflowY: "auto" } as const;
const WITH_OPTIONS = ["Select", "MultiSelect", "TagsInput", "Autocomplete"];

export function themeIn(clearLabel: string) {
  const clearButtonProps = { "aria-label": clearLabel };
  return createTheme({
    ...base,
    components: {
      ...Object.fromEntries(
        ["Select", "MultiSelect", "TagsInput", "FileInput", "Autocomplete"].map((name) => [
          name,
          WITH_OPTIONS.includes(name)
            ? { defaultProps: { clearButtonProps, withScrollArea: false }, styles: { options: OPTION_LIST } }
            : { defaultProps: { clearButtonProps } },
        ]),
      ),
      // Mantine's first-focus placeholder in a menu is a role="presentation" element with a tabindex,
      // which a screen reader cannot ignore inside role="menu" (axe: aria-required-children). Without
      // it the opened menu focuses its own dropdown, and the arrow keys reach the items from there.
      Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
      // Under a title Mantine writes the message in gray.6 (3.3:1 on white): the dimmed colour instead.
      Notification: {
        styles: (_theme: unknown, props: { title?: unknown }) =>
          props.title ? { description: { color: "var(--mantine-color-dimmed)" } } : {},
      },
    },
  });
}

/** Text on light backgrounds and on white, darker than Mantine's shade 9 where that fails 4.5:1. */
const READABLE_RED = "#bf2828";
const READABLE: Record<string, string> = {
  red: READABLE_RED,
  cyan: "#0a6c7e",
  teal: "#077252",
  green: "#257535",
  lime: "#4a760a",
  yellow: "#a15300",
  orange: "#ae3a0c",
};

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "#5f666d",
    "--mantine-color-placeholder": "#6b7279",
    "--mantine-color-error": READABLE_RED,
    ...Object.fromEntries(
      Object.entries(READABLE).flatMap(([color, value]) => [
        [`--mantine-color-${color}-light-color`, value],
        [`--mantine-color-${color}-text`, value],
        [`--mantine-color-${color}-outline`, value],
      ]),
    ),
  },
  dark: {},
});

/**
 * A coloured Menu.Item's colour: Mantine writes a plain theme colour in shade 6 (red.6 is 3.3:1 on
 * white, short of AA's 4.5:1); shade 9 reads (red.9 5.6:1) and keeps the hover tint.
 */
export const menuItemColor = (color: string): string => (color.includes(".") ? color : `${color}.9`);
