import Fastify from "fastify";

/** The yardstick: a bare Fastify JSON route on the same machine, in the same run. */
const app = Fastify({ logger: false });
app.get("/bare", async () => ({ code: 123, name: "Pessoa de Referência", document: "52998224725" }));
await app.listen({ port: Number(process.env.PORT ?? 3901), host: "127.0.0.1" });
process.on("SIGTERM", () => app.close().then(() => process.exit(0)));
