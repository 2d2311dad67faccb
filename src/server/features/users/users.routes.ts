import { z } from "zod";
import { errors, idParam } from "../../../shared/common.schemas.ts";
import { createUserBody, resetPasswordBody, updateUserBody, userRow } from "../../../shared/users.schemas.ts";
import type { AppContext } from "../../context.ts";
import { adminOnly, requireAdmin } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import * as users from "./users.service.ts";

export function usersRoutes(app: Api, ctx: AppContext): void {
  const tags = ["users"];
  app.get(
    "/users",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Usuários (administradores)",
        response: { 200: z.object({ items: z.array(userRow), nextCursor: z.null() }), ...errors(401, 403) },
      },
    },
    async () => ({ items: await users.listUsers(ctx), nextCursor: null }),
  );
  app.post(
    "/users",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Cria um usuário",
        body: createUserBody,
        response: { 201: userRow, ...errors(400, 401, 403, 409, 413, 415, 503) },
      },
    },
    async (request, reply) => reply.status(201).send(await users.createUser(ctx, request.body)),
  );
  app.patch(
    "/users/:id",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Altera um usuário: perfis, pessoa vinculada, ativo, administrador (com version)",
        params: idParam,
        body: updateUserBody,
        response: { 200: userRow, ...errors(400, 401, 403, 404, 409, 412, 413, 415, 503) },
      },
    },
    async (request) => users.updateUser(ctx, requireAdmin(request), request.params.id, request.body),
  );
  app.post(
    "/users/:id/password",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Redefine a senha de um usuário (encerra as sessões dele)",
        params: idParam,
        body: resetPasswordBody,
        response: { 204: z.null(), ...errors(400, 401, 403, 404, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      await users.resetPassword(ctx, request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  );
}
