import { cloneElement, type ReactElement, type ReactNode, Suspense, useState } from "react";

/** What happened to a header menu's button before its menu arrived: it opens, or takes the focus, then. */
export type MenuStart = { opened: boolean; focused: boolean };

type ButtonProps = {
  onClick?: () => void;
  onFocus?: () => void;
  onBlur?: () => void;
  "aria-haspopup"?: "menu";
  "aria-expanded"?: boolean;
};

/**
 * A header menu whose button shows with the header and whose menu (Mantine's Menu and the items,
 * ~8 KiB gzipped) arrives in a chunk asked for at the same render: the header is usable without
 * waiting for it. A click on the button meanwhile opens the menu as soon as it is in, and a
 * button that had the focus keeps it (`children` gets both and renders the real menu).
 */
export function DeferredMenu({
  button,
  children,
}: {
  button: ReactElement<ButtonProps>;
  children: (start: MenuStart) => ReactNode;
}) {
  const [start, setStart] = useState<MenuStart>({ opened: false, focused: false });
  const placeholder = cloneElement(button, {
    "aria-haspopup": "menu",
    "aria-expanded": false,
    onClick: () => setStart((s) => ({ ...s, opened: true })),
    onFocus: () => setStart((s) => ({ ...s, focused: true })),
    onBlur: () => setStart((s) => ({ ...s, focused: false })),
  });
  return <Suspense fallback={placeholder}>{children(start)}</Suspense>;
}
