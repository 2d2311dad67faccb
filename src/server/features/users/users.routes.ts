import { z } from "zod";
import { createUserBody, userRow } from "../../../shared/users.schemas.ts";
import type { AppContext } from "../../context.ts";
import { adminOnly } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import * as users from "./users.service.ts";

export function usersRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/users",
    {
      onRequest: adminOnly,
      schema: {
        tags: ["users"],
        summary: "Usuários (administradores)",
        response: { 200: z.object({ items: z.array(userRow), nextCursor: z.null() }) },
      },
    },
    async () => ({ items: await users.listUsers(ctx), nextCursor: null }),
  );
  app.post(
    "/users",
    {
      onRequest: adminOnly,
      schema: { tags: ["users"], summary: "Cria um usuário", body: createUserBody, response: { 201: userRow } },
    },
    async (request, reply) => reply.status(201).send(await users.createUser(ctx, request.body)),
  );
}
