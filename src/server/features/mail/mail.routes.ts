import { errors, idParam, listOf } from "../../../shared/common.schemas.ts";
import {
  emailRecipients,
  mailItem,
  outboxQuery,
  personEmailsQuery,
  sendEmailBody,
} from "../../../shared/mail.schemas.ts";
import { categoryQuery, personCodeParam } from "../../../shared/persons.schemas.ts";
import type { AppContext } from "../../context.ts";
import { adminOnly, requireUser, userOnly } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import { listOutbox, retryOutboxMessage } from "./outbox-admin.service.ts";
import { listPersonEmails, emailRecipients as recipientsOf, sendPersonEmail } from "./person-mail.service.ts";

const tags = ["mail"];

/** "Enviar e-mail" on the person screen, and the administrators' outbox. */
export function mailRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/persons/:code/email-recipients",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "E-mail principal da pessoa e sugestões (outros e-mails dela e de pessoas relacionadas)",
        params: personCodeParam,
        response: { 200: emailRecipients, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => recipientsOf(ctx, requireUser(request), request.params.code),
  );
  app.post(
    "/persons/:code/emails",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary:
          "Envia um e-mail à pessoa: vai para a fila de saída e é entregue em seguida (exige gravação em alguma aba da categoria)",
        params: personCodeParam,
        querystring: categoryQuery,
        body: sendEmailBody,
        response: { 201: mailItem, ...errors(400, 401, 403, 404, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      const sent = await sendPersonEmail(
        ctx,
        requireUser(request),
        request.params.code,
        request.body,
        request.query.category,
      );
      return reply.status(201).send(sent);
    },
  );
  app.get(
    "/persons/:code/emails",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "E-mails enviados à pessoa, mais recentes primeiro, com a situação de entrega",
        params: personCodeParam,
        querystring: personEmailsQuery,
        response: { 200: listOf(mailItem), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listPersonEmails(ctx, requireUser(request), request.params.code, request.query),
  );
  app.get(
    "/outbox",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Fila de saída de e-mails (administradores): na fila, enviados, com falha",
        querystring: outboxQuery,
        response: { 200: listOf(mailItem), ...errors(400, 401, 403) },
      },
    },
    async (request) => listOutbox(ctx, request.query),
  );
  app.post(
    "/outbox/:id/retry",
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: "Tenta de novo uma mensagem que falhou (volta para a fila)",
        params: idParam,
        response: { 200: mailItem, ...errors(400, 401, 403, 404, 409, 413, 415, 503) },
      },
    },
    async (request) => retryOutboxMessage(ctx, request.params.id),
  );
}
