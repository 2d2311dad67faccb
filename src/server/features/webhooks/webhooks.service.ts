import { createHash, randomBytes } from "node:crypto";
import type {
  CreatedWebhook,
  CreateWebhookBody,
  UpdateWebhookBody,
  Webhook,
  WebhookDeliveries,
  WebhookDeliveriesQuery,
  WebhookDelivery,
} from "../../../shared/webhooks.schemas.ts";
import type { AppContext } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { fail, fieldError } from "../../errors.ts";
import { decodeCursor, pageOf } from "../../keyset.ts";
import { inTransaction, recordChange } from "../audit/journal.ts";
import { userActivity } from "../users/users.service.ts";
import { isLocalHost } from "./webhooks.address.ts";
import * as repo from "./webhooks.repository.ts";

/**
 * Administração › Integrações: the webhooks an administrator registers. The secret is made here,
 * shown once (create, rotate) and kept only for signing; the journal never sees it. A new webhook
 * starts at the newest event: it carries what happens from now on, not the past.
 */

const SECRET_PREFIX = "whsec_";

const parseTypes = (text: string): Webhook["eventTypes"] => {
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? (parsed.filter((t) => typeof t === "string") as Webhook["eventTypes"]) : [];
  } catch {
    return [];
  }
};

export const eventTypesOf = parseTypes;

const toWebhook = (r: repo.WebhookRow): Webhook => ({
  id: r.id,
  url: r.url,
  description: r.description,
  eventTypes: parseTypes(r.event_types),
  userId: r.user_id,
  username: r.username,
  allowPrivate: r.allow_private === 1,
  active: r.is_active === 1,
  secretPrefix: r.secret_prefix,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  pending: Number(r.pending ?? 0),
  failed: Number(r.failed ?? 0),
  lastDeliveredAt: r.last_delivered_at,
  failures: r.failures,
  retryAt: r.retry_at,
  lastError: r.last_error,
  version: r.version,
});

/** What the journal keeps of a webhook: never the secret, only its prefix. */
/**
 * The receiver's URL as the journal keeps it: its origin, and for the rest a fingerprint. Receivers
 * often take their token in the path or the query (a chat's incoming-webhook URL is the secret),
 * and the journal is read by more people than the integration's settings.
 */
export function journalUrl(value: string): string {
  const url = new URL(value);
  const rest = value.slice(url.origin.length);
  if (rest === "" || rest === "/") return url.origin;
  return `${url.origin}/… #${createHash("sha256").update(value).digest("hex").slice(0, 8)}`;
}

const journalFields = (w: Webhook) => ({
  url: journalUrl(w.url),
  description: w.description,
  eventTypes: w.eventTypes,
  userId: w.userId,
  allowPrivate: w.allowPrivate,
  active: w.active,
  secretPrefix: w.secretPrefix,
});

function newSecret(): { secret: string; prefix: string } {
  const secret = SECRET_PREFIX + randomBytes(24).toString("base64");
  return { secret, prefix: secret.slice(0, SECRET_PREFIX.length + 4) };
}

async function checkTarget(db: Executor, url: string, allowPrivate: boolean, userId: number): Promise<void> {
  // The name is looked at here; the address it resolves to is checked again at every delivery.
  if (!allowPrivate && isLocalHost(new URL(url))) throw fieldError("url", "webhook_url_private");
  const owner = await userActivity(db, userId);
  if (owner === "missing") throw fieldError("userId", "webhook_user_not_found");
  if (owner === "inactive") throw fieldError("userId", "webhook_user_inactive");
}

async function found(db: Executor, id: number): Promise<Webhook> {
  const row = await repo.findWebhook(db, id);
  if (!row) throw fail("not_found", "webhook_not_found");
  return toWebhook(row);
}

export async function listWebhooks(ctx: AppContext): Promise<Webhook[]> {
  return (await repo.listWebhooks(ctx.db)).map(toWebhook);
}

export async function getWebhook(ctx: AppContext, id: number): Promise<Webhook> {
  return found(ctx.db, id);
}

export async function createWebhook(ctx: AppContext, body: CreateWebhookBody): Promise<CreatedWebhook> {
  const { secret, prefix } = newSecret();
  return inTransaction(ctx, async (trx) => {
    await checkTarget(trx, body.url, body.allowPrivate, body.userId);
    const now = ctx.now().toISOString();
    const id = await repo.insertWebhook(trx, {
      url: body.url,
      description: body.description,
      event_types: JSON.stringify(body.eventTypes),
      user_id: body.userId,
      allow_private: body.allowPrivate ? 1 : 0,
      secret,
      secret_prefix: prefix,
      cursor: await repo.newestEventId(trx),
      created_at: now,
      updated_at: now,
    });
    const created = await found(trx, id);
    recordChange(trx, ctx, { entity: "webhook", id, action: "create", after: journalFields(created) });
    return { ...created, secret };
  });
}

export async function updateWebhook(ctx: AppContext, id: number, body: UpdateWebhookBody): Promise<Webhook> {
  return inTransaction(ctx, async (trx) => {
    const before = await found(trx, id);
    if (before.version !== body.version) {
      throw fail("stale_version", "webhook_changed", undefined, { currentVersion: before.version });
    }
    const url = body.url ?? before.url;
    const allowPrivate = body.allowPrivate ?? before.allowPrivate;
    const userId = body.userId ?? before.userId;
    await checkTarget(trx, url, allowPrivate, userId);
    const change: repo.WebhookChange = { updated_at: ctx.now().toISOString() };
    if (body.url !== undefined) change.url = body.url;
    if (body.description !== undefined) change.description = body.description;
    if (body.eventTypes !== undefined) change.event_types = JSON.stringify(body.eventTypes);
    if (body.userId !== undefined) change.user_id = body.userId;
    if (body.allowPrivate !== undefined) change.allow_private = body.allowPrivate ? 1 : 0;
    if (body.active !== undefined) change.is_active = body.active ? 1 : 0;
    // A new address, or switched back on: the receiver is tried at once, not after the last wait.
    if (body.url !== undefined || body.active === true) {
      change.failures = 0;
      change.retry_at = null;
    }
    if (!(await repo.updateWebhook(trx, id, body.version, change))) {
      const current = await found(trx, id);
      throw fail("stale_version", "webhook_changed", undefined, { currentVersion: current.version });
    }
    const after = await found(trx, id);
    recordChange(trx, ctx, {
      entity: "webhook",
      id,
      action: "update",
      before: journalFields(before),
      after: journalFields(after),
    });
    return after;
  });
}

/** A new secret, shown once; the old one stops signing at once (the receiver must take the new one). */
export async function rotateSecret(ctx: AppContext, id: number): Promise<CreatedWebhook> {
  const { secret, prefix } = newSecret();
  return inTransaction(ctx, async (trx) => {
    const before = await found(trx, id);
    await repo.updateWebhook(trx, id, before.version, {
      secret,
      secret_prefix: prefix,
      updated_at: ctx.now().toISOString(),
    });
    const after = await found(trx, id);
    recordChange(trx, ctx, {
      entity: "webhook",
      id,
      action: "update",
      before: { secretPrefix: before.secretPrefix },
      after: { secretPrefix: after.secretPrefix },
      always: true,
    });
    return { ...after, secret };
  });
}

export async function deleteWebhook(ctx: AppContext, id: number): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const before = await found(trx, id);
    await repo.deleteWebhook(trx, id);
    recordChange(trx, ctx, { entity: "webhook", id, action: "delete", before: journalFields(before) });
  });
}

const toDelivery = (r: repo.DeliveryRow): WebhookDelivery => ({
  id: r.id,
  eventId: Number(r.event_id),
  eventType: r.event_type as WebhookDelivery["eventType"],
  personCode: r.person_code,
  status: r.status as WebhookDelivery["status"],
  attempts: r.attempts,
  lastStatus: r.last_status,
  lastError: r.last_error,
  lastAttemptAt: r.last_attempt_at,
  nextAttemptAt: r.next_attempt_at,
  deliveredAt: r.delivered_at,
  createdAt: r.created_at,
});

const cursorTag = (status: string | undefined) => `webhook-deliveries:${status ?? "all"}`;

export async function listDeliveries(
  ctx: AppContext,
  webhookId: number,
  query: WebhookDeliveriesQuery,
): Promise<WebhookDeliveries> {
  await found(ctx.db, webhookId);
  const key = decodeCursor(query.cursor, cursorTag(query.status), ["n"]);
  const rows = await repo.listDeliveries(ctx.db, webhookId, {
    status: query.status,
    beforeId: key ? key[0] : null,
    limit: query.limit,
  });
  const page = pageOf(rows, query.limit, cursorTag(query.status), (r) => [r.id]);
  return { items: page.rows.map(toDelivery), nextCursor: page.nextCursor };
}

/**
 * Sends a delivery again: one given up on, or one waiting (now, not at the receiver's next try).
 * A delivered one goes out again too, with the same `webhook-id`: the receiver can tell it apart.
 */
export async function retryDelivery(ctx: AppContext, webhookId: number, deliveryId: number): Promise<WebhookDelivery> {
  return inTransaction(ctx, async (trx) => {
    const webhook = await found(trx, webhookId);
    const before = await repo.findDelivery(trx, webhookId, deliveryId);
    if (!before) throw fail("not_found", "webhook_delivery_not_found");
    if (before.status === "skipped") throw fail("conflict", "webhook_delivery_skipped");
    await repo.requeueDelivery(trx, deliveryId);
    await repo.setReceiverState(trx, webhookId, { failures: 0, retry_at: null, last_error: webhook.lastError });
    const after = await repo.findDelivery(trx, webhookId, deliveryId);
    if (!after) throw fail("not_found", "webhook_delivery_not_found");
    recordChange(trx, ctx, {
      entity: "webhook_delivery",
      id: deliveryId,
      action: "retry",
      before: { status: before.status },
      after: { status: after.status },
      always: true,
    });
    return toDelivery(after);
  });
}
