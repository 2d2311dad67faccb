import cluster, { type Worker } from "node:cluster";
import pino from "pino";
import { loggerOptions } from "./app.ts";
import type { Config } from "./config.ts";
import { closeContext, createContext } from "./context.ts";
import { createDb } from "./db/create-db.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { startClusterRelay } from "./events/cluster-relay.ts";
import { ensureWebBuild, seedFirstUsers } from "./start.ts";

/** The worker's role, handed down in its environment (set by the primary, never by users). */
export const WORKER_JOBS_ENV = "VINCULO_WORKER_JOBS";

/** A worker that dies is replaced after this, doubled for each quick death in a row, up to the cap. */
const RESTART = { firstMs: 200, maxMs: 15_000, stableAfterMs: 30_000 };
/** How long workers get to finish their requests and close on SIGINT/SIGTERM. */
const STOP_TIMEOUT_MS = 15_000;

export type Primary = { stop: (signal: string) => Promise<number> };

/**
 * VINCULO_WORKERS > 1: this process prepares the database once (migrations, first administrator,
 * demo), then forks that many workers that share the port (node:cluster hands connections out).
 * On SQLite it relays the change bus between them (their caches stay exact). Exactly one worker
 * runs the background jobs; when it dies, its replacement takes them. A worker that dies is
 * replaced with backoff; one that fails before the first start completes fails the start.
 */
export async function startPrimary(config: Config): Promise<Primary> {
  const log = pino(loggerOptions(config.logLevel) as pino.LoggerOptions);
  const handle = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  // No worker runs yet: nobody caches anything this process could change.
  const ctx = await createContext(handle, config, { inProcessBus: true });
  try {
    await migrateToLatest(handle);
    await ensureWebBuild((m) => log.info(m));
    await seedFirstUsers(ctx, { info: (m) => log.info(m), warn: (m) => log.warn(m) });
  } finally {
    await closeContext(ctx);
  }

  const stopRelay = handle.dialect === "sqlite" ? startClusterRelay(log) : () => {};
  const started = performance.now();
  let stopping = false;
  let jobsWorker: Worker | null = null;
  let quickDeaths = 0;
  const bornAt = new Map<number, number>();
  const listening = new Set<number>();
  let allUp = false;

  let failStart: (error: Error) => void = () => {};
  let allListening: () => void = () => {};
  const up = new Promise<void>((resolve, reject) => {
    allListening = resolve;
    failStart = reject;
  });

  const fork = (jobs: boolean) => {
    const worker = cluster.fork({ [WORKER_JOBS_ENV]: jobs ? "1" : "0" });
    bornAt.set(worker.id, Date.now());
    if (jobs) jobsWorker = worker;
    return worker;
  };

  cluster.on("listening", (worker) => {
    listening.add(worker.id);
    if (!allUp && listening.size >= config.workers) {
      allUp = true;
      allListening();
    }
  });

  cluster.on("exit", (worker, code, signal) => {
    const hadJobs = jobsWorker === worker;
    if (hadJobs) jobsWorker = null;
    const wasListening = listening.delete(worker.id);
    const lived = Date.now() - (bornAt.get(worker.id) ?? Date.now());
    bornAt.delete(worker.id);
    if (stopping) return;
    if (!allUp && !wasListening) {
      // Port in use, database unreachable…: the worker said why; starting again would only repeat it.
      failStart(new Error(`o processo ${worker.id} terminou antes de atender (código ${code ?? signal})`));
      return;
    }
    quickDeaths = lived < RESTART.stableAfterMs ? quickDeaths + 1 : 0;
    const delay = Math.min(RESTART.firstMs * 2 ** Math.max(0, quickDeaths - 1), RESTART.maxMs);
    log.warn(
      { worker: worker.id, code, signal, restartInMs: delay, jobs: hadJobs },
      `Processo ${worker.id} terminou inesperadamente; outro começa em ${delay} ms`,
    );
    // The jobs go with the replacement of the worker that had them, and with no other.
    setTimeout(() => {
      if (!stopping) fork(hadJobs);
    }, delay).unref();
  });

  const stopWorkers = async (): Promise<void> => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
    const gone = Promise.all(
      workers.map((w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once("exit", () => resolve())))),
    );
    for (const w of workers) if (!w.isDead()) w.process.kill("SIGTERM");
    const timer = setTimeout(() => {
      for (const w of workers) if (!w.isDead()) w.process.kill("SIGKILL");
    }, STOP_TIMEOUT_MS);
    await gone;
    clearTimeout(timer);
    stopRelay();
  };

  for (let i = 0; i < config.workers; i += 1) fork(i === 0);
  try {
    await up;
  } catch (error) {
    await stopWorkers();
    throw error;
  }
  const where = config.publicUrl ?? `http://${config.host}:${config.port}`;
  log.info(
    { dialect: handle.dialect, workers: config.workers, startupMs: Math.round(performance.now() - started) },
    `Vínculo pronto em ${where} (${handle.dialect === "sqlite" ? `SQLite em ${handle.sqliteFile}` : "PostgreSQL"}; ${config.workers} processos)`,
  );

  return {
    stop: async (signal) => {
      log.info(`${signal}: encerrando ${config.workers} processos…`);
      await stopWorkers();
      return 0;
    },
  };
}
