import { type ExpressionBuilder, sql } from "kysely";
import type { QueueSort } from "../../../shared/ticket-queues.schemas.ts";
import type { Priority, TicketArea } from "../../../shared/tickets.schemas.ts";
import type { Database, Executor, TicketsTable } from "../../db/types.ts";
import { type AreaVisibility, type TicketsEb, ticketVisible } from "../../db/visibility.ts";
import { type TicketViewRow, viewQuery } from "./tickets.repository.ts";

/**
 * The SQL of the ticket queues (Atendimentos and Produção across persons): one area, open or
 * closed, the filters of shared/ticket-queues.schemas.ts, only tickets the user may see. Open
 * tickets by due walk tickets_open_due (hence `status = 'open'` as a literal: the partial index's
 * predicate), by opening tickets_queue_opened (0017-ticket-views); keyset pages, never OFFSET.
 */

export type QueueWhere = {
  area: TicketArea;
  status: "open" | "closed";
  visibility: AreaVisibility;
  sectorId?: number | undefined;
  typeId?: number | undefined;
  productId?: number | undefined;
  /** A user id, or null for "no responsible". */
  responsible?: number | null | undefined;
  priority?: Priority | undefined;
  /** Due in [dueFrom, dueTo) (either end open). */
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  openedFrom?: string | undefined;
  openedTo?: string | undefined;
  terms: string[];
  number: number | null;
};

/** Sort as served: a closed queue by due is newest-opened first (its index). */
export type ServedSort = QueueSort;

export type QueueCursor = { at: string; id: number };

type Eb = ExpressionBuilder<Database & { t: TicketsTable }, "t">;

function filtered<Q extends ReturnType<typeof viewQuery>>(query: Q, w: QueueWhere): Q {
  let q = query
    .where("t.area", "=", w.area)
    .where("t.status", "=", sql.lit(w.status))
    .where((eb) => ticketVisible(eb as unknown as TicketsEb, w.visibility)) as Q;
  if (w.sectorId !== undefined) q = q.where("t.sector_id", "=", w.sectorId) as Q;
  if (w.typeId !== undefined) q = q.where("t.type_id", "=", w.typeId) as Q;
  if (w.productId !== undefined) q = q.where("t.product_id", "=", w.productId) as Q;
  if (w.responsible === null) q = q.where("t.responsible_user_id", "is", null) as Q;
  else if (w.responsible !== undefined) q = q.where("t.responsible_user_id", "=", w.responsible) as Q;
  if (w.priority !== undefined) q = q.where("t.priority", "=", w.priority) as Q;
  if (w.dueFrom !== undefined) q = q.where("t.due_at", ">=", w.dueFrom) as Q;
  if (w.dueTo !== undefined) q = q.where("t.due_at", "<", w.dueTo) as Q;
  if (w.openedFrom !== undefined) q = q.where("t.opened_at", ">=", w.openedFrom) as Q;
  if (w.openedTo !== undefined) q = q.where("t.opened_at", "<", w.openedTo) as Q;
  if (w.terms.length || w.number !== null) {
    q = q.where((eb) => {
      const text = w.terms.length ? eb.and(w.terms.map((term) => eb("t.search_text", "like", `%${term}%`))) : null;
      const byNumber = w.number === null ? null : eb("t.number", "=", w.number);
      if (text && byNumber) return eb.or([byNumber, text]);
      return (text ?? byNumber) as ReturnType<Eb["and"]>;
    }) as Q;
  }
  return q;
}

const SORT = {
  due: { column: "t.due_at", direction: "asc" },
  opened_desc: { column: "t.opened_at", direction: "desc" },
  opened_asc: { column: "t.opened_at", direction: "asc" },
} as const;

/** One page of a queue, in `sort` order, after `after` (the sort key of the last row shown). */
export function queuePage(
  db: Executor,
  w: QueueWhere,
  sort: ServedSort,
  after: QueueCursor | null,
  limit: number,
): Promise<TicketViewRow[]> {
  const { column, direction } = SORT[sort];
  let q = filtered(viewQuery(db), w);
  if (after) {
    q = q.where((eb) => eb(eb.refTuple(column, "t.id"), direction === "asc" ? ">" : "<", eb.tuple(after.at, after.id)));
  }
  return q.orderBy(column, direction).orderBy("t.id", direction).limit(limit).execute();
}

/** How many tickets match, counting at most `cap` (a capped count never walks the whole queue). */
export async function queueCount(db: Executor, w: QueueWhere, cap: number): Promise<number> {
  const inner = filtered(viewQuery(db), w).clearSelect().select("t.id").limit(cap);
  const row = await db
    .selectFrom(inner.as("q"))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Open tickets whose internal contact is `userId` and due before `before`, of both areas (the
 * visibility decides which), soonest first (index tickets_internal_contact).
 */
export function contactsDue(
  db: Executor,
  f: { userId: number; before: string; visibility: AreaVisibility; limit: number },
): Promise<TicketViewRow[]> {
  return viewQuery(db)
    .where("t.internal_contact_user_id", "=", f.userId)
    .where("t.status", "=", "open")
    .where("t.internal_contact_at", "<", f.before)
    .where((eb) => ticketVisible(eb as unknown as TicketsEb, f.visibility))
    .orderBy("t.internal_contact_at")
    .orderBy("t.id")
    .limit(f.limit)
    .execute();
}

/** The sectors of the open tickets `userId` is responsible for (index tickets_open_responsible). */
export async function sectorsOfResponsible(db: Executor, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("tickets")
    .select("sector_id")
    .distinct()
    .where("responsible_user_id", "=", userId)
    .where("status", "=", sql.lit("open"))
    .execute();
  return rows.map((r) => r.sector_id);
}
