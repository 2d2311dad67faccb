import multipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  attachBody,
  attachment,
  attachmentKeyParam,
  attachmentList,
  attachmentsQuery,
  contentQuery,
  MAX_FILES_PER_REQUEST,
  uploadLimits,
} from "../../../shared/attachments.schemas.ts";
import { errors, idParam, listOf } from "../../../shared/common.schemas.ts";
import { personCodeParam } from "../../../shared/persons.schemas.ts";
import type { AppContext } from "../../context.ts";
import { fail } from "../../errors.ts";
import { requireUser, userOnly } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import { openContent, openThumbnail } from "./attachments.content.service.ts";
import {
  attachToAppointment,
  attachToPerson,
  attachToTicket,
  deleteAttachment,
  getAttachment,
  listAppointmentFiles,
  listPersonDocuments,
  listTicketFiles,
} from "./attachments.service.ts";
import { uploadLimits as limitsOf, receiveUploads, type UploadPart } from "./attachments.upload.service.ts";

const tags = ["attachments"];

/** The download's content, as OpenAPI says it: bytes of the type decided at upload. */
const fileResponse = (description: string) => ({
  description,
  content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } },
});

const contentLengthOf = (request: FastifyRequest): number | undefined => {
  const raw = request.headers["content-length"];
  return typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : undefined;
};

export function attachmentsRoutes(app: Api, ctx: AppContext): void {
  // multipart/form-data in a scope of its own: only the upload route takes it, streamed file by
  // file (never buffered); any other body there is refused with the upload's own 415.
  app.register(async (scope) => {
    await scope.register(multipart, {
      // The name as the client sent it, path and all: shown as given, cleaned where it is used (names.ts).
      preservePath: true,
      throwFileSizeLimit: true,
      limits: {
        fileSize: ctx.config.maxUploadBytes,
        files: MAX_FILES_PER_REQUEST,
        fields: 10,
        parts: MAX_FILES_PER_REQUEST + 10,
        fieldSize: 1024,
        fieldNameSize: 100,
        headerPairs: 100,
      },
    });
    scope.addContentTypeParser("*", (_request, _payload, done) => done(null));
    const api = scope.withTypeProvider<ZodTypeProvider>();
    api.post(
      "/uploads",
      {
        onRequest: userOnly,
        schema: {
          tags,
          summary: `Envia até ${MAX_FILES_PER_REQUEST} arquivos (multipart/form-data); cada um vira um rascunho seu, a anexar pela chave`,
          description:
            "O tipo é decidido pelo conteúdo (não pelo nome nem pelo navegador) e precisa estar entre os permitidos; o tamanho por arquivo é VINCULO_MAX_UPLOAD_MB. Tudo ou nada: um arquivo recusado recusa o envio. Rascunhos não anexados em 24 horas são removidos.",
          response: { 201: attachmentList, ...errors(400, 401, 403, 413, 415, 503) },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        if (!request.isMultipart()) throw fail("unsupported_media_type", "upload_multipart_only");
        const items = await receiveUploads(ctx, user, {
          parts: request.parts() as AsyncIterable<UploadPart>,
          contentLength: contentLengthOf(request),
        });
        return reply.status(201).send({ items });
      },
    );
  });

  app.get(
    "/uploads/limits",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Limites de envio: tamanho por arquivo, arquivos por envio, tipos aceitos e a cota de rascunhos",
        response: { 200: uploadLimits, ...errors(401) },
      },
    },
    async (request) => limitsOf(ctx, requireUser(request)),
  );

  app.get(
    "/attachments/:key",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Dados de um arquivo (nome, tamanho, tipo, quem anexou); visível quando aquilo a que pertence é",
        params: attachmentKeyParam,
        response: { 200: attachment, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getAttachment(ctx, requireUser(request), request.params.key),
  );

  app.get(
    "/attachments/:key/content",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "O arquivo: download (attachment); imagens e PDF também inline (?disposition=inline)",
        params: attachmentKeyParam,
        querystring: contentQuery,
        response: { 200: fileResponse("O conteúdo, do tipo decidido no envio"), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const download = await openContent(ctx, requireUser(request), request.params.key, request.query.disposition);
      // A stream (or bytes), not the JSON the schema types: the documented 200 is binary.
      return reply.headers(download.headers).send(download.body as unknown as string);
    },
  );

  app.get(
    "/attachments/:key/thumbnail",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Miniatura de uma imagem (WebP, até 320 px), feita no primeiro pedido e guardada",
        params: attachmentKeyParam,
        response: { 200: fileResponse("A miniatura (image/webp)"), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const thumb = await openThumbnail(ctx, requireUser(request), request.params.key);
      return reply.headers(thumb.headers).send(thumb.body as unknown as string);
    },
  );

  app.delete(
    "/attachments/:key",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary:
          "Remove um arquivo (um rascunho seu, ou de um atendimento, agendamento ou pessoa com permissão de escrita); os de pareceres e e-mails ficam",
        params: attachmentKeyParam,
        response: { 204: z.null(), ...errors(400, 401, 403, 404, 409, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      await deleteAttachment(ctx, requireUser(request), request.params.key);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/tickets/:id/attachments",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Arquivos do atendimento e dos seus pareceres (noteId), na ordem em que foram anexados",
        params: idParam,
        querystring: attachmentsQuery,
        response: { 200: listOf(attachment), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listTicketFiles(ctx, requireUser(request), request.params.id, request.query),
  );
  app.post(
    "/tickets/:id/attachments",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Anexa rascunhos enviados ao atendimento (aberto)",
        params: idParam,
        body: attachBody,
        response: { 201: attachmentList, ...errors(400, 401, 403, 404, 409, 413, 415, 503) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await attachToTicket(ctx, requireUser(request), request.params.id, request.body)),
  );

  app.get(
    "/appointments/:id/attachments",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Arquivos do agendamento",
        params: idParam,
        querystring: attachmentsQuery,
        response: { 200: listOf(attachment), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listAppointmentFiles(ctx, requireUser(request), request.params.id, request.query),
  );
  app.post(
    "/appointments/:id/attachments",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Anexa rascunhos enviados ao agendamento",
        params: idParam,
        body: attachBody,
        response: { 201: attachmentList, ...errors(400, 401, 403, 404, 409, 413, 415, 503) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await attachToAppointment(ctx, requireUser(request), request.params.id, request.body)),
  );

  app.get(
    "/persons/:code/attachments",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Documentos da pessoa, com quem anexou e quando",
        params: personCodeParam,
        querystring: attachmentsQuery,
        response: { 200: listOf(attachment), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listPersonDocuments(ctx, requireUser(request), request.params.code, request.query),
  );
  app.post(
    "/persons/:code/attachments",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Anexa rascunhos enviados aos Documentos da pessoa (quem pode alterar o cabeçalho)",
        params: personCodeParam,
        body: attachBody,
        response: { 201: attachmentList, ...errors(400, 401, 403, 404, 409, 413, 415, 503) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await attachToPerson(ctx, requireUser(request), request.params.code, request.body)),
  );
}
