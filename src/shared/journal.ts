import { TABS } from "./access.schemas.ts";

/**
 * The change journal's vocabulary (issues 14 and 17), shared so the server, the live screens
 * (SSE, webhooks) and the audit views all speak the same names.
 *
 * Domain events (table domain_events) say what happened, to which person, in which access area,
 * and the ids a receiver needs to refetch; never the data itself. The audit log (table audit_log)
 * says who changed what, from where, with the fields before and after.
 */

export const EVENT_TYPES = [
  "person.created",
  "person.changed",
  "address.changed",
  "related.changed",
  "ticket.created",
  "ticket.changed",
  "ticket.closed",
  "ticket.reopened",
  "note.added",
  "appointment.created",
  "appointment.changed",
  "appointment.done",
  "appointment.deleted",
  "appointment.locked",
  "appointment.unlocked",
  "watcher.added",
  "watcher.removed",
  "receivable.imported",
  "receivable.changed",
  "commission.imported",
  "commission.changed",
  "contract.imported",
  "contract.changed",
  "mail.queued",
  "mail.sent",
  "mail.failed",
  "settings.changed",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Where an event belongs, for the visibility check at delivery: a tab of the person screen
 * (a grant on one of the person's categories for that tab), `person` (seeing the person: its
 * header, watchers, e-mails), `settings` (any logged-in user), `admin` (administrators only).
 * An event of a tab with no person (an import batch over many persons) goes to those who have
 * that tab on some category.
 */
export const EVENT_AREAS = [...TABS, "person", "settings", "admin"] as const;
export type EventArea = (typeof EVENT_AREAS)[number];

/** The ids an event touches: ticketId, noteId, appointmentId, addressId, importRunId… never more than ids. */
export type EventRefs = Record<string, number>;

/**
 * Who made a change: a user in a session, a user through an API token, an import run (by the
 * user who started it, or from the command line), the command line, or the server itself
 * ("sistema": the mail worker, the daily jobs).
 */
export const ACTOR_KINDS = ["user", "token", "import", "cli", "system"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const AUDIT_ACTIONS = [
  "create",
  "update",
  "delete",
  "close",
  "reopen",
  "duplicate",
  "done",
  "lock",
  "unlock",
  "revoke",
  "password",
  "queue",
  "retry",
  "sent",
  "failed",
  "retention",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What a changed field's value is replaced with when it must never be written down. */
export const REDACTED = "[redacted]";

/** The access log's kinds (Marco Civil da Internet, art. 15). */
export const ACCESS_KINDS = [
  "login",
  "login_failed",
  "logout",
  "token_use",
  "export",
  "dossier",
  "person_view",
] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

/** The bus topic that wakes every server's event streams after a commit; payload `{ upTo: id }`. */
export const EVENTS_TOPIC = "events";
