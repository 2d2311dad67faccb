import { errors, idParam, listOf, listQuery } from "../../../shared/common.schemas.ts";
import { categoryQuery, personCodeParam } from "../../../shared/persons.schemas.ts";
import {
  addNoteBody,
  createTicketBody,
  noteWithTicket,
  personTicketsQuery,
  reopenTicketBody,
  ticket,
  ticketNote,
  ticketSummary,
  updateTicketBody,
} from "../../../shared/tickets.schemas.ts";
import type { AppContext } from "../../context.ts";
import { requireUser, userOnly } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import { listMyTickets, listPersonTickets } from "./tickets.list.service.ts";
import { addNote, listNotes, reopenTicket } from "./tickets.notes.service.ts";
import { createTicket, duplicateTicket, getTicket } from "./tickets.service.ts";
import { updateTicket } from "./tickets.update.service.ts";

const tags = ["tickets"];
// onRequest: userOnly answers 401 before the body is validated, as the settings routes do.

/** Atendimentos and Produção: the same routes; the ticket's area picks the tab whose grant applies. */
export function ticketsRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/persons/:code/tickets",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Atendimentos (area=service) ou Produção (area=production) da pessoa, abertos ou encerrados",
        params: personCodeParam,
        querystring: personTicketsQuery,
        response: { 200: listOf(ticketSummary), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listPersonTickets(ctx, requireUser(request), request.params.code, request.query),
  );
  app.post(
    "/persons/:code/tickets",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Abre um atendimento com o primeiro parecer",
        params: personCodeParam,
        querystring: categoryQuery,
        body: createTicketBody,
        response: { 201: ticket, ...errors(400, 401, 403, 404, 409, 413, 415, 503) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createTicket(ctx, requireUser(request), request.params.code, request.body, request.query.category)),
  );
  app.get(
    "/tickets/:id",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Detalhes do atendimento",
        params: idParam,
        response: { 200: ticket, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getTicket(ctx, requireUser(request), request.params.id),
  );
  app.patch(
    "/tickets/:id",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary:
          "Altera assunto, contato interno, responsável, setor, prioridade ou vencimento (com version); deixa parecer automático",
        params: idParam,
        body: updateTicketBody,
        response: { 200: ticket, ...errors(400, 401, 403, 404, 409, 412, 413, 415, 503) },
      },
    },
    async (request) => updateTicket(ctx, requireUser(request), request.params.id, request.body),
  );
  app.get(
    "/tickets/:id/notes",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Histórico de pareceres, do mais antigo ao mais recente",
        params: idParam,
        querystring: listQuery,
        response: { 200: listOf(ticketNote), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listNotes(ctx, requireUser(request), request.params.id, request.query),
  );
  app.post(
    "/tickets/:id/notes",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Inclui um parecer (close: true encerra o atendimento); 409 se o atendimento estiver encerrado",
        params: idParam,
        body: addNoteBody,
        response: { 201: noteWithTicket, ...errors(400, 401, 403, 404, 409, 412, 413, 415, 503) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addNote(ctx, requireUser(request), request.params.id, request.body)),
  );
  app.post(
    "/tickets/:id/reopen",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Reabre um atendimento encerrado, com um parecer",
        params: idParam,
        body: reopenTicketBody,
        response: { 200: noteWithTicket, ...errors(400, 401, 403, 404, 409, 412, 413, 415, 503) },
      },
    },
    async (request) => reopenTicket(ctx, requireUser(request), request.params.id, request.body),
  );
  app.post(
    "/tickets/:id/duplicate",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Duplica o atendimento (novo número; o parecer automático indica a origem)",
        params: idParam,
        response: { 201: ticket, ...errors(400, 401, 403, 404, 409, 413, 415, 503) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await duplicateTicket(ctx, requireUser(request), request.params.id)),
  );
  app.get(
    "/my-tickets",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary:
          "Meus atendimentos: abertos sob minha responsabilidade ou com contato interno meu já vencido (só os que posso ver)",
        querystring: listQuery,
        response: { 200: listOf(ticketSummary), ...errors(400, 401) },
      },
    },
    async (request) => listMyTickets(ctx, requireUser(request), request.query),
  );
}
