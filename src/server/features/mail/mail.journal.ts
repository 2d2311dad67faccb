import type { EventType } from "../../../shared/journal.ts";
import type { Executor } from "../../db/types.ts";
import { type Change, personRef } from "../audit/journal.ts";

/**
 * A message's delivery as the journal records it: a retry asked for, sent, failed. Mail to a
 * person is on that person's history and screen (event area "person"); Spy System notices,
 * digests and tests are the outbox's business, for administrators.
 */
export async function mailChange(
  db: Executor,
  row: { id: number; kind: string; person_id: number | null; status: string },
  action: "retry" | "sent" | "failed",
  event: EventType,
  extra: { before?: Record<string, unknown>; after?: Record<string, unknown> } = {},
): Promise<Change> {
  const person = row.kind === "person" && row.person_id !== null ? await personRef(db, row.person_id) : null;
  const status = action === "retry" ? "queued" : action;
  return {
    entity: "mail",
    id: row.id,
    action,
    person,
    before: { status: row.status, ...extra.before },
    after: { status, ...extra.after },
    always: true,
    events: [{ type: event, area: person ? "person" : "admin", refs: { mailId: row.id } }],
  };
}
