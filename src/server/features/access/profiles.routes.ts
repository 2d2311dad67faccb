import { z } from "zod";
import { accessProfile, createAccessProfileBody, updateAccessProfileBody } from "../../../shared/access.schemas.ts";
import { errors, idParam } from "../../../shared/common.schemas.ts";
import type { AppContext } from "../../context.ts";
import { adminOnly } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import * as profiles from "./profiles.service.ts";

export function profilesRoutes(app: Api, ctx: AppContext): void {
  const tags = ["access-profiles"];
  app.get(
    "/access-profiles",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Perfis de acesso",
        response: { 200: z.object({ items: z.array(accessProfile) }), ...errors(401, 403) },
      },
    },
    async () => ({ items: await profiles.listProfiles(ctx) }),
  );
  app.post(
    "/access-profiles",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Cria um perfil: acessos categoria × aba × leitura/escrita",
        body: createAccessProfileBody,
        response: { 201: accessProfile, ...errors(400, 401, 403, 409, 413, 415, 503) },
      },
    },
    async (request, reply) => reply.status(201).send(await profiles.createProfile(ctx, request.body)),
  );
  app.patch(
    "/access-profiles/:id",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Altera um perfil (com version)",
        params: idParam,
        body: updateAccessProfileBody,
        response: { 200: accessProfile, ...errors(400, 401, 403, 404, 409, 412, 413, 415, 503) },
      },
    },
    async (request) => profiles.updateProfile(ctx, request.params.id, request.body),
  );
  app.delete(
    "/access-profiles/:id",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Remove um perfil",
        params: idParam,
        response: { 204: z.null(), ...errors(400, 401, 403, 404, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      await profiles.deleteProfile(ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
