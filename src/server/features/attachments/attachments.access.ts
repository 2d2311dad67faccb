import type { Level } from "../../../shared/access.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { AppError, fail } from "../../errors.ts";
import { canWriteCategory, type VisiblePerson, visiblePerson } from "../access/access.service.ts";
import { appointmentFor } from "../appointments/appointments.access.ts";
import { ticketFor } from "../tickets/tickets.access.ts";
import * as repo from "./attachments.repository.ts";

/**
 * A file is visible exactly when what it hangs from is, and changes with it: a parecer's or a
 * ticket's file follows the ticket (its area's tab: a production ticket's file is 404 without
 * Produção), an appointment's follows the appointment (Agendamentos), a person's document and an
 * e-mail's attachment follow the person (seeing it; changing the header to change them), a draft
 * is its uploader's alone. Whatever the owner answers "not found" becomes "file not found", so a
 * key tells nothing about what it belongs to; its 403s (a read grant asking to write) stay.
 */

export const attachmentNotFound = () => fail("not_found", "attachment_not_found");

export type FileAccess = {
  row: repo.AttachmentRow;
  /** Whether this user may change what the file hangs from. */
  canWrite: boolean;
  /** The owner, when it is a ticket (open or closed) or an appointment (deleted or not). */
  ticketOpen?: boolean;
  appointmentDeleted?: boolean;
};

const hidden = (error: unknown): never => {
  if (error instanceof AppError && error.code === "not_found") throw attachmentNotFound();
  throw error;
};

/** Seeing the person; writing = a write grant on one of its categories (the header's rule). */
export async function personFiles(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  need: Level,
  db: Executor = ctx.db,
): Promise<VisiblePerson & { canWrite: boolean }> {
  const person = await visiblePerson(ctx, user, code, db);
  const canWrite = person.categoryIds.some((id) => canWriteCategory(person.access, id));
  if (need === "write" && !canWrite) throw fail("forbidden", "cannot_change_person");
  return { ...person, canWrite };
}

/** The attachment behind a key, if this user may `need` it; 404 otherwise (403 for a read grant asking to write). */
export async function attachmentFor(
  ctx: AppContext,
  user: AuthUser,
  key: string,
  need: Level,
  db: Executor = ctx.db,
): Promise<FileAccess> {
  const row = await repo.byKey(db, key);
  if (!row) throw attachmentNotFound();
  switch (row.target) {
    case "draft":
      if (row.created_by !== user.id) throw attachmentNotFound();
      return { row, canWrite: true };
    case "note":
    case "ticket": {
      const ticket = await ticketFor(ctx, user, row.ticket_id ?? 0, need, db).catch(hidden);
      return { row, canWrite: ticket.canWrite, ticketOpen: ticket.row.status === "open" };
    }
    case "appointment": {
      const appointment = await appointmentFor(ctx, user, row.appointment_id ?? 0, need, db).catch(hidden);
      return { row, canWrite: appointment.canWrite, appointmentDeleted: appointment.row.deleted_at !== null };
    }
    case "person":
    case "mail": {
      const code = await repo.personCode(db, row.person_id ?? 0);
      if (code === undefined) throw attachmentNotFound();
      const person = await personFiles(ctx, user, code, need, db).catch(hidden);
      return { row, canWrite: person.canWrite };
    }
    default:
      throw attachmentNotFound();
  }
}

/** Whether this user may remove the file (the rules of what it hangs from; pareceres and e-mails keep theirs). */
export function mayDelete(access: Omit<FileAccess, "row">, target: string): boolean {
  if (target === "draft") return true;
  if (target === "note" || target === "mail") return false;
  if (!access.canWrite) return false;
  if (target === "ticket") return access.ticketOpen !== false;
  if (target === "appointment") return access.appointmentDeleted !== true;
  return true;
}
