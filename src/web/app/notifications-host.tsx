import "@mantine/notifications/styles.css";
import { Notifications } from "@mantine/notifications";
import { useEffect, useRef } from "react";

/** The CSS variable global.css adds to the page's bottom scroll padding (and to its bottom padding). */
const SPACE = "--vinculo-notifications-space";

/**
 * Where notifications show, in a chunk of its own (with its styles and transitions): nothing is
 * shown before the first action, and what notify.ts shows meanwhile waits in the store (which is
 * small and stays in the first load) until this mounts.
 *
 * While some show, the height they take at the bottom is kept in a CSS variable, so an element the
 * keyboard reaches scrolls above them instead of hiding under them (WCAG 2.4.11), as with the header.
 */
export function NotificationsHost() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current?.querySelector<HTMLElement>('[data-position="bottom-right"]');
    if (!root) return;
    const html = document.documentElement;
    const measure = () => {
      const box = root.getBoundingClientRect();
      const space = box.height > 0 ? Math.ceil(window.innerHeight - box.top) : 0;
      html.style.setProperty(SPACE, `${space}px`);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    return () => {
      observer.disconnect();
      html.style.removeProperty(SPACE);
    };
  }, []);
  // Bottom right: never over the header's search and menus.
  // Not in a portal, so the effect finds the stack at once; it is position: fixed anyway.
  return (
    <div ref={ref}>
      <Notifications position="bottom-right" withinPortal={false} />
    </div>
  );
}
