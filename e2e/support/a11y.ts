import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * WCAG 2.2 AA by axe on what a journey shows. `checkA11y(page)` analyzes the whole page as it is
 * (with every dialog open on it) and fails on any violation; every check is written to a log that
 * the global teardown counts. `watchA11y(page)` notes each page and dialog the journey opens, so the
 * journey's end can prove none went unchecked (`uncheckedScreens`).
 */

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** A page (path with numbers as :n, plus its tab) or a dialog (role and accessible name). */
type Screen = string;

type Watch = { seen: Set<Screen>; checked: Set<Screen> };
const watches = new WeakMap<Page, Watch>();

/** The log of every check of this run (one JSON line each), read by global-teardown.ts. */
export function a11yLogFile(): string | null {
  const dir = process.env.VINCULO_E2E_DATA_DIR;
  return dir ? path.join(dir, "axe-checks.jsonl") : null;
}

/**
 * In the page (at every document start): reports the current page and every visible dialog, by
 * role and name, whenever the DOM changes. Names keep only letters and spaces, so "Parecer no
 * atendimento 4512" and the same dialog for another ticket count as one.
 */
const OBSERVER = `(() => {
  if (window.__vinculoScreens) return;
  const shape = (text) => (text || "").replace(/[0-9]+/g, "#").replace(/\\s+/g, " ").trim().slice(0, 80);
  const nameOf = (el) => {
    const ids = el.getAttribute("aria-labelledby");
    if (ids) return ids.split(/\\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
    return el.getAttribute("aria-label") || "";
  };
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  // A page counts once it shows its heading: a loader or a redirect on the way is no page.
  window.__vinculoScreens = () => {
    const screens = [];
    const h1 = document.querySelector("h1");
    if (h1 && visible(h1)) {
      const aba = new URLSearchParams(location.search).get("aba");
      screens.push("page " + location.pathname.replace(/\\/[0-9]+/g, "/:n") + (aba ? "?aba=" + aba : ""));
    }
    for (const el of document.querySelectorAll('[role="dialog"], [role="alertdialog"], dialog[open]')) {
      if (visible(el)) screens.push((el.getAttribute("role") || "dialog") + " " + shape(nameOf(el)));
    }
    return screens;
  };
  let last = "";
  let queued = false;
  const report = () => {
    queued = false;
    const screens = window.__vinculoScreens();
    const key = screens.join("|");
    if (key !== last && typeof window.__vinculoA11ySeen === "function") {
      last = key;
      window.__vinculoA11ySeen(screens);
    }
  };
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    setTimeout(report, 50);
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["style", "class", "role"] });
})();`;

/** Starts noting what the page shows (call before its first navigation). */
export async function watchA11y(page: Page): Promise<void> {
  const watch: Watch = { seen: new Set(), checked: new Set() };
  watches.set(page, watch);
  await page.exposeFunction("__vinculoA11ySeen", (screens: Screen[]) => {
    for (const s of screens) watch.seen.add(s);
  });
  await page.addInitScript(OBSERVER);
}

/** What the page shows now, as the observer names it. */
const currentScreens = (page: Page): Promise<Screen[]> =>
  page.evaluate(() => (window as unknown as { __vinculoScreens?: () => Screen[] }).__vinculoScreens?.() ?? []);

/**
 * Waits until no CSS transition or animation runs and no list is loading (aria-busy, drawn dimmed
 * meanwhile): a dialog fading in or a list being replaced has no final colours yet.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('[aria-busy="true"]') === null &&
      document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity),
    undefined,
    { timeout: 5_000 },
  );
}

/**
 * axe on the page as it is now; a violation fails the journey with each rule, its help and the
 * elements it found. `what` names the moment in the failure message and the log.
 */
export async function checkA11y(page: Page, what?: string): Promise<void> {
  await settled(page);
  const screens = await currentScreens(page);
  // Legacy mode runs axe in the page itself: the app has no cross-origin frames, and the default
  // mode opens and closes a blank page per check (measured: about a second each).
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
  const violations = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} — ${n.failureSummary?.replace(/\s+/g, " ")}`),
  }));
  const log = a11yLogFile();
  const viewport = page.viewportSize();
  if (log) {
    const line = { what: what ?? screens.at(-1), screens, width: viewport?.width, violations: violations.length };
    fs.appendFileSync(log, `${JSON.stringify(line)}\n`);
  }
  const watch = watches.get(page);
  if (watch) for (const s of screens) watch.checked.add(s);
  // VINCULO_AXE_SOFT=1 lists every violation of a journey at its end instead of stopping at the first screen.
  const check = process.env.VINCULO_AXE_SOFT ? expect.soft : expect;
  check(violations, `axe (${AXE_TAGS.join(", ")}) em ${what ?? screens.join(" + ")}`).toEqual([]);
}

/** The pages and dialogs this page showed that no `checkA11y` saw. */
export async function uncheckedScreens(page: Page): Promise<Screen[]> {
  const watch = watches.get(page);
  if (!watch) return [];
  // Let the observer's last report arrive.
  await page.waitForTimeout(100).catch(() => undefined);
  return [...watch.seen].filter((s) => !watch.checked.has(s));
}
