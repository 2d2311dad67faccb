import type { CaseRecord, MatrixEndpoint, MatrixFixture } from "./grant-matrix.ts";

/**
 * Rows of the grant matrix for Administração › Integrações (see grant-matrix.ts): administrators
 * only, every route. The URL points at a closed local port (allowed as private): the worker may try
 * it in the background, nothing listens there.
 */

/** A fresh webhook of the administrator, for the cases that change or remove one. */
async function freshWebhook(f: MatrixFixture): Promise<CaseRecord> {
  const created = await f.adminCall({
    method: "POST",
    url: "/api/webhooks",
    payload: {
      url: `http://127.0.0.1:9/matrix-${f.unique()}`,
      eventTypes: ["ticket.created"],
      userId: f.admin.id,
      allowPrivate: true,
    },
  });
  return { person: f.person, id: created.id as number, version: created.version as number };
}

/** A fresh webhook with one failed delivery, for the retry case (a test row, no event behind it). */
async function failedDelivery(f: MatrixFixture): Promise<CaseRecord> {
  const hook = await freshWebhook(f);
  const now = new Date().toISOString();
  const row = await f.t.ctx.db
    .insertInto("webhook_deliveries")
    .values({
      webhook_id: hook.id as number,
      event_id: 1,
      event_type: "ticket.created",
      person_code: null,
      person_key: 0,
      status: "failed",
      attempts: 3,
      last_status: 503,
      last_error: "HTTP 503",
      last_attempt_at: now,
      next_attempt_at: null,
      lease_until: null,
      delivered_at: null,
      created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { ...hook, key: String(row.id) };
}

export const WEBHOOK_ROWS: MatrixEndpoint[] = [
  { method: "GET", path: "/api/webhooks", need: { kind: "admin" }, url: () => "/api/webhooks" },
  {
    method: "POST",
    path: "/api/webhooks",
    need: { kind: "admin" },
    url: () => "/api/webhooks",
    body: (_r, f) => ({
      url: `http://127.0.0.1:9/matrix-${f.unique()}`,
      eventTypes: ["ticket.created"],
      userId: f.admin.id,
      allowPrivate: true,
    }),
  },
  {
    method: "GET",
    path: "/api/webhooks/{id}",
    need: { kind: "admin" },
    setup: freshWebhook,
    url: (r) => `/api/webhooks/${r.id}`,
  },
  {
    method: "PATCH",
    path: "/api/webhooks/{id}",
    need: { kind: "admin" },
    setup: freshWebhook,
    url: (r) => `/api/webhooks/${r.id}`,
    body: (r) => ({ description: "ERP", version: r.version }),
  },
  {
    method: "DELETE",
    path: "/api/webhooks/{id}",
    need: { kind: "admin" },
    setup: freshWebhook,
    url: (r) => `/api/webhooks/${r.id}`,
  },
  {
    method: "POST",
    path: "/api/webhooks/{id}/secret",
    need: { kind: "admin" },
    setup: freshWebhook,
    url: (r) => `/api/webhooks/${r.id}/secret`,
  },
  {
    method: "GET",
    path: "/api/webhooks/{id}/deliveries",
    need: { kind: "admin" },
    setup: freshWebhook,
    url: (r) => `/api/webhooks/${r.id}/deliveries`,
  },
  {
    method: "POST",
    path: "/api/webhooks/{id}/deliveries/{deliveryId}/retry",
    need: { kind: "admin" },
    setup: failedDelivery,
    url: (r) => `/api/webhooks/${r.id}/deliveries/${r.key}/retry`,
  },
];
