import cluster from "node:cluster";
import Fastify from "fastify";

/**
 * The yardstick: a bare Fastify JSON route on the same machine, in the same run, started the
 * way Vínculo runs — BARE_WORKERS processes under node:cluster on one port when Vínculo has
 * workers, one plain process when it has none — so a ratio compares like with like.
 */
const workers = Number(process.env.BARE_WORKERS ?? 1);
const port = Number(process.env.PORT ?? 3901);

if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  let closing = false;
  cluster.on("exit", () => {
    if (!closing) process.exitCode = 1;
  });
  process.on("SIGTERM", () => {
    closing = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
    cluster.disconnect(() => process.exit(0));
  });
} else {
  const app = Fastify({ logger: false });
  app.get("/bare", async () => ({ code: 123, name: "Pessoa de Referência", document: "52998224725" }));
  await app.listen({ port, host: "127.0.0.1" });
  process.on("SIGTERM", () => app.close().then(() => process.exit(0)));
}
