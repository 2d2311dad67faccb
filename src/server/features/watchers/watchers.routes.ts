import { errors } from "../../../shared/common.schemas.ts";
import { personCodeParam } from "../../../shared/persons.schemas.ts";
import { personWatchers, updateWatchPreferencesBody, watchPreferences } from "../../../shared/watchers.schemas.ts";
import type { AppContext } from "../../context.ts";
import { requireUser, userOnly } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import * as service from "./watchers.service.ts";

const tags = ["watchers"];

/** Spy System: who watches a person, watch and stop watching; each user's delivery choice. */
export function watchersRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/persons/:code/watchers",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Quem monitora a pessoa (Spy System), com a marca de quem sou eu",
        params: personCodeParam,
        response: { 200: personWatchers, ...errors(400, 401, 404) },
      },
    },
    async (request) => service.listPersonWatchers(ctx, requireUser(request), request.params.code),
  );
  app.put(
    "/persons/:code/watchers/me",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Passo a monitorar a pessoa: recebo e-mail a cada atendimento aberto, parecer ou encerramento",
        params: personCodeParam,
        response: { 200: personWatchers, ...errors(400, 401, 403, 404, 413, 415, 503) },
      },
    },
    async (request) => service.watchPerson(ctx, requireUser(request), request.params.code),
  );
  app.delete(
    "/persons/:code/watchers/me",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Deixo de monitorar a pessoa",
        params: personCodeParam,
        response: { 200: personWatchers, ...errors(400, 401, 403, 404, 413, 415, 503) },
      },
    },
    async (request) => service.unwatchPerson(ctx, requireUser(request), request.params.code),
  );
  app.get(
    "/me/watch-preferences",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Como recebo os avisos do monitoramento: na hora (immediate) ou num resumo diário (digest)",
        response: { 200: watchPreferences, ...errors(401) },
      },
    },
    async (request) => service.getWatchPreferences(ctx, requireUser(request)),
  );
  app.put(
    "/me/watch-preferences",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Escolhe a entrega dos avisos do monitoramento",
        body: updateWatchPreferencesBody,
        response: { 200: watchPreferences, ...errors(400, 401, 403, 413, 415, 503) },
      },
    },
    async (request) => service.setWatchPreferences(ctx, requireUser(request), request.body.delivery),
  );
}
