import { z } from "zod";
import { errors, idParam } from "../../../shared/common.schemas.ts";
import {
  address,
  addressInput,
  categoryQuery,
  personCodeParam,
  updateAddressBody,
} from "../../../shared/persons.schemas.ts";
import type { AppContext } from "../../context.ts";
import { requireUser } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import * as addresses from "./addresses.service.ts";

export function addressesRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/persons/:code/addresses",
    {
      schema: {
        tags: ["addresses"],
        summary: "Endereços da pessoa (aba Endereços)",
        params: personCodeParam,
        querystring: categoryQuery,
        response: { 200: z.object({ items: z.array(address), nextCursor: z.null() }), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      items: await addresses.listAddresses(ctx, requireUser(request), request.params.code, request.query.category),
      nextCursor: null,
    }),
  );
  app.post(
    "/persons/:code/addresses",
    {
      schema: {
        tags: ["addresses"],
        summary: "Inclui um endereço",
        params: personCodeParam,
        querystring: categoryQuery,
        body: addressInput,
        response: { 201: address, ...errors(400, 401, 403, 404, 413, 415, 503) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addresses.createAddress(
            ctx,
            requireUser(request),
            request.params.code,
            request.body,
            request.query.category,
          ),
        ),
  );
  app.patch(
    "/addresses/:id",
    {
      schema: {
        tags: ["addresses"],
        summary: "Altera um endereço (com version)",
        params: idParam,
        querystring: categoryQuery,
        body: updateAddressBody,
        response: { 200: address, ...errors(400, 401, 403, 404, 412, 413, 415, 503) },
      },
    },
    async (request) =>
      addresses.updateAddress(ctx, requireUser(request), request.params.id, request.body, request.query.category),
  );
  app.delete(
    "/addresses/:id",
    {
      schema: {
        tags: ["addresses"],
        summary: "Remove um endereço",
        params: idParam,
        querystring: categoryQuery,
        response: { 204: z.null(), ...errors(400, 401, 403, 404, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      await addresses.deleteAddress(ctx, requireUser(request), request.params.id, request.query.category);
      return reply.status(204).send(null);
    },
  );
}
