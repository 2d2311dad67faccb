import type { MailItem, MailStatus } from "../../../shared/mail.schemas.ts";
import type { AppContext } from "../../context.ts";
import { fail } from "../../errors.ts";
import { decodeCursor } from "../../keyset.ts";
import { inTransaction, recordChange } from "../audit/journal.ts";
import { mailChange } from "./mail.journal.ts";
import { page, toMailItem } from "./mail.mapping.ts";
import { listMail, type OutboxStatus, requeueFailed } from "./outbox.repository.ts";
import { wakeMailWorkers } from "./outbox.service.ts";

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
  const before = decodeCursor(query.cursor, "m", ["n"] as const)?.[0];
  const rows = await listMail(ctx.db, statuses ? { statuses } : {}, before, query.limit + 1);
  return page(rows, query.limit);
}

/**
 * "Tentar novamente": a failed message goes back to the queue with a fresh set of attempts, and
 * this process's workers look at once (after the commit, so they find it queued).
 */
export async function retryOutboxMessage(ctx: AppContext, id: number): Promise<MailItem> {
  const item = await inTransaction(ctx, async (trx) => {
    const [row] = await listMail(trx, { id }, undefined, 1);
    if (!row) throw fail("not_found", "mail_not_found");
    if (!(await requeueFailed(trx, id, ctx.now().toISOString()))) throw fail("conflict", "mail_not_failed");
    recordChange(
      trx,
      ctx,
      await mailChange(trx, row, "retry", "mail.queued", { before: { lastError: row.last_error } }),
    );
    const [queued] = await listMail(trx, { id }, undefined, 1);
    return toMailItem(queued ?? row);
  });
  wakeMailWorkers(ctx);
  return item;
}
