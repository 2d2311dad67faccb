import { normalizeSearchText } from "../../../shared/search-text.ts";
import { type CreateTicketBody, type Ticket, tabOfArea } from "../../../shared/tickets.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { fieldError } from "../../errors.ts";
import { personForTab } from "../access/access.service.ts";
import { attachDrafts } from "../attachments/attachments.link.service.ts";
import { inTransaction, recordChange } from "../audit/journal.ts";
import { notifyWatchers } from "../watchers/watchers.notify.service.ts";
import { assignableUser, ticketFor, ticketNotFound } from "./tickets.access.ts";
import { auditedTicket, personOf, ticketEvent } from "./tickets.journal.ts";
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
  return inTransaction(ctx, async (trx) => {
    const { row: person, categoryIds } = await personForTab(ctx, user, code, tab, "write", category, trx);
    const type = await repo.activeType(trx, body.typeId);
    if (!type) throw fieldError("typeId", "unknown_ticket_type");
    if (type.area !== body.area) {
      throw fieldError("typeId", type.area === "production" ? "production_type" : "service_type");
    }
    if (!(await repo.activeNamed(trx, "sectors", body.sectorId))) throw fieldError("sectorId", "unknown_sector");
    if (body.productId != null && !(await repo.activeNamed(trx, "products", body.productId))) {
      throw fieldError("productId", "unknown_product");
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
    const noteId = await repo.appendNote(
      trx,
      { ticketId: id, authorId: user.id, kind: "user", text: body.note, at },
      true,
    );
    if (noteId !== null && body.attachments?.length) {
      // The first parecer's files (uploaded beforehand as drafts) commit with the new ticket.
      await attachDrafts(
        trx,
        user,
        body.attachments,
        { target: "note", personId: person.id, ticketId: id, noteId },
        at,
      );
    }
    // Spy System: watchers hear of the new ticket in this same transaction.
    await notifyWatchers(trx, ctx, { ticketId: id, event: "created", actor: user, text: body.note });
    const ticket = await loadTicket(trx, id, now, true);
    recordChange(trx, ctx, {
      entity: "ticket",
      id,
      action: "create",
      person: personOf(person),
      after: { ...auditedTicket(ticket), note: body.note },
      events: [ticketEvent("ticket.created", ticket, noteId === null ? {} : { noteId })],
    });
    return ticket;
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
  return inTransaction(ctx, async (trx) => {
    const { row, person } = await ticketFor(ctx, user, id, "write", trx);
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
    const copy = await loadTicket(trx, newId, now, true);
    // One row: the copy, made from the original (whose own note says so).
    recordChange(trx, ctx, {
      entity: "ticket",
      id: newId,
      action: "duplicate",
      person: personOf(person.row),
      after: auditedTicket(copy),
      events: [ticketEvent("ticket.created", copy, { duplicatedFromId: row.id })],
    });
    return copy;
  });
}
