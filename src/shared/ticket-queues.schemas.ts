import { z } from "zod";
import { isValidIsoDate } from "./calendar.ts";
import { decimalInt, listQuery } from "./common.schemas.ts";
import { noteText, priority, ticketArea, ticketStatus, ticketSummary } from "./tickets.schemas.ts";

/**
 * Ticket queues (issue 18): the Atendimentos and Produção pages across persons, their saved
 * views and bulk actions. The filter is one schema for the URL (the web keeps it in the query
 * string, so a queue is shareable), the API's query string and a saved view's body.
 */

export const QUEUE_DUE = ["overdue", "today", "week"] as const;
export type QueueDue = (typeof QUEUE_DUE)[number];

/**
 * Sorts: by due date (open tickets only: most urgent first), or by opening, newest or oldest
 * first. A closed queue sorted by due is served newest-opened first.
 */
export const QUEUE_SORTS = ["due", "opened_desc", "opened_asc"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** A calendar date that exists, from year 1 (zod's iso.date takes year 0, which the calendar helpers refuse). */
const calendarDate = z.iso
  .date({ message: "data no formato AAAA-MM-DD" })
  .refine(isValidIsoDate, { message: "data no formato AAAA-MM-DD, num dia que exista" });

/** "me", "none" (no responsible) or a user id. */
const whoFilter = z.union([z.literal("me"), z.literal("none"), decimalInt()]);

export const queueFilter = z.object({
  status: ticketStatus.default("open"),
  sectorId: decimalInt().optional(),
  typeId: decimalInt().optional(),
  productId: decimalInt().optional(),
  responsible: whoFilter.optional(),
  priority: priority.optional(),
  /** Overdue now, due today, or due by the end of this week (Sunday), in the company's time zone. */
  due: z.enum(QUEUE_DUE).optional(),
  /** Opened on or after / on or before these calendar dates (company time zone). */
  openedFrom: calendarDate.optional(),
  openedTo: calendarDate.optional(),
  /** Words of the subject, or the ticket number. */
  q: z.string().trim().max(100).default(""),
  sort: z.enum(QUEUE_SORTS).default("due"),
});
export type QueueFilter = z.infer<typeof queueFilter>;
export type QueueFilterInput = z.input<typeof queueFilter>;

export const queueQuery = listQuery.extend({ area: ticketArea.default("service") }).extend(queueFilter.shape);
export type QueueQuery = z.infer<typeof queueQuery>;

export const queuePage = z.object({ items: z.array(ticketSummary), nextCursor: z.string().nullable() });
export type QueuePage = z.infer<typeof queuePage>;

// ——— saved views ———

/** Counts of a view stop here ("1000+"): a count never walks a whole big queue. */
export const VIEW_COUNT_CAP = 1000;
export const VIEW_NAME_MAX = 80;

const viewName = z
  .string()
  .trim()
  .min(1, "informe o nome da visão")
  .max(VIEW_NAME_MAX, `no máximo ${VIEW_NAME_MAX} caracteres`);
const ref = z.object({ id: z.number().int(), name: z.string() });

export const ticketView = z.object({
  id: z.number().int(),
  name: z.string(),
  area: ticketArea,
  filters: queueFilter,
  owner: ref,
  /** Null: personal. */
  sharedProfile: ref.nullable(),
  /** The caller's own view (only the owner, or an administrator, changes it). */
  mine: z.boolean(),
  /** Tickets the caller sees in it now, up to VIEW_COUNT_CAP. */
  count: z.number().int(),
  countCapped: z.boolean(),
  version: z.number().int(),
});
export type TicketView = z.infer<typeof ticketView>;

export const ticketViewsQuery = z.object({ area: ticketArea.default("service") });

export const ticketViewsResponse = z.object({
  items: z.array(ticketView),
  /** The profiles the caller may share a view with (their own; every profile for an administrator). */
  profiles: z.array(ref),
});
export type TicketViewsResponse = z.infer<typeof ticketViewsResponse>;

export const createTicketViewBody = z.object({
  name: viewName,
  area: ticketArea,
  filters: queueFilter,
  sharedProfileId: z.number().int().positive().nullable().default(null),
});
export type CreateTicketViewBody = z.infer<typeof createTicketViewBody>;

export const updateTicketViewBody = z.object({
  name: viewName.optional(),
  filters: queueFilter.optional(),
  sharedProfileId: z.number().int().positive().nullable().optional(),
  version: z.number().int().positive(),
});
export type UpdateTicketViewBody = z.infer<typeof updateTicketViewBody>;

// ——— bulk actions ———

export const BULK_MAX = 100;

const positiveId = z.number().int().positive();

export const bulkAction = z.discriminatedUnion("kind", [
  /** Responsible user; null leaves the tickets without one. */
  z.object({ kind: z.literal("assign"), responsibleUserId: positiveId.nullable() }),
  z.object({ kind: z.literal("sector"), sectorId: positiveId }),
  z.object({ kind: z.literal("priority"), priority }),
  z.object({ kind: z.literal("note"), text: noteText }),
  z.object({ kind: z.literal("close"), text: noteText }),
]);
export type BulkAction = z.infer<typeof bulkAction>;

export const bulkBody = z.object({
  ticketIds: z
    .array(positiveId)
    .min(1, "selecione ao menos um atendimento")
    .max(BULK_MAX, `no máximo ${BULK_MAX} atendimentos de uma vez`)
    .refine((ids) => new Set(ids).size === ids.length, "atendimento repetido na seleção"),
  action: bulkAction,
});
export type BulkBody = z.infer<typeof bulkBody>;

export const bulkResult = z.object({
  changed: z.number().int(),
  tickets: z.array(z.object({ id: z.number().int(), number: z.number().int(), version: z.number().int() })),
});
export type BulkResult = z.infer<typeof bulkResult>;

/** One ticket the server refused, in the refusal's `details.refused` (nothing was changed). */
export type BulkRefusal = {
  ticketId: number;
  /** Null when the ticket does not exist for the caller. */
  number: number | null;
  code: string;
  reason: string | null;
  message: string;
  params?: Record<string, string | number>;
};
