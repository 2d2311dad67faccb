import { z } from "zod";
import { decimalInt, listOf, MAX_DB_INTEGER } from "./common.schemas.ts";
import { EVENT_TYPES } from "./journal.ts";

/**
 * Outbound webhooks (issue 14, Administração › Integrações): an administrator registers a URL and
 * the event types it hears; each event goes out as one signed POST (Standard Webhooks:
 * `webhook-id`, `webhook-timestamp`, `webhook-signature`), from the background worker, never from
 * inside a request. A webhook acts for one user: it carries only events that user may see.
 */

export const WEBHOOK_URL_MAX = 2000;

/** http(s), a host, no user or password in it (a secret in a URL ends up in every log). */
export const webhookUrl = z
  .string()
  .trim()
  .min(1)
  .max(WEBHOOK_URL_MAX)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
      } catch {
        return false;
      }
    },
    { params: { reason: "webhook_url_invalid" } },
  )
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.username === "" && url.password === "";
      } catch {
        return true;
      }
    },
    { params: { reason: "webhook_url_credentials" } },
  );

export const webhookEventType = z.enum(EVENT_TYPES);

const eventTypes = z
  .array(webhookEventType)
  .min(1)
  .max(EVENT_TYPES.length)
  .transform((types) => [...new Set(types)]);

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "delivered", "failed", "skipped"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const webhook = z.object({
  id: z.number().int(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(webhookEventType),
  /** The user whose grants decide what the webhook carries. */
  userId: z.number().int(),
  username: z.string(),
  /** Whether the URL may point into the local network (loopback, private ranges). */
  allowPrivate: z.boolean(),
  active: z.boolean(),
  /** The first characters of the secret, to tell secrets apart (the secret is shown once). */
  secretPrefix: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Deliveries waiting (the receiver is down or slow). */
  pending: z.number().int(),
  /** Deliveries given up on. */
  failed: z.number().int(),
  lastDeliveredAt: z.string().nullable(),
  /** The receiver failed this many times in a row; the worker waits until retryAt. */
  failures: z.number().int(),
  retryAt: z.string().nullable(),
  lastError: z.string().nullable(),
  version: z.number().int(),
});
export type Webhook = z.infer<typeof webhook>;

export const createWebhookBody = z.object({
  url: webhookUrl,
  description: z.string().trim().max(200).default(""),
  eventTypes,
  userId: z.number().int().positive().max(MAX_DB_INTEGER),
  allowPrivate: z.boolean().default(false),
});
export type CreateWebhookBody = z.infer<typeof createWebhookBody>;

export const updateWebhookBody = z.object({
  url: webhookUrl.optional(),
  description: z.string().trim().max(200).optional(),
  eventTypes: eventTypes.optional(),
  userId: z.number().int().positive().max(MAX_DB_INTEGER).optional(),
  allowPrivate: z.boolean().optional(),
  active: z.boolean().optional(),
  version: z.number().int().positive().max(MAX_DB_INTEGER),
});
export type UpdateWebhookBody = z.infer<typeof updateWebhookBody>;

/** The secret (`whsec_…`, as the Standard Webhooks libraries take it) is shown here once and never again. */
export const createdWebhook = webhook.extend({ secret: z.string() });
export type CreatedWebhook = z.infer<typeof createdWebhook>;

export const webhookDelivery = z.object({
  id: z.number().int(),
  /** The event's id: the `webhook-id` header is `evt_<eventId>`, the same on every attempt. */
  eventId: z.number().int(),
  eventType: webhookEventType,
  personCode: z.number().int().nullable(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  /** The receiver's last HTTP status, or null when it never answered. */
  lastStatus: z.number().int().nullable(),
  /** Why the last attempt failed (a status, a timeout, a refused address), or null. */
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDelivery>;

export const webhookDeliveriesQuery = z.object({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  limit: decimalInt({ min: 1, max: 200 }).default(50),
  cursor: z.string().max(500).optional(),
});
export type WebhookDeliveriesQuery = z.infer<typeof webhookDeliveriesQuery>;

export const webhookDeliveries = listOf(webhookDelivery);
export type WebhookDeliveries = z.infer<typeof webhookDeliveries>;

export const webhookDeliveryParams = z.object({ id: decimalInt(), deliveryId: decimalInt() });

/** What a receiver gets in the body: the event as the live stream tells it, ids only. */
export type WebhookPayload = {
  type: string;
  timestamp: string;
  data: {
    id: number;
    type: string;
    at: string;
    personCode: number | null;
    area: string;
    refs: Record<string, number>;
  };
};
