import type { MailItem, MailStatus } from "../../../shared/mail.schemas.ts";
import type { AppContext } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { decodeCursor, page, toMailItem } from "./mail.mapping.ts";
import { listMail, type OutboxStatus, requeueFailed } from "./outbox.repository.ts";

const STATUSES: Record<MailStatus, OutboxStatus[]> = {
  queued: ["queued", "sending"],
  sent: ["sent"],
  failed: ["failed"],
};

/** The administrators' outbox page: every message, newest first, optionally of one status. */
export async function listOutbox(
  ctx: AppContext,
  query: { status?: MailStatus | undefined; limit: number; cursor?: string | undefined },
) {
  const statuses = query.status ? STATUSES[query.status] : undefined;
  const rows = await listMail(ctx.db, statuses ? { statuses } : {}, decodeCursor(query.cursor), query.limit + 1);
  return page(rows, query.limit);
}

/** "Tentar novamente": a failed message goes back to the queue with a fresh set of attempts. */
export async function retryOutboxMessage(ctx: AppContext, id: number): Promise<MailItem> {
  return ctx.db.transaction().execute(async (trx) => {
    const [row] = await listMail(trx, { id }, undefined, 1);
    if (!row) throw new AppError("not_found", "Mensagem não encontrada.");
    if (!(await requeueFailed(trx, id, ctx.now().toISOString()))) {
      throw new AppError("conflict", "Só uma mensagem que falhou pode ser tentada de novo.");
    }
    const [queued] = await listMail(trx, { id }, undefined, 1);
    return toMailItem(queued ?? row);
  });
}
