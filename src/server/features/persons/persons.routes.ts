import { personTabsResponse } from "../../../shared/access.schemas.ts";
import { errors, listOf } from "../../../shared/common.schemas.ts";
import {
  categoryQuery,
  createPersonBody,
  person,
  personCodeParam,
  personSearchHit,
  personSearchQuery,
  updatePersonBody,
} from "../../../shared/persons.schemas.ts";
import type { AppContext } from "../../context.ts";
import { requireUser } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import * as persons from "./persons.service.ts";

export function personsRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/persons",
    {
      schema: {
        tags: ["persons"],
        summary: "Busca rápida: código, nome, nome curto, CPF/CNPJ, e-mail ou telefone (só pessoas visíveis)",
        querystring: personSearchQuery,
        response: { 200: listOf(personSearchHit), ...errors(400, 401) },
      },
    },
    async (request) => persons.searchPersons(ctx, requireUser(request), request.query),
  );
  app.post(
    "/persons",
    {
      schema: {
        tags: ["persons"],
        summary: "Cadastra uma pessoa",
        body: createPersonBody,
        response: { 201: person, ...errors(400, 401, 403, 409, 413, 415, 503) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await persons.createPerson(ctx, requireUser(request), request.body)),
  );
  app.get(
    "/persons/:code",
    {
      schema: {
        tags: ["persons"],
        summary: "Cabeçalho da pessoa: categorias, características, e-mails, telefones",
        params: personCodeParam,
        response: { 200: person, ...errors(400, 401, 404) },
      },
    },
    async (request) => persons.getPerson(ctx, requireUser(request), request.params.code),
  );
  app.patch(
    "/persons/:code",
    {
      schema: {
        tags: ["persons"],
        summary: "Altera a pessoa (com version; 412 se outra pessoa alterou antes)",
        params: personCodeParam,
        body: updatePersonBody,
        response: { 200: person, ...errors(400, 401, 403, 404, 409, 412, 413, 415, 503) },
      },
    },
    async (request) => persons.updatePerson(ctx, requireUser(request), request.params.code, request.body),
  );
  app.get(
    "/persons/:code/tabs",
    {
      schema: {
        tags: ["persons"],
        summary: "Abas que este usuário vê para a categoria escolhida, com leitura/escrita",
        params: personCodeParam,
        querystring: categoryQuery,
        response: { 200: personTabsResponse, ...errors(400, 401, 404) },
      },
    },
    async (request) => persons.personTabs(ctx, requireUser(request), request.params.code, request.query.category),
  );
}
