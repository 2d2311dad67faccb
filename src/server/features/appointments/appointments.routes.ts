import {
  agendaQuery,
  agendaResponse,
  appointment,
  appointmentWithOverlaps,
  assigneesResponse,
  createAppointmentBody,
  deleteAppointmentBody,
  lockAppointmentBody,
  markDoneBody,
  personAppointmentsQuery,
  updateAppointmentBody,
} from "../../../shared/appointments.schemas.ts";
import { errors, idParam, listOf } from "../../../shared/common.schemas.ts";
import { categoryQuery, personCodeParam } from "../../../shared/persons.schemas.ts";
import type { AppContext } from "../../context.ts";
import { requireUser, userOnly } from "../../plugins/auth.ts";
import type { Api } from "../../types.ts";
import { deleteAppointment, lockAppointment, markDone, unlockAppointment } from "./appointments.actions.service.ts";
import { listAgenda, listAssignees, listPersonAppointments } from "./appointments.list.service.ts";
import { createAppointment, getAppointment, updateAppointment } from "./appointments.service.ts";

const tags = ["appointments"];
// onRequest: userOnly answers 401 before the body is validated, as the other routes do.

/** Agendamentos: the person's tab, each appointment and its actions, and the agenda. */
export function appointmentsRoutes(app: Api, ctx: AppContext): void {
  app.get(
    "/persons/:code/appointments",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Agendamentos da pessoa, abertos ou realizados; anteriores e excluídos só quando pedidos",
        params: personCodeParam,
        querystring: personAppointmentsQuery,
        response: { 200: listOf(appointment), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listPersonAppointments(ctx, requireUser(request), request.params.code, request.query),
  );
  app.post(
    "/persons/:code/appointments",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Cria um agendamento (pode ser no passado); overlaps avisa de outros do responsável no mesmo horário",
        params: personCodeParam,
        querystring: categoryQuery,
        body: createAppointmentBody,
        response: { 201: appointmentWithOverlaps, ...errors(400, 401, 403, 404, 409, 413, 415, 503) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createAppointment(ctx, requireUser(request), request.params.code, request.body, request.query.category),
        ),
  );
  app.get(
    "/appointments",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Agenda: agendamentos numa janela de até 62 dias, de todos que posso ver, de um usuário ou meus",
        querystring: agendaQuery,
        response: { 200: agendaResponse, ...errors(400, 401) },
      },
    },
    async (request) => listAgenda(ctx, requireUser(request), request.query),
  );
  app.get(
    "/appointments/assignees",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Usuários ativos, para o filtro da agenda",
        response: { 200: assigneesResponse, ...errors(401) },
      },
    },
    async () => listAssignees(ctx),
  );
  app.get(
    "/appointments/:id",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Detalhes do agendamento",
        params: idParam,
        response: { 200: appointment, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getAppointment(ctx, requireUser(request), request.params.id),
  );
  app.patch(
    "/appointments/:id",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary:
          "Altera um agendamento (com version ou If-Match); 409 se passado, realizado ou excluído, 423 se bloqueado por outro",
        params: idParam,
        body: updateAppointmentBody,
        response: { 200: appointmentWithOverlaps, ...errors(400, 401, 403, 404, 409, 412, 413, 415, 423, 503) },
      },
    },
    async (request) => updateAppointment(ctx, requireUser(request), request.params.id, request.body),
  );
  app.delete(
    "/appointments/:id",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary:
          "Exclui (mantido para o filtro de excluídos) com o motivo; 409 se realizado, 423 se bloqueado por outro",
        params: idParam,
        body: deleteAppointmentBody,
        response: { 200: appointment, ...errors(400, 401, 403, 404, 409, 412, 413, 415, 423, 503) },
      },
    },
    async (request) => deleteAppointment(ctx, requireUser(request), request.params.id, request.body),
  );
  app.post(
    "/appointments/:id/done",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary:
          "Marca como realizado, com o resultado; addNoteToTicket o registra como parecer no atendimento vinculado",
        params: idParam,
        body: markDoneBody,
        response: { 200: appointment, ...errors(400, 401, 403, 404, 409, 412, 413, 415, 423, 503) },
      },
    },
    async (request) => markDone(ctx, requireUser(request), request.params.id, request.body),
  );
  app.post(
    "/appointments/:id/lock",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Bloqueia o agendamento, com o motivo; 423 se já bloqueado por outro",
        params: idParam,
        body: lockAppointmentBody,
        response: { 200: appointment, ...errors(400, 401, 403, 404, 409, 412, 413, 415, 423, 503) },
      },
    },
    async (request) => lockAppointment(ctx, requireUser(request), request.params.id, request.body),
  );
  app.delete(
    "/appointments/:id/lock",
    {
      onRequest: userOnly,
      schema: {
        tags,
        summary: "Desbloqueia (quem bloqueou ou um administrador; 423 para os demais)",
        params: idParam,
        response: { 200: appointment, ...errors(400, 401, 403, 404, 409, 412, 413, 415, 423, 503) },
      },
    },
    async (request) => unlockAppointment(ctx, requireUser(request), request.params.id),
  );
}
