import { config, dialectName, type Part } from "./config.ts";
import { crashLoop } from "./crash-soak.ts";
import { benchFigures } from "./figures.ts";
import { fmtInt } from "./load.ts";
import { prepareTarget, type Target } from "./prepare.ts";
import { benchSoak } from "./soak.ts";
import { notes, printTable, writeMarkdown } from "./table.ts";

/**
 * `npm run bench`: builds scale databases once (.bench/ and PostgreSQL's vinculo_bench_N),
 * then measures, from this process, servers running in their own processes, and ends with one
 * table of every figure against its goal (also written to .bench/results-<date>.md).
 *
 * BENCH_PERSONS (1 000 000), BENCH_TICKETS (1 000 000; BENCH_SQLITE_TICKETS for SQLite alone),
 * BENCH_SECONDS (10 per measure), BENCH_CONNECTIONS ("1,10"), BENCH_DIALECTS ("sqlite,postgres"),
 * BENCH_ONLY (figures, soak, crash, import — all by default; BENCH_IMPORT=0 leaves out the
 * imports), BENCH_SOAK_CONNECTIONS (200), BENCH_SOAK_SECONDS (60), BENCH_SOAK_SETTLE_SECONDS
 * (60), BENCH_CRASH_ROUNDS (3), VINCULO_WORKERS (passed to the server; unset = its default).
 */
const started = Date.now();
const has = (p: Part) => config.parts.has(p);
const seconds = () => Math.round((Date.now() - started) / 1000);
/** Goals not met are the report, not a failure; a part that broke or a lost write is. */
let failed = false;

async function part(name: string, fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    // One part failing (a server that did not start, a moved module) must not lose the others' figures.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${name} falhou: ${error instanceof Error ? error.stack : message}`);
    notes.push(`${name} failed: ${message.split("\n")[0]}`);
    failed = true;
  }
}

async function main(): Promise<void> {
  console.log(
    `Vínculo bench: ${fmtInt(config.persons)} pessoas, ${fmtInt(config.tickets)} atendimentos` +
      `${config.sqliteTickets !== config.tickets ? ` (SQLite: ${fmtInt(config.sqliteTickets)})` : ""}, ` +
      `conexões ${config.connections.join(" e ")}, ${config.seconds} s por medida; partes: ${[...config.parts].join(", ")}`,
  );
  const scale: Target[] = [];
  if (has("figures") || has("soak")) {
    for (const dialect of config.dialects) {
      const tickets = dialect === "sqlite" ? config.sqliteTickets : config.tickets;
      await part(`${dialectName(dialect)}: preparing the database`, async () => {
        const target = await prepareTarget(dialect, config.persons, tickets);
        if (target) scale.push(target);
        else notes.push(`${dialectName(dialect)}: not reachable at ${config.pgUrl}, not measured.`);
      });
    }
  }
  for (const t of scale) {
    if (has("figures")) await part(`${dialectName(t.dialect)}: figures`, () => benchFigures(t));
    if (has("soak")) await part(`${dialectName(t.dialect)}: soak`, () => benchSoak(t));
  }
  if (has("crash")) {
    for (const dialect of config.dialects) {
      await part(`${dialectName(dialect)}: crash loop`, async () => {
        const t = await prepareTarget(dialect, config.crash.persons, config.crash.persons);
        if (t && (await crashLoop(t, config.crash.rounds)).lost) failed = true;
      });
    }
  }
  // Imports run in this process against the server's modules: loaded only when asked for.
  if (has("import")) await part("imports", async () => (await import("./import.ts")).benchImport(config.pgUrl));

  notes.push(
    `${config.seconds} s per measure, after a warm-up; load from autocannon in the same machine; one run each (noise about ±20 %). ${seconds()} s in all.`,
  );
  const title = `Vínculo bench — ${fmtInt(config.persons)} persons, connections ${config.connections.join(" and ")}`;
  printTable(title);
  const partial =
    config.parts.size < 4 || config.dialects.length < 2 ? [...config.parts, ...config.dialects].join("-") : "";
  console.log(`\nTabela em Markdown: ${writeMarkdown(title, partial)}`);
  if (failed) process.exitCode = 1;
}

await main();
