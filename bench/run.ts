import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import { benchCriticalFactors } from "./critical-factors.ts";
import { benchImport } from "./import.ts";
import { BENCH_DIR, preparePostgres, prepareSqlite, type Target } from "./prepare.ts";

/**
 * `npm run bench`: builds scale databases once (.bench/ and PostgreSQL's
 * vinculo_bench_N), then measures with autocannon, from this process, servers
 * running in their own processes: a bare Fastify route as the yardstick, then
 * Vínculo's quick search and lookup by code, on SQLite and on PostgreSQL.
 * BENCH_PERSONS (1 000 000), BENCH_SECONDS (10), BENCH_CONNECTIONS (10).
 */
const PERSONS = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ROOT = path.resolve(import.meta.dirname, "..");

/** What people type in the magnifier: names with and without accents, pieces of documents, codes, e-mails, phones. */
const QUERIES = [
  "joao",
  "João Silva",
  "maria souza",
  "silva souza",
  "conceição",
  "araujo",
  "gonçalves pereira",
  "fernanda lima",
  "distribuidora",
  "transportes paulista",
  "comercio mineira",
  "ltda",
  "ana",
  "jo",
  "pedro santos",
  "leão",
  "529.982",
  "11222333",
  "exemplo.com.br",
  "@exemplo",
  "11 9",
  "98765",
  "000123",
  "123456",
  "cecília ramos",
  "d'avila",
];

type Measured = {
  label: string;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
};

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function measure(
  label: string,
  url: string,
  headers: Record<string, string>,
  nextPath: () => string,
): Promise<Measured> {
  const times: number[] = [];
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers,
    requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: nextPath() }) }],
  });
  // Without a callback autocannon returns an event emitter that is also a promise.
  (instance as unknown as import("node:events").EventEmitter).on(
    "response",
    (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime),
  );
  const result = await instance;
  times.sort((a, b) => a - b);
  const m = {
    label,
    reqPerSec: Math.round(result.requests.average),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors,
    non2xx: result.non2xx,
  };
  console.log(
    `${label.padEnd(38)} ${String(m.reqPerSec).padStart(7)} req/s   p50 ${m.p50.toFixed(2)} ms   p95 ${m.p95.toFixed(2)} ms   p99 ${m.p99.toFixed(2)} ms${m.non2xx || m.errors ? `   (non-2xx ${m.non2xx}, errors ${m.errors})` : ""}`,
  );
  return m;
}

async function startProcess(args: string[], env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/${args[0]?.includes("bare") ? "bare" : "api/health"}`);
      if (res.ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGTERM");
  throw new Error(`server ${args[0]} did not start`);
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/**
 * The person screen as the browser loads it: header, tabs and the first page of
 * open atendimentos, requested together; the time until all three have answered.
 */
async function measureScreen(
  label: string,
  url: string,
  headers: Record<string, string>,
  codes: number[],
): Promise<void> {
  const times: number[] = [];
  const deadline = Date.now() + SECONDS * 1000;
  let i = 0;
  const worker = async () => {
    while (Date.now() < deadline) {
      const code = codes[i++ % codes.length];
      const started = performance.now();
      const responses = await Promise.all(
        [
          `/api/persons/${code}`,
          `/api/persons/${code}/tabs`,
          `/api/persons/${code}/tickets?area=service&status=open&limit=20`,
        ].map((path) => fetch(url + path, { headers })),
      );
      await Promise.all(responses.map((r) => r.arrayBuffer()));
      if (responses.every((r) => r.ok)) times.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(38)} ${String(Math.round(times.length / SECONDS)).padStart(7)} telas/s  p50 ${percentile(times, 50).toFixed(2)} ms   p95 ${percentile(times, 95).toFixed(2)} ms   p99 ${percentile(times, 99).toFixed(2)} ms`,
  );
}

async function benchTarget(target: Target, bare: Measured): Promise<Measured[]> {
  const port = 3902;
  const server = await startProcess(["src/server/main.ts"], target.env, port);
  const headers = { authorization: `Bearer ${target.token}` };
  const url = `http://127.0.0.1:${port}`;
  let i = 0;
  const label = `${target.dialect} ${target.persons.toLocaleString("pt-BR")} pessoas`;
  try {
    // Warm the caches the way a working day does.
    await measure(
      `(aquecimento) ${label}`,
      url,
      headers,
      () => `/api/persons?q=${encodeURIComponent(QUERIES[i++ % QUERIES.length] as string)}&limit=20`,
    );
    const search = await measure(
      `busca rápida — ${label}`,
      url,
      headers,
      () => `/api/persons?q=${encodeURIComponent(QUERIES[i++ % QUERIES.length] as string)}&limit=20`,
    );
    const lookup = await measure(
      `pessoa por código — ${label}`,
      url,
      headers,
      () => `/api/persons/${target.codes[i++ % target.codes.length]}`,
    );
    console.log(
      `  pessoa por código = ${Math.round((lookup.reqPerSec / bare.reqPerSec) * 100)} % da rota Fastify pura`,
    );
    if (target.tickets) {
      const screen = `tela da pessoa — ${label}, ${target.tickets.toLocaleString("pt-BR")} atendimentos`;
      await measureScreen(screen, url, headers, target.codes);
      await benchCriticalFactors({
        url,
        headers,
        label: `${label}, ${target.tickets.toLocaleString("pt-BR")} atendimentos`,
        seconds: SECONDS,
        connections: CONNECTIONS,
        codes: target.codes,
      });
    }
    return [search, lookup];
  } finally {
    await stop(server);
  }
}

async function main() {
  console.log(
    `Vínculo bench: ${PERSONS.toLocaleString("pt-BR")} pessoas, ${CONNECTIONS} conexões, ${SECONDS} s por medida (dados em ${BENCH_DIR})`,
  );
  const targets: Target[] = [await prepareSqlite(PERSONS)];
  const pgTarget = await preparePostgres(PG_URL, PERSONS);
  if (pgTarget) targets.push(pgTarget);
  else console.log("PostgreSQL não respondeu: medindo só o SQLite.");

  const bareServer = await startProcess(["bench/bare-server.ts"], {}, 3901);
  let bare: Measured;
  try {
    await measure("(aquecimento) rota Fastify pura", "http://127.0.0.1:3901", {}, () => "/bare");
    bare = await measure("rota Fastify pura (referência)", "http://127.0.0.1:3901", {}, () => "/bare");
  } finally {
    await stop(bareServer);
  }
  for (const target of targets) await benchTarget(target, bare);
  // Imports: 1 M receivables into databases of their own (bench/import.ts); BENCH_IMPORT=0 skips.
  if (process.env.BENCH_IMPORT !== "0") await benchImport(PG_URL);
}

await main();
