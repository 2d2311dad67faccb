import { z } from "zod";
import { calendarFeedCreated, calendarFeedStatus } from "../../../shared/appointments.schemas.ts";
import { errors } from "../../../shared/common.schemas.ts";
import type { AppContext } from "../../context.ts";
import { requireUser, userOnly } from "../../plugins/auth.ts";
import { expectedOrigin } from "../../plugins/security.ts";
import type { Api } from "../../types.ts";
import { createFeed, feedStatus, renderFeed, revokeFeed } from "./calendar-feed.service.ts";

const tags = ["appointments"];

/** The private calendar feed: managed by its owner, read by calendar apps through the secret URL. */
export function calendarFeedRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/me/calendar-feed",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Se minha agenda privada (iCalendar) está ativa",
        response: { 200: calendarFeedStatus, ...errors(401) },
      },
    },
    async (request) => feedStatus(ctx, requireUser(request)),
  );
  app.post(
    "/me/calendar-feed",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Cria (ou recria, invalidando a anterior) a URL secreta da minha agenda; mostrada só agora",
        response: { 201: calendarFeedCreated, ...errors(400, 401, 403, 413, 415, 503) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createFeed(ctx, requireUser(request), expectedOrigin(ctx, request))),
  );
  app.delete(
    "/me/calendar-feed",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Revoga a URL da minha agenda",
        response: { 204: z.null(), ...errors(400, 401, 403, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      await revokeFeed(ctx, requireUser(request));
      return reply.status(204).send(null);
    },
  );
  app.get(
    "/calendar/:file",
    {
      schema: {
        tags,
        summary: "Agenda privada em iCalendar ({token}.ics), sem login: o segredo está na URL; 404 se revogada",
        params: z.object({ file: z.string().max(200) }),
        response: {
          200: { description: "A agenda em iCalendar", content: { "text/calendar": { schema: z.string() } } },
          ...errors(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const text = await renderFeed(ctx, request.params.file);
      return reply
        .header("Content-Type", "text/calendar; charset=utf-8")
        .header("Cache-Control", "private, max-age=300")
        .header("X-Robots-Tag", "noindex")
        .send(text);
    },
  );
}
