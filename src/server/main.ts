import { ConfigError, loadConfig } from "./config.ts";
import { startServer } from "./start.ts";

/** `npm start`: one process that migrates, serves the API and the web app, and closes cleanly on a signal. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const running = await startServer(config);
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
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Vínculo não pôde iniciar: ${message}`);
  if ((error as { code?: string }).code === "EADDRINUSE")
    console.error("A porta já está em uso: defina outra com PORT=.");
  process.exit(1);
});
