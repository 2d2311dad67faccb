import { normalizeSearchText } from "../../../shared/search-text.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Trx } from "../../db/types.ts";
import { recordChange } from "../audit/journal.ts";
import { notifyWatchers } from "../watchers/watchers.notify.service.ts";
import { auditedTicket, ticketEvent } from "./tickets.journal.ts";
import * as repo from "./tickets.repository.ts";
import { loadTicket } from "./tickets.service.ts";
import { addDays } from "./tickets.text.ts";

/**
 * Tickets the server opens by itself (the collection rules, a broken promise to pay): no user
 * asked, so there is no access check; the caller's transaction (opened with the journal's
 * `inTransaction`) holds the ticket with what caused it. The first note says why it was opened;
 * watchers hear of it like of any other ticket.
 */

/** Who the server is in watchers' e-mails and the note's author: nobody (id 0, excluded from nothing). */
const SYSTEM: AuthUser = { id: 0, username: "sistema", name: "Vínculo (cobrança)", email: "", isAdmin: true };

export type SystemTicket = {
  person: { id: number; code: number };
  typeId: number;
  sectorId: number;
  subject: string;
  note: string;
  /** Default: the opening plus the type's days. */
  dueAt?: string;
  responsibleUserId?: number | null;
};

/** Opens the ticket, or answers null when its type or sector is no longer active. */
export async function openSystemTicket(
  trx: Trx,
  ctx: AppContext,
  t: SystemTicket,
): Promise<{ id: number; number: number } | null> {
  const [type, sector] = await Promise.all([
    repo.activeType(trx, t.typeId),
    repo.activeNamed(trx, "sectors", t.sectorId),
  ]);
  if (!type || !sector) return null;
  const now = ctx.now();
  const at = now.toISOString();
  const number = await repo.nextTicketNumber(trx);
  const subject = t.subject.slice(0, 200);
  const id = await repo.insertTicket(trx, {
    number,
    person_id: t.person.id,
    area: type.area,
    type_id: type.id,
    subject,
    search_text: normalizeSearchText(subject),
    product_id: null,
    sector_id: sector.id,
    responsible_user_id: t.responsibleUserId ?? null,
    priority: type.default_priority,
    contact_name: null,
    channel: null,
    status: "open",
    opened_at: at,
    opened_by: null,
    due_at: t.dueAt ?? addDays(at, type.days_to_due),
    updated_at: at,
  });
  const noteId = await repo.appendNote(trx, { ticketId: id, authorId: null, kind: "system", text: t.note, at }, true);
  await notifyWatchers(trx, ctx, { ticketId: id, event: "created", actor: SYSTEM, text: t.note });
  const ticket = await loadTicket(trx, id, now, true);
  recordChange(trx, ctx, {
    entity: "ticket",
    id,
    action: "create",
    person: t.person,
    after: { ...auditedTicket(ticket), note: t.note },
    events: [ticketEvent("ticket.created", ticket, noteId === null ? {} : { noteId })],
  });
  return { id, number };
}
