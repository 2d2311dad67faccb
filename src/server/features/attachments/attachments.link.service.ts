import { MAIL_ATTACHMENTS_MAX_BYTES } from "../../../shared/attachments.schemas.ts";
import type { AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { fail, fieldError } from "../../errors.ts";
import { formatBytes } from "./attachments.names.ts";
import * as repo from "./attachments.repository.ts";

/**
 * Attaching: a user's drafts (their keys) become the files of what is being created or changed,
 * in the caller's transaction — a parecer and its files, an e-mail and its attachments commit
 * together or not at all. Called by tickets and mail after their own access checks, and by the
 * attach routes of this feature. Only the uploader's own drafts can be attached; a key that is
 * not one (another user's, already attached, expired) is a 400 naming its place in the list.
 */

export type LinkTarget = repo.AttachTo;

export type Linked = { id: number; key: string; size: number }[];

export async function attachDrafts(
  db: Executor,
  user: AuthUser,
  keys: readonly string[],
  to: LinkTarget,
  at: string,
  field = "attachments",
): Promise<Linked> {
  if (!keys.length) return [];
  const found = await repo.draftsOf(db, user.id, [...keys]);
  const byKey = new Map(found.map((d) => [d.key, d]));
  const missing = keys.findIndex((key) => !byKey.has(key));
  if (missing >= 0) throw fieldError(`${field}.${missing}`, "draft_not_found");
  const drafts = keys.map((key) => byKey.get(key) as (typeof found)[number]);
  const attached = await repo.attachDrafts(
    db,
    drafts.map((d) => d.id),
    to,
    at,
  );
  // Attached meanwhile by another request of the same user: that one has them.
  if (attached !== drafts.length) throw fieldError(`${field}.0`, "draft_not_found");
  return drafts.map((d) => ({ id: d.id, key: d.key, size: Number(d.size) }));
}

/**
 * An e-mail's attachments: drafts that become part of the queued message (the outbox worker reads
 * them at each attempt, so a restart still sends them), within what a mail server takes.
 */
export async function attachToMail(
  db: Executor,
  user: AuthUser,
  keys: readonly string[],
  mail: { personId: number; mailId: number },
  at: string,
): Promise<Linked> {
  const linked = await attachDrafts(db, user, keys, { target: "mail", ...mail }, at);
  const total = linked.reduce((sum, l) => sum + l.size, 0);
  if (total > MAIL_ATTACHMENTS_MAX_BYTES) {
    throw fail("payload_too_large", "mail_attachments_too_large", {
      size: formatBytes(total),
      limit: formatBytes(MAIL_ATTACHMENTS_MAX_BYTES),
    });
  }
  return linked;
}
