import { ConfigError, loadConfig } from "./config.ts";
import { startServer } from "./start.ts";

/**
 * `npm start` and `vinculo start`: one process that migrates, serves the API and the
 * web app, and closes cleanly on SIGINT/SIGTERM. Never rejects: a failure to start
 * is printed in plain words and ends the process with status 1.
 */
export async function runServer(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const running = await startServer(loadConfig(env));
    let closing = false;
    const stop = (signal: string) => {
      if (closing) return;
      closing = true;
      running.app.log.info(`${signal}: encerrando…`);
      running.close().then(
        () => process.exit(0),
        (err: unknown) => {
          console.error(err);
          process.exit(1);
        },
      );
    };
    process.on("SIGINT", () => stop("SIGINT"));
    process.on("SIGTERM", () => stop("SIGTERM"));
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
