import { z } from "zod";
import { errors } from "../../../shared/common.schemas.ts";
import { liveQuery } from "../../../shared/live.schemas.ts";
import type { AppContext } from "../../context.ts";
import { requireUser, SESSION_COOKIE, userOnly } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import * as service from "./live.service.ts";

const tags = ["live"];

/** The live screens: one Server-Sent Events stream per browser tab (see live.service.ts). */
export function liveRoutes(app: Api, ctx: AppContext): void {
  const hub = service.createLiveHub(ctx);
  // Before the server waits for its connections to end: an open stream never ends by itself.
  app.addHook("preClose", async () => hub.close());
  app.get(
    "/events",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary:
          "Eventos ao vivo (Server-Sent Events): `change` com ids do que mudou e o usuário pode ver; `reset` = recarregue tudo; retoma após Last-Event-ID",
        querystring: liveQuery,
        response: {
          200: {
            description: "O fluxo text/event-stream, aberto até o cliente sair ou a sessão acabar",
            content: { "text/event-stream": { schema: z.string() } },
          },
          ...errors(400, 401),
        },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const header = request.headers.authorization;
      const credentials: service.Credentials =
        request.authVia === "token" && header
          ? { via: "token", token: header.replace(/^Bearer\s+/i, "") }
          : { via: "session", secret: request.cookies[SESSION_COOKIE] ?? "" };
      const resume = service.resumeIdOf(request.headers["last-event-id"], request.query.lastEventId);
      const start = await service.startOf(ctx, resume);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        "x-content-type-options": "nosniff",
        // Proxies (nginx) must pass each event on at once.
        "x-accel-buffering": "no",
        // Never reused after the stream: the socket goes with it (a closing server waits for no one).
        connection: "close",
      });
      raw.flushHeaders();
      const end = service.runStream(ctx, hub, {
        credentials,
        start,
        sink: {
          write: (chunk) => {
            if (!raw.writableEnded) raw.write(chunk);
          },
          end: () => {
            if (!raw.writableEnded) raw.end();
          },
        },
      });
      raw.once("close", end);
      // A client that left while the stream was being set up: its "close" has already passed.
      if (raw.destroyed) end();
    },
  );
}
