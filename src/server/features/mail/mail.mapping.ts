import type { MailItem, MailKind, MailStatus } from "../../../shared/mail.schemas.ts";
import { badRequest } from "../../errors.ts";
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

/** Keyset cursors are the last id seen, opaque to clients. */
export const encodeCursor = (id: number) => Buffer.from(JSON.stringify({ id }), "utf8").toString("base64url");

export function decodeCursor(cursor: string | undefined): number | undefined {
  if (!cursor) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const id = (v as { id?: unknown })?.id;
    if (typeof id === "number" && Number.isInteger(id) && id > 0) return id;
  } catch {
    // falls through to the 400
  }
  throw badRequest("cursor", "cursor inválido");
}

/** One page: `limit` items and the cursor of the next page, fetched with one extra row. */
export function page(rows: ListedMail[], limit: number) {
  const items = rows.slice(0, limit).map(toMailItem);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor(last.id) : null };
}
