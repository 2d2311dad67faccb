import { z } from "zod";
import { errors, idParam } from "../../../shared/common.schemas.ts";
import {
  bulkBody,
  bulkResult,
  createTicketViewBody,
  queuePage,
  queueQuery,
  ticketView,
  ticketViewsQuery,
  ticketViewsResponse,
  updateTicketViewBody,
} from "../../../shared/ticket-queues.schemas.ts";
import type { AppContext } from "../../context.ts";
import { requireUser, userOnly } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import { bulkTickets } from "./tickets.bulk.service.ts";
import { listQueue } from "./tickets.queue.service.ts";
import { createView, deleteView, listViews, updateView } from "./tickets.views.service.ts";

const tags = ["ticket-queues"];

/** The Atendimentos and Produção pages across persons: the queue, its saved views, bulk actions. */
export function ticketQueuesRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/ticket-queues",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary:
          "Fila de atendimentos (area=service) ou de produção (area=production) de todas as pessoas que posso ver, com filtros",
        querystring: queueQuery,
        response: { 200: queuePage, ...errors(400, 401) },
      },
    },
    async (request) => listQueue(ctx, requireUser(request), request.query),
  );
  app.post(
    "/ticket-queues/bulk",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary:
          "Ação em lote nos atendimentos escolhidos (responsável, setor, prioridade, parecer, encerrar): tudo ou nada, com a lista do que foi recusado e por quê",
        body: bulkBody,
        response: { 200: bulkResult, ...errors(400, 401, 403, 404, 409, 412, 413, 415, 503) },
      },
    },
    async (request) => bulkTickets(ctx, requireUser(request), request.body),
  );
  app.get(
    "/ticket-views",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Visões salvas da fila (minhas e as compartilhadas com meus perfis), com a contagem de cada uma",
        querystring: ticketViewsQuery,
        response: { 200: ticketViewsResponse, ...errors(400, 401) },
      },
    },
    async (request) => listViews(ctx, requireUser(request), request.query.area),
  );
  app.post(
    "/ticket-views",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Salva uma visão da fila (pessoal, ou compartilhada com um dos meus perfis)",
        body: createTicketViewBody,
        response: { 201: ticketView, ...errors(400, 401, 403, 413, 415, 503) },
      },
    },
    async (request, reply) => reply.status(201).send(await createView(ctx, requireUser(request), request.body)),
  );
  app.patch(
    "/ticket-views/:id",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Altera uma visão minha (nome, filtro, compartilhamento), com version",
        params: idParam,
        body: updateTicketViewBody,
        response: { 200: ticketView, ...errors(400, 401, 403, 404, 412, 413, 415, 503) },
      },
    },
    async (request) => updateView(ctx, requireUser(request), request.params.id, request.body),
  );
  app.delete(
    "/ticket-views/:id",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Remove uma visão minha",
        params: idParam,
        response: { 204: z.null(), ...errors(400, 401, 403, 404, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      await deleteView(ctx, requireUser(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
