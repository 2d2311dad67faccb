import type { Executor } from "../../db/types.ts";

const selectWebhook = (db: Executor) =>
  db
    .selectFrom("webhooks")
    .innerJoin("users", "users.id", "webhooks.user_id")
    .select((eb) => [
      "webhooks.id",
      "webhooks.url",
      "webhooks.description",
      "webhooks.event_types",
      "webhooks.user_id",
      "users.username",
      "webhooks.allow_private",
      "webhooks.is_active",
      "webhooks.secret_prefix",
      "webhooks.failures",
      "webhooks.retry_at",
      "webhooks.last_error",
      "webhooks.last_delivered_at",
      "webhooks.created_at",
      "webhooks.updated_at",
      "webhooks.version",
      eb
        .selectFrom("webhook_deliveries as d")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("d.webhook_id", "=", "webhooks.id")
        .where("d.status", "=", "pending")
        .as("pending"),
      eb
        .selectFrom("webhook_deliveries as d")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("d.webhook_id", "=", "webhooks.id")
        .where("d.status", "=", "failed")
        .as("failed"),
    ]);

export type WebhookRow = Awaited<ReturnType<ReturnType<typeof selectWebhook>["executeTakeFirstOrThrow"]>>;

export function listWebhooks(db: Executor): Promise<WebhookRow[]> {
  return selectWebhook(db).orderBy("webhooks.id").execute();
}

export function findWebhook(db: Executor, id: number): Promise<WebhookRow | undefined> {
  return selectWebhook(db).where("webhooks.id", "=", id).executeTakeFirst();
}

export type NewWebhookRow = {
  url: string;
  description: string;
  event_types: string;
  user_id: number;
  allow_private: number;
  secret: string;
  secret_prefix: string;
  cursor: number;
  created_at: string;
  updated_at: string;
};

export async function insertWebhook(db: Executor, row: NewWebhookRow): Promise<number> {
  const { id } = await db.insertInto("webhooks").values(row).returning("id").executeTakeFirstOrThrow();
  return id;
}

export type WebhookChange = Partial<{
  url: string;
  description: string;
  event_types: string;
  user_id: number;
  allow_private: number;
  is_active: number;
  secret: string;
  secret_prefix: string;
  failures: number;
  retry_at: string | null;
}> & { updated_at: string };

/** Changes a webhook at this version; false when someone else changed it first. */
export async function updateWebhook(
  db: Executor,
  id: number,
  version: number,
  change: WebhookChange,
): Promise<boolean> {
  const result = await db
    .updateTable("webhooks")
    .set((eb) => ({ ...change, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteWebhook(db: Executor, id: number): Promise<void> {
  await db.deleteFrom("webhooks").where("id", "=", id).execute();
}

// ——— the worker's side ———

export type DispatchWebhook = {
  id: number;
  event_types: string;
  user_id: number;
  cursor: number;
};

/** The active webhooks, with what the dispatcher needs. */
export async function activeWebhooks(db: Executor): Promise<DispatchWebhook[]> {
  const rows = await db
    .selectFrom("webhooks")
    .select(["id", "event_types", "user_id", "cursor"])
    .where("is_active", "=", 1)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ ...r, cursor: Number(r.cursor) }));
}

export async function newestEventId(db: Executor): Promise<number> {
  const row = await db.selectFrom("domain_events").select("id").orderBy("id", "desc").limit(1).executeTakeFirst();
  return row ? Number(row.id) : 0;
}

export type EventRow = {
  id: number;
  at: string;
  type: string;
  person_id: number | null;
  person_code: number | null;
  area: string;
  refs: string;
};

/** The events after `afterId`, oldest first (the primary key). */
export async function eventsAfter(db: Executor, afterId: number, limit: number): Promise<EventRow[]> {
  const rows = await db
    .selectFrom("domain_events")
    .select(["id", "at", "type", "person_id", "person_code", "area", "refs"])
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function eventsByIds(db: Executor, ids: number[]): Promise<EventRow[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom("domain_events")
    .select(["id", "at", "type", "person_id", "person_code", "area", "refs"])
    .where("id", "in", ids)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/**
 * Moves a webhook's cursor from what this dispatcher read to where it got; false when another
 * server moved it meanwhile (its transaction then rolls back this one's deliveries).
 */
export async function moveCursor(db: Executor, id: number, from: number, to: number): Promise<boolean> {
  const result = await db
    .updateTable("webhooks")
    .set({ cursor: to })
    .where("id", "=", id)
    .where("cursor", "=", from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type NewDelivery = {
  webhook_id: number;
  event_id: number;
  event_type: string;
  person_code: number | null;
  person_key: number;
  status: "pending" | "skipped";
  created_at: string;
  next_attempt_at: string | null;
};

export async function insertDeliveries(db: Executor, rows: NewDelivery[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto("webhook_deliveries")
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(["webhook_id", "event_id"]).doNothing())
      .execute();
  }
}

export type DueDelivery = {
  id: number;
  webhook_id: number;
  event_id: number;
  attempts: number;
  created_at: string;
  url: string;
  secret: string;
  allow_private: number;
  user_id: number;
  failures: number;
};

/**
 * Deliveries to send now: the oldest pending one of each person of each active webhook whose
 * receiver is not waiting out a failure, not leased by a server that is sending it.
 */
export async function dueDeliveries(db: Executor, now: string, limit: number): Promise<DueDelivery[]> {
  const rows = await db
    .selectFrom("webhook_deliveries as d")
    .innerJoin("webhooks as w", "w.id", "d.webhook_id")
    .select([
      "d.id",
      "d.webhook_id",
      "d.event_id",
      "d.attempts",
      "d.created_at",
      "w.url",
      "w.secret",
      "w.allow_private",
      "w.user_id",
      "w.failures",
    ])
    .where("d.status", "=", "pending")
    .where("w.is_active", "=", 1)
    .where((eb) => eb.or([eb("w.retry_at", "is", null), eb("w.retry_at", "<=", now)]))
    .where((eb) => eb.or([eb("d.next_attempt_at", "is", null), eb("d.next_attempt_at", "<=", now)]))
    .where((eb) => eb.or([eb("d.lease_until", "is", null), eb("d.lease_until", "<", now)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("webhook_deliveries as e")
            .select("e.id")
            .whereRef("e.webhook_id", "=", "d.webhook_id")
            .where("e.status", "=", "pending")
            .whereRef("e.person_key", "=", "d.person_key")
            .whereRef("e.event_id", "<", "d.event_id"),
        ),
      ),
    )
    .orderBy("d.id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, event_id: Number(r.event_id) }));
}

/** Takes a delivery for this server until `leaseUntil`; false when another server has it. */
export async function claimDelivery(db: Executor, id: number, now: string, leaseUntil: string): Promise<boolean> {
  const result = await db
    .updateTable("webhook_deliveries")
    .set({ lease_until: leaseUntil })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type AttemptOutcome = {
  status: "pending" | "delivered" | "failed" | "skipped";
  last_status: number | null;
  last_error: string | null;
  last_attempt_at: string;
  next_attempt_at: string | null;
  delivered_at: string | null;
};

export async function recordAttempt(db: Executor, id: number, outcome: AttemptOutcome): Promise<void> {
  await db
    .updateTable("webhook_deliveries")
    .set((eb) => ({ ...outcome, lease_until: null, attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .execute();
}

/** Gives a claimed delivery back untried (its receiver just failed on an earlier one). */
export async function releaseDelivery(db: Executor, id: number): Promise<void> {
  await db.updateTable("webhook_deliveries").set({ lease_until: null }).where("id", "=", id).execute();
}

/** The receiver's state after an attempt (not a change of the webhook: its version stays). */
export async function setReceiverState(
  db: Executor,
  id: number,
  state: { failures: number; retry_at: string | null; last_error: string | null; last_delivered_at?: string },
): Promise<void> {
  await db.updateTable("webhooks").set(state).where("id", "=", id).execute();
}

// ——— the administrator's list ———

const selectDelivery = (db: Executor) =>
  db
    .selectFrom("webhook_deliveries")
    .select([
      "id",
      "webhook_id",
      "event_id",
      "event_type",
      "person_code",
      "status",
      "attempts",
      "last_status",
      "last_error",
      "last_attempt_at",
      "next_attempt_at",
      "delivered_at",
      "created_at",
    ]);

export type DeliveryRow = Awaited<ReturnType<ReturnType<typeof selectDelivery>["executeTakeFirstOrThrow"]>>;

/** A webhook's deliveries, newest first, after the cursor's id; one more than `limit` for the next page. */
export function listDeliveries(
  db: Executor,
  webhookId: number,
  options: { status?: string; beforeId: number | null; limit: number },
): Promise<DeliveryRow[]> {
  let query = selectDelivery(db).where("webhook_id", "=", webhookId);
  if (options.status) query = query.where("status", "=", options.status);
  if (options.beforeId !== null) query = query.where("id", "<", options.beforeId);
  return query
    .orderBy("id", "desc")
    .limit(options.limit + 1)
    .execute();
}

export function findDelivery(db: Executor, webhookId: number, id: number): Promise<DeliveryRow | undefined> {
  return selectDelivery(db).where("webhook_id", "=", webhookId).where("id", "=", id).executeTakeFirst();
}

/** Puts a delivery back in the queue, to go out now. */
export async function requeueDelivery(db: Executor, id: number): Promise<void> {
  await db
    .updateTable("webhook_deliveries")
    .set({ status: "pending", next_attempt_at: null, lease_until: null })
    .where("id", "=", id)
    .execute();
}
