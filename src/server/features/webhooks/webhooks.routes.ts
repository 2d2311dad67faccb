import { z } from "zod";
import { errors, idParam } from "../../../shared/common.schemas.ts";
import {
  createdWebhook,
  createWebhookBody,
  updateWebhookBody,
  webhook,
  webhookDeliveries,
  webhookDeliveriesQuery,
  webhookDelivery,
  webhookDeliveryParams,
} from "../../../shared/webhooks.schemas.ts";
import type { AppContext } from "../../context.ts";
import { adminOnly } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import * as webhooks from "./webhooks.service.ts";

/** Administração › Integrações: outbound webhooks, administrators only. */
export function webhooksRoutes(app: Api, ctx: AppContext): void {
  const tags = ["webhooks"];
  app.get(
    "/webhooks",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Webhooks cadastrados, com as entregas pendentes e falhas de cada um",
        response: { 200: z.object({ items: z.array(webhook) }), ...errors(401, 403) },
      },
    },
    async () => ({ items: await webhooks.listWebhooks(ctx) }),
  );
  app.post(
    "/webhooks",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Cadastra um webhook; o segredo de assinatura aparece só nesta resposta",
        body: createWebhookBody,
        response: { 201: createdWebhook, ...errors(400, 401, 403, 413, 415, 503) },
      },
    },
    async (request, reply) => reply.status(201).send(await webhooks.createWebhook(ctx, request.body)),
  );
  app.get(
    "/webhooks/:id",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Um webhook",
        params: idParam,
        response: { 200: webhook, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => webhooks.getWebhook(ctx, request.params.id),
  );
  app.patch(
    "/webhooks/:id",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Altera um webhook (endereço, eventos, usuário, ativo)",
        params: idParam,
        body: updateWebhookBody,
        response: { 200: webhook, ...errors(400, 401, 403, 404, 412, 413, 415, 503) },
      },
    },
    async (request) => webhooks.updateWebhook(ctx, request.params.id, request.body),
  );
  app.delete(
    "/webhooks/:id",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Remove um webhook e as suas entregas",
        params: idParam,
        response: { 204: z.null(), ...errors(400, 401, 403, 404, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      await webhooks.deleteWebhook(ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    "/webhooks/:id/secret",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Troca o segredo de assinatura; o novo aparece só nesta resposta",
        params: idParam,
        response: { 200: createdWebhook, ...errors(400, 401, 403, 404, 413, 415, 503) },
      },
    },
    async (request) => webhooks.rotateSecret(ctx, request.params.id),
  );
  app.get(
    "/webhooks/:id/deliveries",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Entregas de um webhook, as mais novas primeiro",
        params: idParam,
        querystring: webhookDeliveriesQuery,
        response: { 200: webhookDeliveries, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => webhooks.listDeliveries(ctx, request.params.id, request.query),
  );
  app.post(
    "/webhooks/:id/deliveries/:deliveryId/retry",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Envia uma entrega de novo, agora",
        params: webhookDeliveryParams,
        response: { 200: webhookDelivery, ...errors(400, 401, 403, 404, 409, 413, 415, 503) },
      },
    },
    async (request) => webhooks.retryDelivery(ctx, request.params.id, request.params.deliveryId),
  );
}
