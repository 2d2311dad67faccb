import { z } from "zod";
import { apiToken, createApiTokenBody, createdApiToken } from "../../../shared/auth.schemas.ts";
import { errors, idParam } from "../../../shared/common.schemas.ts";
import type { AppContext } from "../../context.ts";
import { adminOnly, requireAdmin } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import * as tokens from "./tokens.service.ts";

export function tokensRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/tokens",
    {
      onRequest: adminOnly,
      schema: {
        tags: ["tokens"],
        summary: "Tokens de API (administradores)",
        response: { 200: z.object({ items: z.array(apiToken) }), ...errors(401, 403) },
      },
    },
    async () => ({ items: await tokens.listTokens(ctx) }),
  );
  app.post(
    "/tokens",
    {
      onRequest: adminOnly,
      schema: {
        tags: ["tokens"],
        summary: "Cria um token de API; o segredo aparece só nesta resposta",
        body: createApiTokenBody,
        response: { 201: createdApiToken, ...errors(400, 401, 403, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      const admin = requireAdmin(request);
      const created = await tokens.createToken(ctx, { ...request.body, createdBy: admin.id });
      return reply.status(201).send(created);
    },
  );
  app.delete(
    "/tokens/:id",
    {
      onRequest: adminOnly,
      schema: {
        tags: ["tokens"],
        summary: "Revoga um token de API",
        params: idParam,
        response: { 200: apiToken, ...errors(400, 401, 403, 404, 413, 415, 503) },
      },
    },
    async (request) => tokens.revokeToken(ctx, request.params.id),
  );
}
