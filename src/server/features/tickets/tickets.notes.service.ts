import type { AddNoteBody, Ticket, TicketNote } from "../../../shared/tickets.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Trx } from "../../db/types.ts";
import { fail } from "../../errors.ts";
import { decodeCursor, pageOf } from "../../keyset.ts";
import { attachDrafts } from "../attachments/attachments.link.service.ts";
import { inTransaction as journalTransaction, recordChange } from "../audit/journal.ts";
import { notifyWatchers } from "../watchers/watchers.notify.service.ts";
import { staleTicket, ticketFor } from "./tickets.access.ts";
import { personOf, ticketEvent } from "./tickets.journal.ts";
import { toNote } from "./tickets.mapping.ts";
import * as repo from "./tickets.repository.ts";
import { loadTicket } from "./tickets.service.ts";
import { systemNote } from "./tickets.text.ts";

const closedConflict = () => fail("conflict", "ticket_closed");

/** The history of a ticket, oldest first; pages by note id. */
export async function listNotes(
  ctx: AppContext,
  user: AuthUser,
  id: number,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ items: TicketNote[]; nextCursor: string | null }> {
  await ticketFor(ctx, user, id, "read");
  const after = decodeCursor(query.cursor, "n", ["n"] as const);
  const rows = await repo.listNotes(ctx.db, id, after?.[0] ?? 0, query.limit + 1);
  const page = pageOf(rows, query.limit, "n", (r) => [r.id]);
  return { items: page.rows.map(toNote), nextCursor: page.nextCursor };
}

/**
 * Runs in the caller's transaction when one is given (an appointment marked done with a parecer
 * commits both together), else in a transaction of its own.
 */
const inTransaction = <T>(ctx: AppContext, outer: Trx | undefined, fn: (trx: Trx) => Promise<T>): Promise<T> =>
  outer ? fn(outer) : journalTransaction(ctx, fn);

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
    const { row, person } = await ticketFor(ctx, user, id, "write", trx);
    if (body.version !== undefined && body.version !== row.version) throw staleTicket(row.version);
    if (row.status !== "open") throw closedConflict();
    const noteId = await repo.appendNote(
      trx,
      { ticketId: row.id, authorId: user.id, kind: "user", text: body.text, at },
      true,
    );
    if (noteId === null) throw closedConflict();
    // The parecer's files (uploaded beforehand as drafts) commit with it, or not at all.
    const files = { target: "note", personId: row.person_id, ticketId: row.id, noteId } as const;
    await attachDrafts(trx, user, body.attachments ?? [], files, at);
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
    const added = ticketEvent("note.added", row, { noteId });
    // One audit row: the note, or (closing with it) the ticket's closing with the note's text.
    recordChange(
      trx,
      ctx,
      body.close
        ? {
            entity: "ticket",
            id: row.id,
            action: "close",
            person: personOf(person.row),
            before: { status: row.status },
            after: { status: "closed", note: body.text },
            events: [added, ticketEvent("ticket.closed", row, { noteId })],
          }
        : {
            entity: "ticket_note",
            id: noteId,
            action: "create",
            person: personOf(person.row),
            after: { ticketId: row.id, text: body.text },
            events: [added],
          },
    );
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
  return journalTransaction(ctx, async (trx) => {
    const { row, person } = await ticketFor(ctx, user, id, "write", trx);
    if (body.version !== undefined && body.version !== row.version) throw staleTicket(row.version);
    if (row.status !== "closed") throw fail("conflict", "ticket_already_open");
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
    recordChange(trx, ctx, {
      entity: "ticket",
      id: row.id,
      action: "reopen",
      person: personOf(person.row),
      before: { status: row.status },
      after: { status: "open", note: body.text },
      events: [ticketEvent("ticket.reopened", row, { noteId })],
    });
    return { note: toNote(await repo.findNote(trx, noteId)), ticket: await loadTicket(trx, row.id, now, true) };
  });
}
