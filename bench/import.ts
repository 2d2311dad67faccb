import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import "../src/shared/zod-locale.ts";
import { buildApp } from "../src/server/app.ts";
import { withContext } from "../src/server/cli/common.ts";
import { progressBar } from "../src/server/cli/progress.ts";
import type { AppContext } from "../src/server/context.ts";
import { runImport } from "../src/server/features/imports/imports.service.ts";
import { createToken } from "../src/server/features/tokens/tokens.service.ts";
import { createUser } from "../src/server/features/users/users.service.ts";
import { seedScale } from "../src/server/seed/scale.ts";
import type { ImportSummary } from "../src/shared/imports.schemas.ts";
import { BENCH_DIR, config } from "./config.ts";
import { fmtInt } from "./load.ts";
import { add, printTable, verdict } from "./table.ts";

/**
 * Import throughput (part of `npm run bench`, or alone: `node --import tsx bench/import.ts`):
 * a JSON-lines file of BENCH_IMPORT_ROWS receivables (1 000 000, or 5 per BENCH_PERSONS in a
 * small-scale run) for BENCH_IMPORT_PERSONS generated persons (10 000), imported through the import service as `vinculo import` does —
 * first into an empty table (inserts), then the same file again (the idempotent re-run: every
 * line compared, nothing written) — and then both again through POST /api/import/receivables
 * (a server in this process, streamed from the file). Each database is made fresh for the
 * measure: SQLite under .bench/import-sqlite, PostgreSQL in the database vinculo_bench_import.
 */
const ROWS = config.importRows;
const PERSONS = config.importPersons;
/** rows/s the imports were held to when they were built (README, Desempenho). */
const GOALS = { SQLite: 50_000, PostgreSQL: 20_000 };

function row(db: "SQLite" | "PostgreSQL", figure: string, rate: number, summary: ImportSummary): void {
  add({
    db,
    figure: `import of ${fmtInt(ROWS)} receivables: ${figure}`,
    goal: `≥ ${fmtInt(GOALS[db])} rows/s`,
    measured: `${fmtInt(rate)} rows/s (inserted ${fmtInt(summary.inserted)}, unchanged ${fmtInt(summary.unchanged)}, rejected ${summary.rejectedTotal})`,
    holds: verdict(rate >= GOALS[db], summary.rejectedTotal),
  });
}
const FILE = path.join(BENCH_DIR, `receivables-${ROWS}.ndjson`);

/** The file, written once: receivables spread over person codes 1..PERSONS, a third settled. */
function writeFile(): void {
  if (fs.existsSync(FILE)) return;
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const out = fs.openSync(`${FILE}.tmp`, "w");
  let buffer: string[] = [];
  for (let i = 1; i <= ROWS; i++) {
    const month = String(1 + (i % 12)).padStart(2, "0");
    const day = String(1 + (i % 28)).padStart(2, "0");
    const settled = i % 3 === 0;
    buffer.push(
      JSON.stringify({
        externalId: `TIT-${i}`,
        personCode: 1 + (i % PERSONS),
        documentNumber: `NF ${100000 + Math.floor(i / 3)}`,
        installment: `${1 + (i % 3)}/3`,
        issueDate: `2025-${month}-${day}`,
        dueDate: `2026-${month}-${day}`,
        amountCents: 1000 + ((i * 7919) % 500000),
        interestCents: i % 5 === 0 ? 250 : 0,
        ...(settled
          ? { paidCents: 1000 + ((i * 7919) % 500000), settledAt: `2026-${month}-${day}`, paymentMethod: "PIX" }
          : {}),
      }),
    );
    if (buffer.length === 10_000) {
      fs.writeSync(out, `${buffer.join("\n")}\n`);
      buffer = [];
    }
  }
  if (buffer.length) fs.writeSync(out, `${buffer.join("\n")}\n`);
  fs.closeSync(out);
  fs.renameSync(`${FILE}.tmp`, FILE);
}

async function importOnce(ctx: AppContext, label: string): Promise<{ summary: ImportSummary; rate: number }> {
  const size = fs.statSync(FILE).size;
  const bar = progressBar(label);
  const started = performance.now();
  const summary = await runImport(ctx, {
    entity: "receivables",
    format: "ndjson",
    input: fs.createReadStream(FILE, { highWaterMark: 1024 * 1024 }),
    userId: null,
    source: "cli",
    fileName: path.basename(FILE),
    onBytes: (bytes) => bar(bytes, size),
  });
  const seconds = (performance.now() - started) / 1000;
  const rate = Math.round(summary.records / seconds);
  console.log(
    `${label.padEnd(38)} ${String(rate).padStart(7)} linhas/s  (${seconds.toFixed(1)} s; inseridos ${summary.inserted}, atualizados ${summary.updated}, inalterados ${summary.unchanged}, recusados ${summary.rejectedTotal})`,
  );
  return { summary, rate };
}

/** The same file through POST /api/import/receivables (a server in this process, an admin's API token). */
async function importHttp(
  url: string,
  token: string,
  label: string,
): Promise<{ summary: ImportSummary; rate: number }> {
  const started = performance.now();
  const res = await fetch(`${url}/api/import/receivables`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/x-ndjson" },
    body: fs.createReadStream(FILE, { highWaterMark: 1024 * 1024 }) as unknown as ReadableStream,
    duplex: "half",
  } as RequestInit);
  const summary = (await res.json()) as ImportSummary;
  const seconds = (performance.now() - started) / 1000;
  if (!res.ok) throw new Error(`${label}: ${res.status} ${JSON.stringify(summary)}`);
  const rate = Math.round(summary.records / seconds);
  console.log(
    `${label.padEnd(38)} ${String(rate).padStart(7)} linhas/s  (${seconds.toFixed(1)} s; inseridos ${summary.inserted}, atualizados ${summary.updated}, inalterados ${summary.unchanged})`,
  );
  return { summary, rate };
}

async function measure(ctx: AppContext, label: "SQLite" | "PostgreSQL"): Promise<void> {
  await seedScale(ctx.handle, PERSONS, progressBar(`${label}: pessoas`));
  const insert = await importOnce(ctx, `importação ${label} (inserindo)`);
  row(label, "service, inserting", insert.rate, insert.summary);
  const again = await importOnce(ctx, `importação ${label} (reimportando)`);
  row(label, "service, the same file again", again.rate, again.summary);

  // Through the HTTP endpoint, on an empty table again.
  await ctx.db.deleteFrom("receivables").execute();
  const admin = await createUser(ctx, {
    username: "bench-import",
    name: "Importador",
    email: "importador@exemplo.com.br",
    password: "bench-import-1",
    isAdmin: true,
  });
  const { token } = await createToken(ctx, { userId: admin.id, name: "bench", createdBy: null });
  const app = await buildApp(ctx);
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    const insert = await importHttp(url, token, `POST /api/import ${label} (inserindo)`);
    row(label, "POST /api/import, inserting", insert.rate, insert.summary);
    const again = await importHttp(url, token, `POST /api/import ${label} (reimportando)`);
    row(label, "POST /api/import, again", again.rate, again.summary);
  } finally {
    await app.close();
  }
}

/**
 * A service context on the given database, opened (and migrated) the way the CLI opens one, so
 * the bench does not have to know what a context holds today.
 */
async function withDatabase(env: Record<string, string>, fn: (ctx: AppContext) => Promise<void>): Promise<void> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    await withContext(fn);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

export async function benchImport(pgBaseUrl: string): Promise<void> {
  console.log(
    `Importação: ${ROWS.toLocaleString("pt-BR")} títulos a receber (JSON lines) para ${PERSONS.toLocaleString("pt-BR")} pessoas`,
  );
  writeFile();
  const dataDir = path.join(BENCH_DIR, "import-sqlite");
  fs.rmSync(dataDir, { recursive: true, force: true });
  try {
    await withDatabase({ VINCULO_DATA_DIR: dataDir, DATABASE_URL: "" }, (ctx) => measure(ctx, "SQLite"));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const admin = new pg.Client({ connectionString: pgBaseUrl });
  try {
    await admin.connect();
  } catch {
    console.log("PostgreSQL não respondeu: importação medida só no SQLite.");
    return;
  }
  await admin.query("drop database if exists vinculo_bench_import");
  await admin.query("create database vinculo_bench_import");
  const url = new URL(pgBaseUrl);
  url.pathname = "/vinculo_bench_import";
  try {
    await withDatabase({ VINCULO_DATA_DIR: BENCH_DIR, DATABASE_URL: url.toString() }, (ctx) =>
      measure(ctx, "PostgreSQL"),
    );
  } finally {
    await admin.query("drop database if exists vinculo_bench_import");
    await admin.end();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  await benchImport(config.pgUrl);
  printTable("Vínculo imports");
}
