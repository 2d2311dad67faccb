import type { WebhookPayload } from "../../../shared/webhooks.schemas.ts";
import type { AppContext } from "../../context.ts";
import { changeOf, visibleEventIds } from "../live/live.service.ts";
import { activeUser } from "../users/users.service.ts";
import * as repo from "./webhooks.repository.ts";
import { type AttemptResult, SEND_LIMITS, sendSigned } from "./webhooks.send.ts";
import { eventTypesOf } from "./webhooks.service.ts";

/**
 * The webhooks' two steps, run by the background worker (webhooks.worker.ts), never inside a
 * request, and safe with any number of servers on one database:
 *
 * 1. dispatch: each active webhook reads the journal's events after its cursor and turns those of
 *    its types into deliveries — 'pending', or 'skipped' when its user may not see the event — and
 *    moves the cursor, in one transaction whose cursor update is conditional (a second server
 *    doing the same rolls back). PostgreSQL hands out event ids right before each commit, so a
 *    hole in the ids may still fill: the dispatcher stops at a hole until the event after it is
 *    `holeWaitMs` old (a hole that old is a rolled-back transaction).
 * 2. send: the oldest pending delivery of each person of each webhook goes out (so one person's
 *    events arrive in order; different persons' in parallel), claimed with a lease. The user's
 *    access is checked again at that moment: a grant withdrawn while the receiver was down is not
 *    overridden. A failed attempt keeps the delivery pending and makes the whole webhook wait
 *    (5 s, 10 s, 20 s … up to 5 min) before it is tried again; after 72 h a delivery is given up.
 */

export const WEBHOOK_LIMITS = {
  batch: 500,
  holeWaitMs: 5_000,
  sendBatch: 50,
  leaseMs: 60_000,
  firstRetryMs: 5_000,
  maxRetryMs: 5 * 60_000,
  giveUpMs: 72 * 60 * 60_000,
  send: SEND_LIMITS,
};
export type WebhookLimits = typeof WEBHOOK_LIMITS;

/** Deliveries made from the journal by this call (pending and skipped). */
export async function dispatchEvents(ctx: AppContext, limits: WebhookLimits = WEBHOOK_LIMITS): Promise<number> {
  let made = 0;
  for (const webhook of await repo.activeWebhooks(ctx.db)) made += await dispatchWebhook(ctx, webhook, limits);
  return made;
}

/** One webhook's new events, from the cursor as `webhook` was read (0 when another server moved it since). */
export async function dispatchWebhook(
  ctx: AppContext,
  webhook: repo.DispatchWebhook,
  limits: WebhookLimits = WEBHOOK_LIMITS,
): Promise<number> {
  const rows = await repo.eventsAfter(ctx.db, webhook.cursor, limits.batch);
  const now = ctx.now().getTime();
  const ready: repo.EventRow[] = [];
  let expected = webhook.cursor + 1;
  for (const row of rows) {
    if (row.id > expected && now - Date.parse(row.at) < limits.holeWaitMs) break;
    ready.push(row);
    expected = row.id + 1;
  }
  const last = ready.at(-1);
  if (!last) return 0;
  const types = new Set<string>(eventTypesOf(webhook.event_types));
  const heard = ready.filter((r) => types.has(r.type));
  const user = heard.length ? await activeUser(ctx.db, webhook.user_id) : null;
  const visible = user ? await visibleEventIds(ctx, user, heard) : new Set<number>();
  const at = ctx.now().toISOString();
  const deliveries: repo.NewDelivery[] = heard.map((r) => ({
    webhook_id: webhook.id,
    event_id: r.id,
    event_type: r.type,
    person_code: r.person_code,
    person_key: r.person_code ?? 0,
    status: visible.has(r.id) ? "pending" : "skipped",
    created_at: at,
    next_attempt_at: null,
  }));
  try {
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.moveCursor(trx, webhook.id, webhook.cursor, last.id))) throw new CursorMoved();
      await repo.insertDeliveries(trx, deliveries);
    });
  } catch (err) {
    if (err instanceof CursorMoved) return 0;
    throw err;
  }
  return deliveries.length;
}

class CursorMoved extends Error {}

/** What a receiver gets: the event as the live stream tells it (ids, never the record's fields). */
export function payloadOf(row: repo.EventRow): WebhookPayload {
  const change = changeOf(row);
  return { type: change.type, timestamp: change.at, data: change };
}

export const messageIdOf = (eventId: number) => `evt_${eventId}`;

const retryDelay = (failures: number, limits: WebhookLimits) =>
  Math.min(limits.firstRetryMs * 2 ** Math.max(0, failures - 1), limits.maxRetryMs);

/** Sends one round of due deliveries; answers how many were tried (0: nothing is due). */
export async function sendDue(
  ctx: AppContext,
  limits: WebhookLimits = WEBHOOK_LIMITS,
  send: (request: Parameters<typeof sendSigned>[0]) => Promise<AttemptResult> = (r) => sendSigned(r, limits.send),
): Promise<number> {
  const now = ctx.now();
  const due = await repo.dueDeliveries(ctx.db, now.toISOString(), limits.sendBatch);
  if (!due.length) return 0;
  const leaseUntil = new Date(now.getTime() + limits.leaseMs).toISOString();
  const claimed: repo.DueDelivery[] = [];
  for (const d of due) if (await repo.claimDelivery(ctx.db, d.id, now.toISOString(), leaseUntil)) claimed.push(d);
  const events = new Map(
    (
      await repo.eventsByIds(
        ctx.db,
        claimed.map((d) => d.event_id),
      )
    ).map((e) => [e.id, e]),
  );
  const byWebhook = new Map<number, repo.DueDelivery[]>();
  for (const d of claimed) byWebhook.set(d.webhook_id, [...(byWebhook.get(d.webhook_id) ?? []), d]);
  await Promise.all(
    [...byWebhook.values()].map(async (list) => {
      const first = list[0] as repo.DueDelivery;
      const user = await activeUser(ctx.db, first.user_id);
      const rows = list.flatMap((d) => events.get(d.event_id) ?? []);
      const visible = user ? await visibleEventIds(ctx, user, rows) : new Set<number>();
      let failures = first.failures;
      let lastError: string | null = null;
      let delivered: string | undefined;
      for (const d of list) {
        const event = events.get(d.event_id);
        const at = ctx.now().toISOString();
        if (!event || !visible.has(d.event_id)) {
          // No longer the user's to see (skipped), or gone from the journal (retention): never sent.
          await repo.recordAttempt(ctx.db, d.id, {
            status: event ? "skipped" : "failed",
            last_status: null,
            last_error: event ? "o usuário do webhook não pode mais ver este evento" : "evento não está mais no diário",
            last_attempt_at: at,
            next_attempt_at: null,
            delivered_at: null,
          });
          continue;
        }
        const result = await send({
          url: d.url,
          allowPrivate: d.allow_private === 1,
          secret: d.secret,
          messageId: messageIdOf(d.event_id),
          timestamp: ctx.now(),
          body: JSON.stringify(payloadOf(event)),
        });
        const done = ctx.now();
        if (result.ok) {
          failures = 0;
          delivered = done.toISOString();
          await repo.recordAttempt(ctx.db, d.id, {
            status: "delivered",
            last_status: result.status,
            last_error: null,
            last_attempt_at: done.toISOString(),
            next_attempt_at: null,
            delivered_at: done.toISOString(),
          });
          continue;
        }
        failures += 1;
        lastError = result.error;
        const retryAt = new Date(done.getTime() + retryDelay(failures, limits)).toISOString();
        const givenUp = done.getTime() - Date.parse(d.created_at) >= limits.giveUpMs;
        await repo.recordAttempt(ctx.db, d.id, {
          status: givenUp ? "failed" : "pending",
          last_status: result.status,
          last_error: result.error,
          last_attempt_at: done.toISOString(),
          next_attempt_at: givenUp ? null : retryAt,
          delivered_at: null,
        });
        // The receiver is down or refusing: the rest of this round's deliveries to it wait too.
        for (const rest of list.slice(list.indexOf(d) + 1)) await repo.releaseDelivery(ctx.db, rest.id);
        await repo.setReceiverState(ctx.db, first.webhook_id, { failures, retry_at: retryAt, last_error: lastError });
        return;
      }
      await repo.setReceiverState(ctx.db, first.webhook_id, {
        failures: 0,
        retry_at: null,
        last_error: null,
        ...(delivered ? { last_delivered_at: delivered } : {}),
      });
    }),
  );
  return claimed.length;
}
