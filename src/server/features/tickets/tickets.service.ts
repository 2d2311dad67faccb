import { normalizeSearchText } from "../../../shared/search-text.ts";
import { type CreateTicketBody, type Ticket, tabOfArea } from "../../../shared/tickets.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { badRequest } from "../../errors.ts";
import { personForTab } from "../persons/persons.service.ts";
import { notifyWatchers } from "../watchers/watchers.notify.ts";
import { assignableUser, ticketFor, ticketNotFound } from "./tickets.access.ts";
import { toTicket } from "./tickets.mapping.ts";
import * as repo from "./tickets.repository.ts";
import { addDays, systemNote } from "./tickets.text.ts";

/** The ticket's details as this user sees them. */
export async function loadTicket(db: Executor, id: number, now: Date, canWrite: boolean): Promise<Ticket> {
  const row = await repo.ticketDetails(db, id);
  if (!row) throw ticketNotFound();
  return toTicket(row, now, canWrite);
}

export async function getTicket(ctx: AppContext, user: AuthUser, id: number): Promise<Ticket> {
  const { canWrite } = await ticketFor(ctx, user, id, "read");
  return loadTicket(ctx.db, id, ctx.now(), canWrite);
}

/** Opens a ticket for a person, with its first note; due date and priority default from the type. */
export async function createTicket(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  body: CreateTicketBody,
  category?: number,
): Promise<Ticket> {
  const now = ctx.now();
  const at = now.toISOString();
  const tab = tabOfArea(body.area);
  return ctx.db.transaction().execute(async (trx) => {
    const { row: person, categoryIds } = await personForTab(ctx, user, code, tab, "write", category, trx);
    const type = await repo.activeType(trx, body.typeId);
    if (!type) throw badRequest("typeId", "tipo de atendimento desconhecido ou inativo");
    if (type.area !== body.area) {
      throw badRequest(
        "typeId",
        type.area === "production"
          ? "este tipo é de Produção; escolha um tipo de Atendimentos"
          : "este tipo é de Atendimentos; escolha um tipo de Produção",
      );
    }
    if (!(await repo.activeNamed(trx, "sectors", body.sectorId))) {
      throw badRequest("sectorId", "setor desconhecido ou inativo");
    }
    if (body.productId != null && !(await repo.activeNamed(trx, "products", body.productId))) {
      throw badRequest("productId", "produto desconhecido ou inativo");
    }
    if (body.responsibleUserId != null) {
      await assignableUser(trx, "responsibleUserId", body.responsibleUserId, categoryIds, tab);
    }
    const number = await repo.nextTicketNumber(trx);
    const id = await repo.insertTicket(trx, {
      number,
      person_id: person.id,
      area: body.area,
      type_id: type.id,
      subject: body.subject,
      search_text: normalizeSearchText(body.subject),
      product_id: body.productId ?? null,
      sector_id: body.sectorId,
      responsible_user_id: body.responsibleUserId ?? null,
      priority: body.priority ?? type.default_priority,
      contact_name: body.contactName,
      channel: body.channel ?? null,
      status: "open",
      opened_at: at,
      opened_by: user.id,
      due_at: body.dueAt ?? addDays(at, type.days_to_due),
      updated_at: at,
    });
    await repo.appendNote(trx, { ticketId: id, authorId: user.id, kind: "user", text: body.note, at }, true);
    // Spy System: watchers hear of the new ticket in this same transaction.
    await notifyWatchers(trx, ctx, { ticketId: id, event: "created", actor: user, text: body.note });
    return loadTicket(trx, id, now, true);
  });
}

/**
 * A new ticket with the main data of the original (person, area, type, subject, sector, product,
 * priority, responsible, contact), a new number and due date; each ticket gets a note naming the
 * other. The original may be closed: the note on it records a fact, it does not continue it.
 */
export async function duplicateTicket(ctx: AppContext, user: AuthUser, id: number): Promise<Ticket> {
  const now = ctx.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await ticketFor(ctx, user, id, "write", trx);
    const type = await repo.typeById(trx, row.type_id);
    const number = await repo.nextTicketNumber(trx);
    const newId = await repo.insertTicket(trx, {
      number,
      person_id: row.person_id,
      area: row.area,
      type_id: row.type_id,
      subject: row.subject,
      search_text: row.search_text,
      product_id: row.product_id,
      sector_id: row.sector_id,
      responsible_user_id: row.responsible_user_id,
      priority: row.priority,
      contact_name: row.contact_name,
      channel: row.channel,
      status: "open",
      opened_at: at,
      opened_by: user.id,
      due_at: addDays(at, type.days_to_due),
      duplicated_from_id: row.id,
      updated_at: at,
    });
    const note = (ticketId: number, text: string) =>
      repo.appendNote(trx, { ticketId, authorId: user.id, kind: "system", text, at }, false);
    await note(newId, systemNote.duplicatedFrom(row.number));
    await note(row.id, systemNote.duplicatedTo(number));
    await notifyWatchers(trx, ctx, {
      ticketId: newId,
      event: "created",
      actor: user,
      text: systemNote.duplicatedFrom(row.number),
    });
    return loadTicket(trx, newId, now, true);
  });
}
