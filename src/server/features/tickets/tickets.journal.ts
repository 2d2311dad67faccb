import { type Ticket, tabOfArea } from "../../../shared/tickets.schemas.ts";
import type { EventSpec, PersonRef } from "../audit/journal.ts";

/** What the audit log keeps of a ticket: its fields by value, references by id. */
export const auditedTicket = (t: Ticket) => ({
  number: t.number,
  area: t.area,
  status: t.status,
  subject: t.subject,
  typeId: t.type.id,
  sectorId: t.sector.id,
  productId: t.product?.id ?? null,
  responsibleUserId: t.responsible?.id ?? null,
  priority: t.priority,
  channel: t.channel,
  contactName: t.contactName,
  dueAt: t.dueAt,
  internalContactAt: t.internalContactAt,
  internalContactUserId: t.internalContactUser?.id ?? null,
  duplicatedFromId: t.duplicatedFrom?.id ?? null,
});

export const personOf = (row: { id: number; code: number }): PersonRef => ({ id: row.id, code: row.code });

/** A ticket event in its area's tab (Atendimentos or Produção). */
export const ticketEvent = (
  type: EventSpec["type"],
  ticket: { id: number; area: string },
  refs: Record<string, number> = {},
): EventSpec => ({
  type,
  area: tabOfArea(ticket.area as Ticket["area"]),
  refs: { ticketId: ticket.id, ...refs },
});
