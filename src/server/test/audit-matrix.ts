import type { AuditAction, EventType } from "../../shared/journal.ts";
import type { CaseRecord, MatrixEndpoint, MatrixFixture } from "./grant-matrix.ts";

/**
 * What every write endpoint of the grant matrix leaves in the journal (the runner is
 * features/audit/audit-matrix.test.ts): the rows of MATRIX are reused — their setup, URL and body —
 * and each write row needs an entry here, keyed like the matrix's tests (`METHOD /path`). A new
 * write endpoint without one fails the coverage test: say what it journals. A row with a label
 * may have its own entry (`METHOD /path [label]`) where its kind of record journals differently.
 */
export type AuditExpectation = {
  entity: string;
  action: AuditAction;
  /** Audit rows the request writes; 1 unless documented otherwise. */
  count?: number;
  /** Who the row names as actor: the user, or (an import) the run started by the user. */
  actor?: "import";
  /** Whose history it is on: the case's person, a new person, or none (administration). */
  person: "case" | "new" | "none";
  /** Fields that must be in the diff. */
  fields?: string[];
  /** The domain events written, in order. */
  events: EventType[];
  /** A body other than the matrix's (whose "same values again" bodies change nothing). */
  body?: (r: CaseRecord, f: MatrixFixture) => object;
  /** Puts the record in the state the request changes (after the row's setup, before counting). */
  prepare?: (f: MatrixFixture, r: CaseRecord) => Promise<void>;
};

export const keyOf = (row: MatrixEndpoint) => `${row.method} ${row.path}`;

const none = "none" as const;
const onCase = "case" as const;

const settingsList = (entity: string): Record<string, AuditExpectation> => ({
  POST: { entity, action: "create", person: none, fields: ["name"], events: ["settings.changed"] },
  PATCH: { entity, action: "update", person: none, fields: ["name"], events: ["settings.changed"] },
});
const lists: [string, string][] = [
  ["categories", "category"],
  ["characteristics", "characteristic"],
  ["relationship-types", "relationship_type"],
  ["ticket-types", "ticket_type"],
  ["sectors", "sector"],
  ["products", "product"],
  ["appointment-types", "appointment_type"],
];

/** A draft attached to what it will belong to: it moves onto that person's history. */
const attached: AuditExpectation = {
  entity: "attachment",
  action: "update",
  person: onCase,
  fields: ["target"],
  events: [],
};

export const AUDIT_EXPECTATIONS: Record<string, AuditExpectation> = {
  "POST /api/persons": {
    entity: "person",
    action: "create",
    person: "new",
    fields: ["name", "categoryIds"],
    events: ["person.created"],
  },
  "PATCH /api/persons/{code}": {
    entity: "person",
    action: "update",
    person: onCase,
    fields: ["shortName"],
    events: ["person.changed"],
  },
  "POST /api/persons/{code}/addresses": {
    entity: "address",
    action: "create",
    person: onCase,
    fields: ["street", "city"],
    events: ["address.changed"],
  },
  "PATCH /api/addresses/{id}": {
    entity: "address",
    action: "update",
    person: onCase,
    fields: ["number"],
    events: ["address.changed"],
  },
  "DELETE /api/addresses/{id}": {
    entity: "address",
    action: "delete",
    person: onCase,
    fields: ["street"],
    events: ["address.changed"],
  },
  "POST /api/persons/{code}/related": {
    entity: "relationship",
    action: "create",
    person: onCase,
    fields: ["relatedCode", "typeId"],
    // One for each side: the link shows on both persons' screens.
    events: ["related.changed", "related.changed"],
  },
  "DELETE /api/persons/{code}/related/{linkId}": {
    entity: "relationship",
    action: "delete",
    person: onCase,
    fields: ["relatedCode"],
    events: ["related.changed", "related.changed"],
  },
  "POST /api/users": { entity: "user", action: "create", person: none, fields: ["username", "isAdmin"], events: [] },
  "PATCH /api/users/{id}": { entity: "user", action: "update", person: none, fields: ["name"], events: [] },
  "POST /api/users/{id}/password": {
    entity: "user",
    action: "password",
    person: none,
    fields: ["passwordHash"],
    events: [],
  },
  "POST /api/tokens": { entity: "api_token", action: "create", person: none, fields: ["name", "prefix"], events: [] },
  "DELETE /api/tokens/{id}": { entity: "api_token", action: "revoke", person: none, fields: ["revokedAt"], events: [] },
  "POST /api/access-profiles": {
    entity: "access_profile",
    action: "create",
    person: none,
    fields: ["name", "grants"],
    events: [],
  },
  "PATCH /api/access-profiles/{id}": {
    entity: "access_profile",
    action: "update",
    person: none,
    fields: ["grants"],
    events: [],
  },
  "DELETE /api/access-profiles/{id}": {
    entity: "access_profile",
    action: "delete",
    person: none,
    fields: ["name"],
    events: [],
  },
  ...Object.fromEntries(
    lists.flatMap(([path, entity]) => {
      const e = settingsList(entity);
      return [
        [`POST /api/settings/${path}`, e.POST as AuditExpectation],
        [`PATCH /api/settings/${path}/{id}`, e.PATCH as AuditExpectation],
      ];
    }),
  ),
  "POST /api/persons/{code}/tickets": {
    entity: "ticket",
    action: "create",
    person: onCase,
    fields: ["subject", "note", "sectorId"],
    events: ["ticket.created"],
  },
  "PATCH /api/tickets/{id}": {
    entity: "ticket",
    action: "update",
    person: onCase,
    fields: ["subject"],
    events: ["ticket.changed"],
  },
  "POST /api/tickets/{id}/notes": {
    entity: "ticket_note",
    action: "create",
    person: onCase,
    fields: ["text", "ticketId"],
    events: ["note.added"],
  },
  "POST /api/tickets/{id}/reopen": {
    entity: "ticket",
    action: "reopen",
    person: onCase,
    fields: ["status", "note"],
    events: ["ticket.reopened"],
  },
  "POST /api/tickets/{id}/duplicate": {
    entity: "ticket",
    action: "duplicate",
    person: onCase,
    fields: ["subject", "duplicatedFromId"],
    events: ["ticket.created"],
  },
  "POST /api/persons/{code}/appointments": {
    entity: "appointment",
    action: "create",
    person: onCase,
    fields: ["subject", "startsAt"],
    events: ["appointment.created"],
  },
  "PATCH /api/appointments/{id}": {
    entity: "appointment",
    action: "update",
    person: onCase,
    fields: ["subject"],
    events: ["appointment.changed"],
  },
  "DELETE /api/appointments/{id}": {
    entity: "appointment",
    action: "delete",
    person: onCase,
    fields: ["deletedAt", "deleteReason"],
    events: ["appointment.deleted"],
  },
  "POST /api/appointments/{id}/done": {
    entity: "appointment",
    action: "done",
    person: onCase,
    fields: ["status", "result"],
    events: ["appointment.done"],
  },
  "POST /api/appointments/{id}/lock": {
    entity: "appointment",
    action: "lock",
    person: onCase,
    fields: ["lockedBy", "lockReason"],
    events: ["appointment.locked"],
  },
  "DELETE /api/appointments/{id}/lock": {
    entity: "appointment",
    action: "unlock",
    person: onCase,
    fields: ["lockedBy"],
    events: ["appointment.unlocked"],
  },
  "POST /api/me/calendar-feed": {
    entity: "calendar_feed",
    action: "create",
    person: none,
    fields: ["tokenHash"],
    events: [],
  },
  "DELETE /api/me/calendar-feed": {
    entity: "calendar_feed",
    action: "delete",
    person: none,
    fields: ["tokenHash"],
    events: [],
    prepare: async (f) => {
      await f.adminCall({ method: "POST", url: "/api/me/calendar-feed" });
    },
  },
  "POST /api/persons/{code}/emails": {
    entity: "mail",
    action: "queue",
    person: onCase,
    fields: ["to", "subject"],
    events: ["mail.queued"],
  },
  "POST /api/outbox/{id}/retry": {
    entity: "mail",
    action: "retry",
    person: onCase,
    fields: ["status", "lastError"],
    events: ["mail.queued"],
  },
  "PATCH /api/settings/company": {
    entity: "company_settings",
    action: "update",
    person: none,
    fields: ["name"],
    events: ["settings.changed"],
  },
  "PATCH /api/settings/smtp": { entity: "smtp_settings", action: "update", person: none, fields: ["port"], events: [] },
  "POST /api/settings/smtp/test": {
    entity: "mail",
    action: "queue",
    person: none,
    fields: ["to", "subject"],
    events: ["mail.queued"],
  },
  "POST /api/import/{entity}": {
    entity: "receivable",
    actor: "import",
    action: "create",
    person: onCase,
    fields: ["externalId", "amountCents"],
    events: ["receivable.imported"],
  },
  "PATCH /api/settings/critical-factors": {
    entity: "critical_factor_settings",
    action: "update",
    person: none,
    fields: ["warnDays"],
    events: ["settings.changed"],
    body: (r) => ({ warnDays: 3, version: r.version }),
  },
  "PUT /api/persons/{code}/watchers/me": {
    entity: "watcher",
    action: "create",
    person: onCase,
    fields: ["userId"],
    events: ["watcher.added"],
  },
  "DELETE /api/persons/{code}/watchers/me": {
    entity: "watcher",
    action: "delete",
    person: onCase,
    fields: ["userId"],
    events: ["watcher.removed"],
    prepare: async (f) => {
      await f.adminCall({ method: "PUT", url: `/api/persons/${f.person.code}/watchers/me` });
    },
  },
  "PUT /api/me/watch-preferences": {
    entity: "watch_preferences",
    action: "update",
    person: none,
    fields: ["delivery"],
    events: [],
    body: () => ({ delivery: "digest" }),
  },
  "PATCH /api/settings/retention": {
    entity: "retention_settings",
    action: "update",
    person: none,
    fields: ["auditLogMonths"],
    events: [],
    body: (r) => ({ auditLogMonths: 61, version: r.version }),
  },
  "POST /api/ticket-queues/bulk": {
    entity: "ticket",
    action: "update",
    person: onCase,
    fields: ["priority"],
    events: ["ticket.changed"],
    // Not the matrix's "high": a production ticket's type opens it high already (nothing would change).
    body: (r) => ({ ticketIds: [r.id], action: { kind: "priority", priority: "urgent" } }),
  },
  "POST /api/ticket-views": { entity: "ticket_view", action: "create", person: none, fields: ["name"], events: [] },
  "PATCH /api/ticket-views/{id}": {
    entity: "ticket_view",
    action: "update",
    person: none,
    fields: ["name"],
    events: [],
    body: (r) => ({ name: "Outro nome", version: r.version }),
  },
  "DELETE /api/ticket-views/{id}": {
    entity: "ticket_view",
    action: "delete",
    person: none,
    fields: ["name"],
    events: [],
  },
  // A draft belongs to its uploader alone: on nobody's history until it is attached.
  "POST /api/uploads": { entity: "attachment", action: "create", person: none, fields: ["name", "sha256"], events: [] },
  "POST /api/tickets/{id}/attachments": attached,
  "POST /api/appointments/{id}/attachments": attached,
  "POST /api/persons/{code}/attachments": attached,
  "DELETE /api/attachments/{key}": {
    entity: "attachment",
    action: "delete",
    person: onCase,
    fields: ["name"],
    events: [],
  },
  "DELETE /api/attachments/{key} [own draft]": {
    entity: "attachment",
    action: "delete",
    person: none,
    fields: ["name"],
    events: [],
  },
  // Administração › Integrações: the journal names the URL and the secret's prefix, never the secret.
  "POST /api/webhooks": { entity: "webhook", action: "create", person: none, fields: ["url"], events: [] },
  "PATCH /api/webhooks/{id}": {
    entity: "webhook",
    action: "update",
    person: none,
    fields: ["description"],
    events: [],
  },
  "DELETE /api/webhooks/{id}": { entity: "webhook", action: "delete", person: none, fields: ["url"], events: [] },
  "POST /api/webhooks/{id}/secret": {
    entity: "webhook",
    action: "update",
    person: none,
    fields: ["secretPrefix"],
    events: [],
  },
  "POST /api/webhooks/{id}/deliveries/{deliveryId}/retry": {
    entity: "webhook_delivery",
    action: "retry",
    person: none,
    fields: ["status"],
    events: [],
  },
};

/** The expectation of a matrix row: its label's own (`METHOD /path [label]`), else its route's. */
export const expectationFor = (row: MatrixEndpoint): AuditExpectation | undefined =>
  (row.label ? AUDIT_EXPECTATIONS[`${keyOf(row)} [${row.label}]`] : undefined) ?? AUDIT_EXPECTATIONS[keyOf(row)];
