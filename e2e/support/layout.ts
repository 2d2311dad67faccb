import type { Page } from "@playwright/test";

/**
 * Every visible element whose content is cut by its own box (a clipped or ellipsized label: "Edi"
 * for "Editar", "2 CRÍTI…") or that sticks out of the page sideways, and whether the page itself
 * scrolls sideways. Fields (their text scrolls inside by design), scroll containers' contents and
 * visually hidden text (1 px or placed off the page's left edge, for screen readers) are left out.
 */
export function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) {
      found.push(`a página rola para o lado: ${document.documentElement.scrollWidth}px > ${width}px`);
    }
    const labelOf = (el: Element) => {
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? `.${el.className.split(" ")[0]}` : ""} “${text}”`;
    };
    const scrolls = (el: Element | null): boolean => {
      for (let at = el?.parentElement ?? null; at && at !== document.body; at = at.parentElement) {
        const x = getComputedStyle(at).overflowX;
        if (x === "auto" || x === "scroll") return true;
      }
      return false;
    };
    // Text hidden for screen readers the other way: absolutely placed wholly left of the page
    // (FullCalendar's list header, left: -10000px), where nobody sees or scrolls to it.
    const offScreen = (el: Element): boolean => {
      for (let at: Element | null = el; at && at !== document.body; at = at.parentElement) {
        if (getComputedStyle(at).position === "absolute" && at.getBoundingClientRect().right <= 0) return true;
      }
      return false;
    };
    for (const el of document.querySelectorAll("body *")) {
      if (el.closest("input, textarea, select, svg, [hidden], [aria-hidden='true']")) continue;
      if (offScreen(el)) continue;
      const style = getComputedStyle(el);
      if (style.display === "none" || style.visibility === "hidden") continue;
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      const clips = style.overflowX === "hidden" || style.overflowX === "clip" || style.textOverflow === "ellipsis";
      if (clips && el.scrollWidth > el.clientWidth + 1) found.push(`cortado: ${labelOf(el)}`);
      if ((box.right > width + 1 || box.left < -1) && !scrolls(el)) found.push(`fora da tela: ${labelOf(el)}`);
    }
    return [...new Set(found)].slice(0, 15);
  });
}
