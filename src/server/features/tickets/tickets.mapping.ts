import type {
  Channel,
  Priority,
  Ticket,
  TicketArea,
  TicketNote,
  TicketRef,
  TicketStatus,
  TicketSummary,
} from "../../../shared/tickets.schemas.ts";
import type { NoteRow, TicketDetailsRow, TicketViewRow } from "./tickets.repository.ts";

const ref = (id: number | null, name: string | null): TicketRef | null =>
  id === null ? null : { id, name: name ?? "" };

export function toSummary(r: TicketViewRow, now: Date): TicketSummary {
  return {
    id: r.id,
    number: r.number,
    person: { code: r.person_code, name: r.person_name },
    area: r.area as TicketArea,
    status: r.status as TicketStatus,
    subject: r.subject,
    type: { id: r.type_id, name: r.type_name },
    sector: { id: r.sector_id, name: r.sector_name },
    product: ref(r.product_id, r.product_name),
    responsible: ref(r.responsible_user_id, r.responsible_name),
    priority: r.priority as Priority,
    channel: r.channel as Channel | null,
    contactName: r.contact_name,
    openedAt: r.opened_at,
    openedBy: ref(r.opened_by, r.opened_by_name),
    dueAt: r.due_at,
    overdue: r.status === "open" && r.due_at < now.toISOString(),
    internalContactAt: r.internal_contact_at,
    internalContactUser: ref(r.internal_contact_user_id, r.internal_contact_user_name),
    closedAt: r.closed_at,
    noteCount: r.note_count,
    lastNoteAt: r.last_note_at,
    version: r.version,
  };
}

export function toTicket(r: TicketDetailsRow, now: Date, canWrite: boolean): Ticket {
  return {
    ...toSummary(r, now),
    closedBy: ref(r.closed_by, r.closed_by_name),
    duplicatedFrom:
      r.duplicated_from_id === null || r.duplicated_from_number === null
        ? null
        : { id: r.duplicated_from_id, number: r.duplicated_from_number },
    updatedAt: r.updated_at,
    canWrite,
  };
}

export const toNote = (r: NoteRow): TicketNote => ({
  id: r.id,
  ticketId: r.ticket_id,
  kind: r.kind as TicketNote["kind"],
  text: r.text,
  author: ref(r.author_id, r.author_name),
  createdAt: r.created_at,
});
