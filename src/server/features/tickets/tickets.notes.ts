import type { AddNoteBody, Ticket, TicketNote } from "../../../shared/tickets.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Trx } from "../../db/types.ts";
import { AppError, badRequest } from "../../errors.ts";
import { notifyWatchers } from "../watchers/watchers.notify.ts";
import { staleTicket, ticketFor } from "./tickets.access.ts";
import { toNote } from "./tickets.mapping.ts";
import * as repo from "./tickets.repository.ts";
import { loadTicket } from "./tickets.service.ts";
import { systemNote } from "./tickets.text.ts";

const closedConflict = () =>
  new AppError("conflict", "Atendimento encerrado: não aceita novos pareceres. Reabra-o para continuar.");

/** The history of a ticket, oldest first; pages by note id. */
export async function listNotes(
  ctx: AppContext,
  user: AuthUser,
  id: number,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ items: TicketNote[]; nextCursor: string | null }> {
  await ticketFor(ctx, user, id, "read");
  let after = 0;
  if (query.cursor !== undefined) {
    after = Number(query.cursor);
    if (!Number.isSafeInteger(after) || after < 0) throw badRequest("cursor", "cursor inválido");
  }
  const rows = await repo.listNotes(ctx.db, id, after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(toNote), nextCursor: rows.length > query.limit && last ? String(last.id) : null };
}

/**
 * Runs in the caller's transaction when one is given (an appointment marked done with a parecer
 * commits both together), else in a transaction of its own.
 */
const inTransaction = <T>(ctx: AppContext, outer: Trx | undefined, fn: (trx: Trx) => Promise<T>): Promise<T> =>
  outer ? fn(outer) : ctx.db.transaction().execute(fn);

/** Adds a note (parecer) to an open ticket, optionally closing it with this note; `outer`: see inTransaction. */
export async function addNote(
  ctx: AppContext,
  user: AuthUser,
  id: number,
  body: AddNoteBody,
  outer?: Trx,
): Promise<{ note: TicketNote; ticket: Ticket }> {
  const now = ctx.now();
  const at = now.toISOString();
  return inTransaction(ctx, outer, async (trx) => {
    const { row } = await ticketFor(ctx, user, id, "write", trx);
    if (body.version !== undefined && body.version !== row.version) throw staleTicket(row.version);
    if (row.status !== "open") throw closedConflict();
    const noteId = await repo.appendNote(
      trx,
      { ticketId: row.id, authorId: user.id, kind: "user", text: body.text, at },
      true,
    );
    if (noteId === null) throw closedConflict();
    if (body.close) {
      const closed = await repo.updateTicket(
        trx,
        row.id,
        row.version,
        { status: "closed", closed_at: at, closed_by: user.id, updated_at: at },
        { status: "open" },
      );
      if (!closed) throw staleTicket((await repo.findTicket(trx, row.id))?.version ?? row.version);
      await repo.appendNote(
        trx,
        { ticketId: row.id, authorId: user.id, kind: "system", text: systemNote.closed(), at },
        false,
      );
    }
    // Spy System: watchers hear of the note (or the closing) in this same transaction.
    await notifyWatchers(trx, ctx, {
      ticketId: row.id,
      event: body.close ? "closed" : "note",
      actor: user,
      text: body.text,
    });
    return { note: toNote(await repo.findNote(trx, noteId)), ticket: await loadTicket(trx, row.id, now, true) };
  });
}

/** Reopens a closed ticket; the note says why. */
export async function reopenTicket(
  ctx: AppContext,
  user: AuthUser,
  id: number,
  body: { text: string; version?: number | undefined },
): Promise<{ note: TicketNote; ticket: Ticket }> {
  const now = ctx.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await ticketFor(ctx, user, id, "write", trx);
    if (body.version !== undefined && body.version !== row.version) throw staleTicket(row.version);
    if (row.status !== "closed") throw new AppError("conflict", "O atendimento já está aberto.");
    const reopened = await repo.updateTicket(
      trx,
      row.id,
      row.version,
      { status: "open", closed_at: null, closed_by: null, updated_at: at },
      { status: "closed" },
    );
    if (!reopened) throw staleTicket((await repo.findTicket(trx, row.id))?.version ?? row.version);
    const note = (kind: "user" | "system", text: string) =>
      repo.appendNote(trx, { ticketId: row.id, authorId: user.id, kind, text, at }, true);
    await note("system", systemNote.reopened());
    const noteId = await note("user", body.text);
    if (noteId === null) throw new Error("reopened ticket is not open");
    await notifyWatchers(trx, ctx, { ticketId: row.id, event: "reopened", actor: user, text: body.text });
    return { note: toNote(await repo.findNote(trx, noteId)), ticket: await loadTicket(trx, row.id, now, true) };
  });
}
