import type { Updateable } from "kysely";
import { normalizeSearchText } from "../../../shared/search-text.ts";
import type { Priority, Ticket, UpdateTicketBody } from "../../../shared/tickets.schemas.ts";
import { companyTimeZone } from "../../company-time.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor, TicketsTable, Trx } from "../../db/types.ts";
import { fail, fieldError } from "../../errors.ts";
import { inTransaction, recordChange } from "../audit/journal.ts";
import { assignableUser, staleTicket, ticketFor } from "./tickets.access.ts";
import { personOf, ticketEvent } from "./tickets.journal.ts";
import * as repo from "./tickets.repository.ts";
import { loadTicket } from "./tickets.service.ts";
import { systemNote } from "./tickets.text.ts";

type Change = { set: Updateable<TicketsTable>; note: string };

/** The columns this service changes, by the API's name for them (what the audit log says). */
const AUDITED_COLUMNS: Record<string, string> = {
  subject: "subject",
  internal_contact_at: "internalContactAt",
  internal_contact_user_id: "internalContactUserId",
  responsible_user_id: "responsibleUserId",
  sector_id: "sectorId",
  priority: "priority",
  due_at: "dueAt",
};

const userName = async (db: Executor, id: number | null) =>
  id === null ? null : ((await repo.namedById(db, "users", id))?.name ?? `#${id}`);

/**
 * Changes the subject, the internal contact (date and user), the responsible, the sector, the
 * priority or the due date of an open ticket. Every field that really changes leaves an
 * automatic note, in one transaction with the change; a field sent with its current value
 * changes nothing. `outer`: the caller's transaction (a bulk change commits all its tickets
 * together), else one of its own.
 */
export async function updateTicket(
  ctx: AppContext,
  user: AuthUser,
  id: number,
  body: UpdateTicketBody,
  outer?: Trx,
): Promise<Ticket> {
  const now = ctx.now();
  const at = now.toISOString();
  const run = <T>(fn: (trx: Trx) => Promise<T>) => (outer ? fn(outer) : inTransaction(ctx, fn));
  return run(async (trx) => {
    const { row, person, tab } = await ticketFor(ctx, user, id, "write", trx);
    if (row.version !== body.version) throw staleTicket(row.version);
    if (row.status !== "open") throw fail("conflict", "ticket_closed_for_changes");
    const assignable = (field: string, userId: number) => assignableUser(trx, field, userId, person.categoryIds, tab);
    const changes: Change[] = [];

    if (body.subject !== undefined && body.subject !== row.subject) {
      changes.push({
        set: { subject: body.subject, search_text: normalizeSearchText(body.subject) },
        note: systemNote.subject(row.subject, body.subject),
      });
    }

    if (body.internalContactAt !== undefined || body.internalContactUserId !== undefined) {
      const contactAt = body.internalContactAt !== undefined ? body.internalContactAt : row.internal_contact_at;
      const contactUserId =
        body.internalContactUserId !== undefined ? body.internalContactUserId : row.internal_contact_user_id;
      if (contactAt === null) {
        if (body.internalContactUserId != null) {
          throw fieldError("internalContactAt", "internal_contact_date_required");
        }
        if (row.internal_contact_at !== null || row.internal_contact_user_id !== null) {
          changes.push({
            set: { internal_contact_at: null, internal_contact_user_id: null },
            note: systemNote.internalContactCleared(),
          });
        }
      } else {
        if (contactUserId === null) throw fieldError("internalContactUserId", "internal_contact_user_required");
        if (contactAt !== row.internal_contact_at || contactUserId !== row.internal_contact_user_id) {
          const contactUser =
            contactUserId === row.internal_contact_user_id
              ? { name: (await userName(trx, contactUserId)) ?? "" }
              : await assignable("internalContactUserId", contactUserId);
          changes.push({
            set: { internal_contact_at: contactAt, internal_contact_user_id: contactUserId },
            note: systemNote.internalContact(contactAt, contactUser.name, await companyTimeZone(trx)),
          });
        }
      }
    }

    if (body.responsibleUserId !== undefined && body.responsibleUserId !== row.responsible_user_id) {
      const next =
        body.responsibleUserId === null ? null : await assignable("responsibleUserId", body.responsibleUserId);
      changes.push({
        set: { responsible_user_id: next?.id ?? null },
        note: systemNote.responsible(await userName(trx, row.responsible_user_id), next?.name ?? null),
      });
    }

    if (body.sectorId !== undefined && body.sectorId !== row.sector_id) {
      const next = await repo.activeNamed(trx, "sectors", body.sectorId);
      if (!next) throw fieldError("sectorId", "unknown_sector");
      const current = await repo.namedById(trx, "sectors", row.sector_id);
      changes.push({ set: { sector_id: next.id }, note: systemNote.sector(current?.name ?? "", next.name) });
    }

    if (body.priority !== undefined && body.priority !== row.priority) {
      changes.push({
        set: { priority: body.priority },
        note: systemNote.priority(row.priority as Priority, body.priority),
      });
    }

    if (body.dueAt !== undefined && body.dueAt !== row.due_at) {
      changes.push({
        set: { due_at: body.dueAt },
        note: systemNote.due(row.due_at, body.dueAt, await companyTimeZone(trx)),
      });
    }

    if (changes.length) {
      const set = Object.assign({ updated_at: at }, ...changes.map((c) => c.set)) as Updateable<TicketsTable>;
      if (!(await repo.updateTicket(trx, row.id, row.version, set, { status: "open" }))) {
        const current = await repo.findTicket(trx, row.id);
        if (current?.status !== "open") throw fail("conflict", "ticket_closed_for_changes");
        throw staleTicket(current.version);
      }
      for (const change of changes) {
        await repo.appendNote(
          trx,
          { ticketId: row.id, authorId: user.id, kind: "system", text: change.note, at },
          true,
        );
      }
    }
    if (changes.length) {
      const set = Object.assign({}, ...changes.map((c) => c.set)) as Record<string, unknown>;
      const fields = Object.entries(AUDITED_COLUMNS).filter(([column]) => column in set);
      const stored = row as unknown as Record<string, unknown>;
      recordChange(trx, ctx, {
        entity: "ticket",
        id: row.id,
        action: "update",
        person: personOf(person.row),
        before: Object.fromEntries(fields.map(([column, field]) => [field, stored[column] ?? null])),
        after: Object.fromEntries(fields.map(([column, field]) => [field, set[column] ?? null])),
        events: [ticketEvent("ticket.changed", row)],
      });
    }
    return loadTicket(trx, row.id, now, true);
  });
}
