import os from "node:os";
import path from "node:path";

/**
 * Every knob of `npm run bench` / `npm run soak`, read once from the environment, so each
 * module sees the same values and the report can print them. Defaults are the sizes the
 * goals of issue 13 are stated at; a small-scale run sets the BENCH_* sizes down.
 */
export const ROOT = path.resolve(import.meta.dirname, "..");
export const BENCH_DIR = path.join(ROOT, ".bench");

const int = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name}: informe um inteiro ≥ 0 (recebido "${raw}")`);
  return n;
};

const list = (name: string, fallback: string): string[] =>
  (process.env[name] ?? fallback)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

const persons = int("BENCH_PERSONS", 1_000_000);
const tickets = int("BENCH_TICKETS", 1_000_000);
const connections = list("BENCH_CONNECTIONS", "1,10").map((c) => {
  const n = Number(c);
  if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_CONNECTIONS: "${c}" não é um número de conexões`);
  return n;
});

/** Parts of the bench: the figures, the 200-connection soak, the kill -9 loop, the imports. */
export type Part = "figures" | "soak" | "crash" | "import";
const PARTS: Part[] = ["figures", "soak", "crash", "import"];
const only = list("BENCH_ONLY", PARTS.join(","));
for (const p of only) if (!PARTS.includes(p as Part)) throw new Error(`BENCH_ONLY: "${p}" (use ${PARTS.join(", ")})`);
const parts = new Set(only as Part[]);
// The knob the bench had before BENCH_ONLY: still honoured.
if (process.env.BENCH_IMPORT === "0") parts.delete("import");

export const config = {
  persons,
  tickets,
  /** SQLite takes 10 M tickets in ~17 min; PostgreSQL gets BENCH_TICKETS. */
  sqliteTickets: int("BENCH_SQLITE_TICKETS", tickets),
  seconds: int("BENCH_SECONDS", 10),
  connections,
  dialects: list("BENCH_DIALECTS", "sqlite,postgres").filter((d): d is "sqlite" | "postgres" =>
    ["sqlite", "postgres"].includes(d),
  ),
  pgUrl: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  parts,
  /**
   * The worker count Vínculo is started with: passed through when set, else the server's own
   * default (one per core once VINCULO_WORKERS lands). The bench counts the processes it
   * really got, so the yardstick matches the server that ran, not the one we hoped for.
   */
  workers: process.env.VINCULO_WORKERS,
  expectedWorkers: int("VINCULO_WORKERS", os.availableParallelism()),
  soak: {
    connections: int("BENCH_SOAK_CONNECTIONS", 200),
    seconds: int("BENCH_SOAK_SECONDS", 60),
    /** The goal: RSS back within 10 % of idle this long after the load stops. */
    settleSeconds: int("BENCH_SOAK_SETTLE_SECONDS", 60),
    /** info: the server's own log gives each request's responseTime, matched to the slowest. */
    logLevel: process.env.BENCH_SOAK_LOG_LEVEL ?? "info",
    keepLog: process.env.BENCH_KEEP_LOG === "1",
  },
  crash: {
    /** kill -9 rounds inside `npm run bench` (`npm run soak` defaults to SOAK_ROUNDS). */
    rounds: int("BENCH_CRASH_ROUNDS", 3),
    writers: int("SOAK_WRITERS", 16),
    /** The crash loop's own small database: scale does not matter to durability. */
    persons: int("SOAK_PERSONS", 2000),
  },
  importRows: int("BENCH_IMPORT_ROWS", Math.min(1_000_000, persons * 5)),
  importPersons: int("BENCH_IMPORT_PERSONS", Math.min(10_000, persons)),
};

export type Dialect = "sqlite" | "postgres";
export const dialectName = (d: Dialect) => (d === "sqlite" ? "SQLite" : "PostgreSQL");
