import type { BulkAction, BulkBody, BulkRefusal, BulkResult } from "../../../shared/ticket-queues.schemas.ts";
import type { Ticket } from "../../../shared/tickets.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Trx } from "../../db/types.ts";
import { AppError, fail } from "../../errors.ts";
import { inTransaction } from "../audit/journal.ts";
import { ticketFor } from "./tickets.access.ts";
import { addNote } from "./tickets.notes.service.ts";
import * as repo from "./tickets.repository.ts";
import { updateTicket } from "./tickets.update.service.ts";

/**
 * Bulk actions on tickets selected in a queue: each ticket goes through the same service as a
 * single change (updateTicket, addNote), so its checks, automatic notes, watchers' e-mails, the
 * journal and its version behave as for one change, all in one transaction. All or nothing: when
 * any ticket is refused, nothing is changed and the answer lists every refused ticket with its
 * reason. Its status is the refusals' own when they all agree (one ticket the user cannot see:
 * 404, one they may only read: 403), else 409.
 */

async function applyOne(ctx: AppContext, user: AuthUser, id: number, action: BulkAction, trx: Trx): Promise<Ticket> {
  if (action.kind === "note" || action.kind === "close") {
    const { ticket } = await addNote(ctx, user, id, { text: action.text, close: action.kind === "close" }, trx);
    return ticket;
  }
  const { row } = await ticketFor(ctx, user, id, "write", trx);
  const change =
    action.kind === "assign"
      ? { responsibleUserId: action.responsibleUserId }
      : action.kind === "sector"
        ? { sectorId: action.sectorId }
        : { priority: action.priority };
  return updateTicket(ctx, user, id, { ...change, version: row.version }, trx);
}

function refusalOf(id: number, number: number | null, error: AppError): BulkRefusal {
  return {
    ticketId: id,
    number,
    code: error.code,
    reason: error.reason ?? null,
    message: error.message,
    ...(error.params ? { params: error.params } : {}),
  };
}

export async function bulkTickets(ctx: AppContext, user: AuthUser, body: BulkBody): Promise<BulkResult> {
  return inTransaction(ctx, async (trx) => {
    const refused: BulkRefusal[] = [];
    const changed: Ticket[] = [];
    for (const id of body.ticketIds) {
      try {
        changed.push(await applyOne(ctx, user, id, body.action, trx));
      } catch (error) {
        // A refusal by a rule; anything else (a database failure) ends the whole request.
        if (!(error instanceof AppError)) throw error;
        // The number only of a ticket the user sees (a 404 names nothing).
        const number = error.code === "not_found" ? null : ((await repo.findTicket(trx, id))?.number ?? null);
        refused.push(refusalOf(id, number, error));
      }
    }
    if (refused.length) {
      const codes = new Set(refused.map((r) => r.code));
      const code = codes.size === 1 ? (refused[0] as BulkRefusal).code : "conflict";
      throw fail(
        code as AppError["code"],
        "bulk_refused",
        { refused: refused.length, total: body.ticketIds.length },
        { refused },
      );
    }
    return {
      changed: changed.length,
      tickets: changed.map((t) => ({ id: t.id, number: t.number, version: t.version })),
    };
  });
}
