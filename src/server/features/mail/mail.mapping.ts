import type { MailItem, MailKind, MailStatus } from "../../../shared/mail.schemas.ts";
import { pageOf } from "../../keyset.ts";
import type { ListedMail } from "./outbox.repository.ts";

const list = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((a): a is string => typeof a === "string") : [];
};

/** A message a worker holds right now is still "queued" to everyone outside the worker. */
const statusOf = (s: string): MailStatus => (s === "sent" || s === "failed" ? s : "queued");

export function toMailItem(r: ListedMail): MailItem {
  return {
    id: r.id,
    kind: r.kind as MailKind,
    status: statusOf(r.status),
    from: `${r.from_name} <${r.from_address}>`,
    to: list(r.to_addresses),
    cc: list(r.cc_addresses),
    replyTo: r.reply_to,
    subject: r.subject,
    body: r.body_text,
    createdAt: r.created_at,
    createdBy: r.created_by !== null ? { id: r.created_by, name: r.created_by_name ?? "" } : null,
    sentAt: r.sent_at,
    attempts: Number(r.attempts),
    nextAttemptAt: r.status === "queued" ? r.next_attempt_at : null,
    lastError: r.last_error,
    person: r.person_code !== null ? { code: r.person_code, name: r.person_name ?? "" } : null,
    version: Number(r.version),
  };
}

/** One page, newest first: `limit` items and the cursor (the last id shown) of the next page. */
export function page(rows: ListedMail[], limit: number) {
  const { rows: shown, nextCursor } = pageOf(rows, limit, "m", (r) => [r.id]);
  return { items: shown.map(toMailItem), nextCursor };
}
