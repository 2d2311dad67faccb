import cluster from "node:cluster";
import { ConfigError, loadConfig } from "./config.ts";
import { startPrimary, WORKER_JOBS_ENV } from "./primary.ts";
import { startServer } from "./start.ts";

/**
 * `npm start` and `vinculo start`. VINCULO_WORKERS=1: one process that migrates, serves the API
 * and the web app, and runs the background jobs. More (the default: one per core): a cluster
 * primary (primary.ts) and that many workers on one port. Either way it closes cleanly on
 * SIGINT/SIGTERM, and never rejects: a failure to start is printed in plain words and ends the
 * process with status 1.
 */
export async function runServer(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const config = loadConfig(env);
    let stop: (signal: string) => Promise<number>;
    if (cluster.isWorker) {
      const running = await startServer(config, {
        prepare: false,
        jobs: env[WORKER_JOBS_ENV] === "1",
        worker: cluster.worker?.id ?? 0,
      });
      stop = async () => {
        await running.close();
        return 0;
      };
    } else if (config.workers > 1) {
      stop = (await startPrimary(config)).stop;
    } else {
      const running = await startServer(config);
      stop = async (signal) => {
        running.app.log.info(`${signal}: encerrando…`);
        await running.close();
        return 0;
      };
    }
    let closing = false;
    const onSignal = (signal: string) => {
      if (closing) return;
      closing = true;
      stop(signal).then(
        (code) => process.exit(code),
        (err: unknown) => {
          console.error(err);
          process.exit(1);
        },
      );
    };
    process.on("SIGINT", () => onSignal("SIGINT"));
    process.on("SIGTERM", () => onSignal("SIGTERM"));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Vínculo não pôde iniciar: ${message}`);
    if ((error as { code?: string }).code === "EADDRINUSE")
      console.error("A porta já está em uso: defina outra com PORT=.");
    process.exit(1);
  }
}
