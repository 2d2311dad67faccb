import type { AttachBody, Attachment } from "../../../shared/attachments.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor, Trx } from "../../db/types.ts";
import { fail } from "../../errors.ts";
import { decodeCursor, pageOf } from "../../keyset.ts";
import { appointmentFor } from "../appointments/appointments.access.ts";
import { inTransaction, type PersonRef, recordChange } from "../audit/journal.ts";
import { ticketFor } from "../tickets/tickets.access.ts";
import { attachmentFor, mayDelete, personFiles } from "./attachments.access.ts";
import { attachDrafts, type LinkTarget } from "./attachments.link.service.ts";
import { toAttachment } from "./attachments.mapping.ts";
import * as repo from "./attachments.repository.ts";

/** The lists of files (a ticket's with its pareceres', an appointment's, a person's Documentos), attaching, removing. */

type Query = { limit: number; cursor?: string | undefined };
type Page = { items: Attachment[]; nextCursor: string | null };

async function pageOfList(
  ctx: AppContext,
  of: repo.ListOf,
  tag: string,
  query: Query,
  canDelete: (row: repo.AttachmentRow) => boolean,
): Promise<Page> {
  const after = decodeCursor(query.cursor, tag, ["n"] as const)?.[0] ?? 0;
  const rows = await repo.list(ctx.db, of, after, query.limit + 1);
  const page = pageOf(rows, query.limit, tag, (r) => [r.id]);
  return { items: page.rows.map((r) => toAttachment(r, canDelete(r))), nextCursor: page.nextCursor };
}

/** A ticket's files: its own and its pareceres' (noteId says which), in upload order. */
export async function listTicketFiles(ctx: AppContext, user: AuthUser, id: number, query: Query): Promise<Page> {
  const ticket = await ticketFor(ctx, user, id, "read");
  const access = { canWrite: ticket.canWrite, ticketOpen: ticket.row.status === "open" };
  return pageOfList(ctx, { ticketId: id }, "ft", query, (r) => mayDelete(access, r.target));
}

export async function listAppointmentFiles(ctx: AppContext, user: AuthUser, id: number, query: Query): Promise<Page> {
  const appointment = await appointmentFor(ctx, user, id, "read");
  const access = { canWrite: appointment.canWrite, appointmentDeleted: appointment.row.deleted_at !== null };
  return pageOfList(ctx, { appointmentId: id }, "fa", query, (r) => mayDelete(access, r.target));
}

/** Documentos: the files kept on the person, with who attached them and when. */
export async function listPersonDocuments(ctx: AppContext, user: AuthUser, code: number, query: Query): Promise<Page> {
  const person = await personFiles(ctx, user, code, "read");
  return pageOfList(ctx, { personDocuments: person.row.id }, "fp", query, (r) =>
    mayDelete({ canWrite: person.canWrite }, r.target),
  );
}

/** Attaches drafts and answers the attached files; records each in the journal. */
async function attach(
  ctx: AppContext,
  user: AuthUser,
  body: AttachBody,
  resolve: (trx: Trx) => Promise<{ to: LinkTarget; person: PersonRef }>,
): Promise<{ items: Attachment[] }> {
  const at = ctx.now().toISOString();
  const keys = await inTransaction(ctx, async (trx) => {
    const { to, person } = await resolve(trx);
    const linked = await attachDrafts(trx, user, body.uploads, to, at, "uploads");
    for (const file of linked) {
      recordChange(trx, ctx, {
        entity: "attachment",
        id: file.key,
        action: "update",
        person,
        before: { target: "draft" },
        after: { target: to.target, ticketId: to.ticketId ?? null, appointmentId: to.appointmentId ?? null },
      });
    }
    return linked.map((l) => l.key);
  });
  const items: Attachment[] = [];
  for (const key of keys) {
    const row = await repo.byKey(ctx.db, key);
    if (row) items.push(toAttachment(row, true));
  }
  return { items };
}

const refOf = async (db: Executor, personId: number): Promise<PersonRef> => ({
  id: personId,
  code: (await repo.personCode(db, personId)) ?? 0,
});

/** Files on the ticket itself (not on a parecer): write on its area's tab, while it is open. */
export function attachToTicket(ctx: AppContext, user: AuthUser, id: number, body: AttachBody) {
  return attach(ctx, user, body, async (trx) => {
    const ticket = await ticketFor(ctx, user, id, "write", trx);
    if (ticket.row.status !== "open") throw fail("conflict", "ticket_closed_for_changes");
    const personId = ticket.row.person_id;
    return { to: { target: "ticket", personId, ticketId: id }, person: await refOf(trx, personId) };
  });
}

export function attachToAppointment(ctx: AppContext, user: AuthUser, id: number, body: AttachBody) {
  return attach(ctx, user, body, async (trx) => {
    const appointment = await appointmentFor(ctx, user, id, "write", trx);
    if (appointment.row.deleted_at !== null) throw fail("appointment_deleted", "appointment_deleted");
    const personId = appointment.row.person_id;
    return { to: { target: "appointment", personId, appointmentId: id }, person: await refOf(trx, personId) };
  });
}

export function attachToPerson(ctx: AppContext, user: AuthUser, code: number, body: AttachBody) {
  return attach(ctx, user, body, async (trx) => {
    const person = await personFiles(ctx, user, code, "write", trx);
    return { to: { target: "person", personId: person.row.id }, person: { id: person.row.id, code } };
  });
}

export async function getAttachment(ctx: AppContext, user: AuthUser, key: string): Promise<Attachment> {
  const access = await attachmentFor(ctx, user, key, "read");
  return toAttachment(access.row, mayDelete(access, access.row.target));
}

/**
 * Removes a file from what it hangs from (its bytes go with the sweep once nothing references
 * them). A parecer's files are part of the append-only parecer, an e-mail's stay with the message.
 */
export async function deleteAttachment(ctx: AppContext, user: AuthUser, key: string): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const access = await attachmentFor(ctx, user, key, "write", trx);
    const { row } = access;
    if (row.target === "note") throw fail("conflict", "note_attachment_permanent");
    if (row.target === "mail") throw fail("conflict", "mail_attachment_permanent");
    if (row.target === "ticket" && access.ticketOpen === false) throw fail("conflict", "ticket_closed_for_changes");
    if (row.target === "appointment" && access.appointmentDeleted)
      throw fail("appointment_deleted", "appointment_deleted");
    await repo.deleteAttachment(trx, row.id);
    recordChange(trx, ctx, {
      entity: "attachment",
      id: row.key,
      action: "delete",
      person: row.person_id === null ? null : await refOf(trx, row.person_id),
      before: { name: row.name, size: Number(row.size), type: row.mime, target: row.target },
    });
  });
}
