import fs from "node:fs";
import { a11yLogFile } from "./a11y.ts";

type Check = { what: string; screens: string[]; width?: number; violations: number };

/** Prints how many pages and dialogs axe checked in this run (every journey appends to one log). */
export default function globalTeardown(): void {
  const file = a11yLogFile();
  if (!file || !fs.existsSync(file)) {
    console.log("axe: nenhuma página ou diálogo verificado nesta execução");
    return;
  }
  const checks = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Check);
  const screens = new Set(checks.flatMap((c) => c.screens.map((s) => `${s} @${c.width ?? "?"}px`)));
  const distinct = new Set(checks.flatMap((c) => c.screens));
  const pages = [...distinct].filter((s) => s.startsWith("page ")).length;
  const violations = checks.reduce((sum, c) => sum + c.violations, 0);
  console.log(
    `axe (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa): ${checks.length} verificações; ` +
      `${distinct.size} telas distintas (${pages} páginas, ${distinct.size - pages} diálogos), ` +
      `${screens.size} contando cada largura; ${violations} violações`,
  );
}
