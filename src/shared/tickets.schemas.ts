import { z } from "zod";
import { attachmentKeys } from "./attachments.schemas.ts";
import { decimalInt, listQuery } from "./common.schemas.ts";
import { workRefinement } from "./reasons/work.ts";

/** 'service' tickets live in the Atendimentos tab, 'production' ones in the Produção tab. */
export const TICKET_AREAS = ["service", "production"] as const;
export type TicketArea = (typeof TICKET_AREAS)[number];
export const ticketArea = z.enum(TICKET_AREAS);

export const TICKET_STATUSES = ["open", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const ticketStatus = z.enum(TICKET_STATUSES);

export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const priority = z.enum(PRIORITIES);
/** pt-BR labels, used by the server's automatic notes and offered to the web. */
export const PRIORITY_LABELS: Readonly<Record<Priority, string>> = {
  low: "baixa",
  normal: "normal",
  high: "alta",
  urgent: "urgente",
};

export const CHANNELS = ["phone", "email", "visit", "chat", "portal"] as const;
export type Channel = (typeof CHANNELS)[number];
export const channel = z.enum(CHANNELS);
export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  phone: "telefone",
  email: "e-mail",
  visit: "visita",
  chat: "chat",
  portal: "portal",
};

export const NOTE_KINDS = ["user", "system"] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const SUBJECT_MAX = 200;
export const NOTE_MAX = 20_000;

/** The person-screen tab whose grant governs tickets of an area. */
export const tabOfArea = (area: TicketArea) => (area === "production" ? "production" : "tickets");

const id = z.number().int().positive();
export const ticketSubject = z
  .string()
  .trim()
  .min(1, "informe o assunto")
  .max(SUBJECT_MAX, `no máximo ${SUBJECT_MAX} caracteres`);
/** A note is plain text, kept as typed (only the ends trimmed); the web shows it as text, never as HTML. */
export const noteText = z.string().trim().min(1, "escreva o parecer").max(NOTE_MAX, `no máximo ${NOTE_MAX} caracteres`);
/** ISO 8601 with a time zone ("2026-03-02T12:00:00Z", "…-03:00"); stored in UTC. */
export const isoDateTime = z.iso
  .datetime({ offset: true, message: "data e hora ISO 8601 com fuso, ex. 2026-03-02T14:30:00-03:00" })
  .transform((v) => new Date(v).toISOString());

const ref = z.object({ id: z.number().int(), name: z.string() });
export type TicketRef = z.infer<typeof ref>;

/** One line of a ticket list (the person's tab, "Meus atendimentos"). */
export const ticketSummary = z.object({
  id: z.number().int(),
  number: z.number().int(),
  person: z.object({ code: z.number().int(), name: z.string() }),
  area: ticketArea,
  status: ticketStatus,
  subject: z.string(),
  type: ref,
  sector: ref,
  product: ref.nullable(),
  responsible: ref.nullable(),
  priority,
  channel: channel.nullable(),
  contactName: z.string().nullable(),
  openedAt: z.string(),
  /** Null for tickets that came from an import or generated data. */
  openedBy: ref.nullable(),
  dueAt: z.string(),
  /** Open and past its due date (at the time of the request). */
  overdue: z.boolean(),
  internalContactAt: z.string().nullable(),
  internalContactUser: ref.nullable(),
  closedAt: z.string().nullable(),
  noteCount: z.number().int(),
  lastNoteAt: z.string().nullable(),
  version: z.number().int(),
});
export type TicketSummary = z.infer<typeof ticketSummary>;

/** Details: everything of the summary, and who closed it, what it duplicates, and whether this user may change it. */
export const ticket = ticketSummary.extend({
  closedBy: ref.nullable(),
  duplicatedFrom: z.object({ id: z.number().int(), number: z.number().int() }).nullable(),
  updatedAt: z.string(),
  canWrite: z.boolean(),
});
export type Ticket = z.infer<typeof ticket>;

export const ticketNote = z.object({
  id: z.number().int(),
  ticketId: z.number().int(),
  kind: z.enum(NOTE_KINDS),
  /** Plain text, exactly as stored. */
  text: z.string(),
  /** Who wrote it; for a system note, whose action wrote it; null for imported or generated notes. */
  author: ref.nullable(),
  createdAt: z.string(),
});
export type TicketNote = z.infer<typeof ticketNote>;

export const personTicketsQuery = listQuery.extend({
  area: ticketArea.default("service"),
  status: ticketStatus.default("open"),
  /** Words of the subject, or the ticket number. */
  q: z.string().trim().max(200).default(""),
  category: decimalInt().optional(),
});
export type PersonTicketsQuery = z.infer<typeof personTicketsQuery>;

export const createTicketBody = z.object({
  area: ticketArea,
  typeId: id,
  subject: ticketSubject,
  sectorId: id,
  productId: id.nullish(),
  /** Default: opened at + the type's days. */
  dueAt: isoDateTime.nullish(),
  /** Default: the type's priority. */
  priority: priority.optional(),
  channel: channel.nullish(),
  contactName: z
    .string()
    .trim()
    .max(120, "no máximo 120 caracteres")
    .nullish()
    .transform((v) => (v ? v : null)),
  responsibleUserId: id.nullish(),
  /** The first note (parecer) of the ticket. */
  note: noteText,
  /** Keys of the user's uploads (POST /api/uploads) that come with the first note. */
  attachments: attachmentKeys.optional(),
});
export type CreateTicketBody = z.infer<typeof createTicketBody>;

export const updateTicketBody = z
  .object({
    subject: ticketSubject.optional(),
    /** Null clears the internal contact (date and user). */
    internalContactAt: isoDateTime.nullable().optional(),
    internalContactUserId: id.nullable().optional(),
    responsibleUserId: id.nullable().optional(),
    sectorId: id.optional(),
    priority: priority.optional(),
    dueAt: isoDateTime.optional(),
    version: z.number().int().positive(),
  })
  .refine(
    (b) => Object.keys(b).some((k) => k !== "version" && b[k as keyof typeof b] !== undefined),
    workRefinement("nothing_to_change"),
  );
export type UpdateTicketBody = z.infer<typeof updateTicketBody>;

export const addNoteBody = z.object({
  text: noteText,
  /** Close the ticket with this note. */
  close: z.boolean().default(false),
  /** Optional: when sent, a stale version answers 412. */
  version: z.number().int().positive().optional(),
  /** Keys of the user's uploads (POST /api/uploads) that come with this note. */
  attachments: attachmentKeys.optional(),
});
export type AddNoteBody = z.infer<typeof addNoteBody>;

export const reopenTicketBody = z.object({
  text: noteText,
  version: z.number().int().positive().optional(),
});

export const noteWithTicket = z.object({ note: ticketNote, ticket });
