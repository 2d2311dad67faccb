import fs from "node:fs";
import path from "node:path";
import { buildApp, loggerOptions, WEB_DIST } from "./app.ts";
import type { Config } from "./config.ts";
import { type AppContext, closeContext, createContext } from "./context.ts";
import { createDb } from "./db/create-db.ts";
import { migrateToLatest } from "./db/migrate.ts";
import type { BusLog } from "./events/bus.ts";
import { startRetention } from "./features/audit/retention.service.ts";
import { purgeExpired } from "./features/auth/auth.service.ts";
import { onMailQueued } from "./features/mail/outbox.service.ts";
import { startMailWorker } from "./features/mail/outbox.worker.ts";
import { ensureFirstAdmin } from "./features/users/users.service.ts";
import { startWatchDigests } from "./features/watchers/watchers.digest.service.ts";
import { startWebhookWorker } from "./features/webhooks/webhooks.worker.ts";
import { seedDemo } from "./seed/demo.ts";
import type { Api } from "./types.ts";

export type Running = { app: Api; ctx: AppContext; close: () => Promise<void> };

type Log = { info: (msg: string) => void; warn: (msg: string) => void };

/**
 * What this process does besides answering requests. A single process does everything; with
 * VINCULO_WORKERS > 1 the cluster primary prepares the database once and exactly one worker runs
 * the background jobs (primary.ts).
 */
export type ServerRole = {
  /** Migrate, build the web bundle if missing, create the first administrator and the demo. */
  prepare: boolean;
  /** Run the mail worker, the Spy System digests and the session purge here. */
  jobs: boolean;
  /** The cluster worker id, when this process is one. */
  worker?: number;
};

const SINGLE_PROCESS: ServerRole = { prepare: true, jobs: true };

/** A queued message on a process without the mail worker wakes the one that has it. */
const MAIL_TOPIC = "mail.queued";

/** Builds the web bundle when a checkout has none yet (npm ci builds it; this covers a skipped postinstall). */
export async function ensureWebBuild(log: (msg: string) => void): Promise<void> {
  if (fs.existsSync(path.join(WEB_DIST, "index.html"))) return;
  log("Construindo a interface web (primeira execução)…");
  const { build } = await import("vite");
  await build({ configFile: path.resolve(import.meta.dirname, "../../vite.config.ts"), logLevel: "warn" });
}

/** Once per start of an installation: the first administrator and the demo company, when asked for. */
export async function seedFirstUsers(ctx: AppContext, log: Log): Promise<void> {
  const admin = await ensureFirstAdmin(ctx);
  if (admin === "created") log.info("Administrador 'admin' criado com a senha de VINCULO_ADMIN_PASSWORD.");
  const demo = ctx.config.demo ? await seedDemo(ctx) : null;
  if (demo?.persons) {
    log.info(
      `Empresa de demonstração carregada: ${demo.persons} pessoas; usuários ${demo.users.join(", ")} (senhas no README).`,
    );
  }
  if (admin === "missing" && !demo?.users.length) {
    log.warn(
      "Nenhum usuário cadastrado. Crie o administrador com `npx vinculo user create --admin admin` " +
        "ou reinicie com VINCULO_ADMIN_PASSWORD definida.",
    );
  }
}

/** The background jobs of an installation; in a cluster, only one worker runs them. */
function startJobs(ctx: AppContext, app: Api): () => Promise<void> {
  const purge = setInterval(
    () => {
      purgeExpired(ctx).catch((err: unknown) => app.log.warn({ err }, "session purge failed"));
    },
    10 * 60 * 1000,
  );
  purge.unref();
  // Delivers the outbox (mail queued by this or any other server on the same database).
  const mailWorker = startMailWorker(ctx, { intervalMs: ctx.config.mailPollMs, log: app.log });
  // Mail queued by a process without the worker: look as soon as it has most likely committed.
  const unsubscribe = ctx.bus.subscribe(MAIL_TOPIC, (_data, meta) => {
    if (meta.local) return;
    setTimeout(mailWorker.wake, 20).unref();
    setTimeout(mailWorker.wake, 300).unref();
  });
  // Spy System: the daily digests of finished days (claimed per user and day, so any number of servers may run it).
  const stopDigests = startWatchDigests(ctx, app.log);
  // The journal's retention: once a day, claimed like the digests, whichever server comes first.
  const stopRetention = startRetention(ctx, app.log);
  // Outbound webhooks: the journal's events, signed, to each registered receiver.
  const webhookWorker = startWebhookWorker(ctx, { log: app.log });
  return async () => {
    clearInterval(purge);
    unsubscribe();
    stopDigests();
    stopRetention();
    await mailWorker.stop();
    await webhookWorker.stop();
  };
}

export async function startServer(config: Config, role: ServerRole = SINGLE_PROCESS): Promise<Running> {
  const started = performance.now();
  const handle = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  // The app's logger exists only once the app does; the bus may warn before that.
  let app: Api | undefined;
  const busLog: BusLog = { warn: (obj, msg) => (app ? app.log.warn(obj, msg) : console.warn(msg, obj)) };
  const ctx = await createContext(handle, config, { log: busLog });
  if (role.prepare) {
    await migrateToLatest(handle);
    await ensureWebBuild((m) => console.log(m));
  }
  app = await buildApp(ctx, { logger: loggerOptions(config.logLevel), serveWeb: true });
  const log = app.log;
  if (role.prepare) await seedFirstUsers(ctx, { info: (m) => log.info(m), warn: (m) => log.warn(m) });

  await app.listen({ port: config.port, host: config.host });
  const stopJobs = role.jobs ? startJobs(ctx, app) : null;
  const stopMailRelay = role.jobs
    ? () => {}
    : onMailQueued(ctx, () => {
        ctx.bus.publish(MAIL_TOPIC, null).catch((err: unknown) => log.warn({ err }, "mail wake-up not sent"));
      });
  const where = config.publicUrl ?? `http://${config.host}:${config.port}`;
  if (role.worker === undefined) {
    log.info(
      { dialect: handle.dialect, startupMs: Math.round(performance.now() - started) },
      `Vínculo pronto em ${where} (${handle.dialect === "sqlite" ? `SQLite em ${handle.sqliteFile}` : "PostgreSQL"})`,
    );
  } else {
    log.info(
      { worker: role.worker, pid: process.pid, jobs: role.jobs, startupMs: Math.round(performance.now() - started) },
      role.jobs
        ? `Processo ${role.worker} atendendo, com as tarefas em segundo plano (e-mail, webhooks, resumos, limpeza de sessões)`
        : `Processo ${role.worker} atendendo`,
    );
  }

  return {
    app,
    ctx,
    close: async () => {
      stopMailRelay();
      await stopJobs?.();
      await app.close();
      await closeContext(ctx);
    },
  };
}
