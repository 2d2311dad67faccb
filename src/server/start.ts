import fs from "node:fs";
import path from "node:path";
import { buildApp, loggerOptions, WEB_DIST } from "./app.ts";
import type { Config } from "./config.ts";
import type { AppContext } from "./context.ts";
import { createDb } from "./db/create-db.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { purgeExpired } from "./features/auth/auth.service.ts";
import { startMailWorker } from "./features/mail/outbox.worker.ts";
import { ensureFirstAdmin } from "./features/users/users.service.ts";
import { startWatchDigests } from "./features/watchers/watchers.digest.ts";
import { seedDemo } from "./seed/demo.ts";
import type { Api } from "./types.ts";

export type Running = { app: Api; ctx: AppContext; close: () => Promise<void> };

/** Builds the web bundle when a checkout has none yet (npm ci builds it; this covers a skipped postinstall). */
async function ensureWebBuild(log: (msg: string) => void): Promise<void> {
  if (fs.existsSync(path.join(WEB_DIST, "index.html"))) return;
  log("Construindo a interface web (primeira execução)…");
  const { build } = await import("vite");
  await build({ configFile: path.resolve(import.meta.dirname, "../../vite.config.ts"), logLevel: "warn" });
}

export async function startServer(config: Config): Promise<Running> {
  const started = performance.now();
  const handle = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const ctx: AppContext = { db: handle.db, dialect: handle.dialect, handle, config, now: () => new Date() };
  await migrateToLatest(handle);

  const app = await (async () => {
    await ensureWebBuild((m) => console.log(m));
    return buildApp(ctx, { logger: loggerOptions(config.logLevel), serveWeb: true });
  })();

  const admin = await ensureFirstAdmin(ctx);
  if (admin === "created") app.log.info("Administrador 'admin' criado com a senha de VINCULO_ADMIN_PASSWORD.");
  const demo = config.demo ? await seedDemo(ctx) : null;
  if (demo?.persons) {
    app.log.info(
      `Empresa de demonstração carregada: ${demo.persons} pessoas; usuários ${demo.users.join(", ")} (senhas no README).`,
    );
  }
  if (admin === "missing" && !demo?.users.length) {
    app.log.warn(
      "Nenhum usuário cadastrado. Crie o administrador com `npx vinculo user create --admin admin` " +
        "ou reinicie com VINCULO_ADMIN_PASSWORD definida.",
    );
  }

  const purge = setInterval(
    () => {
      purgeExpired(ctx).catch((err: unknown) => app.log.warn({ err }, "session purge failed"));
    },
    10 * 60 * 1000,
  );
  purge.unref();

  await app.listen({ port: config.port, host: config.host });
  // Delivers the outbox (mail queued by this or any other server on the same database).
  const mailWorker = startMailWorker(ctx, { intervalMs: config.mailPollMs, log: app.log });
  // Spy System: the daily digests of finished days (claimed per user and day, so any number of servers may run it).
  const stopDigests = startWatchDigests(ctx, app.log);
  const where = config.publicUrl ?? `http://${config.host}:${config.port}`;
  app.log.info(
    { dialect: handle.dialect, startupMs: Math.round(performance.now() - started) },
    `Vínculo pronto em ${where} (${handle.dialect === "sqlite" ? `SQLite em ${handle.sqliteFile}` : "PostgreSQL"})`,
  );

  return {
    app,
    ctx,
    close: async () => {
      clearInterval(purge);
      stopDigests();
      await mailWorker.stop();
      await app.close();
      await handle.close();
    },
  };
}
