import { z } from "zod";
import { decimalInt, errors } from "../../../shared/common.schemas.ts";
import {
  categoryQuery,
  createRelatedBody,
  personCode,
  personCodeParam,
  relatedPerson,
  relatedQuery,
} from "../../../shared/persons.schemas.ts";
import type { AppContext } from "../../context.ts";
import { requireUser } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import * as related from "./related.service.ts";

export function relatedRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/persons/:code/related",
    {
      schema: {
        tags: ["related"],
        summary: "Pessoas relacionadas, dos dois lados de cada vínculo; filtro por código, nome ou nome curto",
        params: personCodeParam,
        querystring: relatedQuery.extend(categoryQuery.shape),
        response: {
          200: z.object({ items: z.array(relatedPerson), nextCursor: z.null() }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request) => ({
      items: await related.listRelated(
        ctx,
        requireUser(request),
        request.params.code,
        request.query.q,
        request.query.category,
      ),
      nextCursor: null,
    }),
  );
  app.post(
    "/persons/:code/related",
    {
      schema: {
        tags: ["related"],
        summary: "Relaciona outra pessoa",
        params: personCodeParam,
        querystring: categoryQuery,
        body: createRelatedBody,
        response: { 201: relatedPerson, ...errors(400, 401, 403, 404, 409, 413, 415, 503) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await related.linkPerson(
            ctx,
            requireUser(request),
            request.params.code,
            request.body,
            request.query.category,
          ),
        ),
  );
  app.delete(
    "/persons/:code/related/:linkId",
    {
      schema: {
        tags: ["related"],
        summary: "Desfaz um relacionamento",
        params: z.object({ code: personCode, linkId: decimalInt() }),
        querystring: categoryQuery,
        response: { 204: z.null(), ...errors(400, 401, 403, 404, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      const { code, linkId } = request.params;
      await related.unlinkPerson(ctx, requireUser(request), code, linkId, request.query.category);
      return reply.status(204).send(null);
    },
  );
}
