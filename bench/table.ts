import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BENCH_DIR } from "./config.ts";

/**
 * The one results table: each figure, its goal, what was measured and whether it holds, so
 * a reader sees at a glance what holds. Printed at the end and written as Markdown to
 * .bench/results-<date>.md, ready for the README's performance section.
 */
export type Row = {
  db: string;
  figure: string;
  connections: string;
  goal: string;
  measured: string;
  /** "✓", "✗", or "" for a figure reported without a goal. */
  holds: string;
};

export const rows: Row[] = [];
/** Lines under the table: what ran, where, and what was left out. */
export const notes: string[] = [];

export function add(row: Omit<Row, "connections" | "goal" | "holds"> & Partial<Row>): void {
  rows.push({ connections: "", goal: "", holds: "", ...row });
}

/** ✓/✗ for a goal, ✗ also when the measure had errors (a fast figure made of failures is no figure). */
export const verdict = (ok: boolean, errors = 0) => (errors ? "✗ (errors)" : ok ? "✓" : "✗");

// In English, like the README's performance section the Markdown copy is pasted into.
const HEAD: Row = {
  db: "database",
  figure: "figure",
  connections: "connections",
  goal: "goal",
  measured: "measured",
  holds: "holds",
};
const KEYS = Object.keys(HEAD) as (keyof Row)[];

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export function printTable(title: string): void {
  const width = (k: keyof Row) => Math.max(...[HEAD, ...rows].map((r) => r[k].length));
  const line = (r: Row) => KEYS.map((k, i) => (i === KEYS.length - 1 ? r[k] : r[k].padEnd(width(k)))).join("  ");
  console.log(`\n${title}\n`);
  console.log(line(HEAD));
  console.log(KEYS.map((k) => "─".repeat(width(k))).join("  "));
  for (const r of rows) console.log(line(r));
  for (const n of notes) console.log(`  ${n}`);
}

/** `suffix` names a partial run (BENCH_ONLY), so it does not overwrite the day's full table. */
export function writeMarkdown(title: string, suffix = ""): string {
  const date = new Date().toISOString().slice(0, 10);
  const file = path.join(BENCH_DIR, `results-${date}${suffix ? `-${suffix}` : ""}.md`);
  const cell = (s: string) => s.replace(/\|/g, "\\|");
  const lines = [
    `### ${title}`,
    "",
    `${date}, ${machine()}.`,
    "",
    `| ${KEYS.map((k) => HEAD[k]).join(" | ")} |`,
    `| ${KEYS.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${KEYS.map((k) => cell(r[k])).join(" | ")} |`),
    "",
    ...notes.map((n) => `- ${n}`),
    "",
  ];
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  fs.writeFileSync(file, lines.join("\n"));
  return file;
}
