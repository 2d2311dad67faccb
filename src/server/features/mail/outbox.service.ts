import { randomUUID } from "node:crypto";
import type { AppContext } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { fieldError } from "../../errors.ts";
import { getCompanySettings } from "../settings/company.service.ts";
import { insertMail } from "./outbox.repository.ts";

export type OutgoingMail = {
  kind: "person" | "watch" | "digest" | "test";
  to: string[];
  cc?: string[];
  subject: string;
  /** Plain text body; the HTML part is derived by escaping it (links made clickable). */
  text: string;
  replyTo?: string | null;
  /** Shown in the person's E-mails list when kind === "person". */
  personId?: number | null;
  /** User id. */
  createdBy?: number | null;
};

/** Deliberately loose (one @, a dot in the domain, no spaces): the SMTP server is the real judge. */
export const EMAIL_PATTERN = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

/**
 * Who wants to hear that mail was queued in this process: the workers started on this server's
 * database handle (a context copied with another clock or db wrapper is still the same server).
 */
const wakers = new WeakMap<object, Set<() => void>>();

export function onMailQueued(ctx: AppContext, wake: () => void): () => void {
  const set = wakers.get(ctx.handle) ?? new Set();
  wakers.set(ctx.handle, set);
  set.add(wake);
  return () => set.delete(wake);
}

/** Tells this process's workers that mail may be due (they look shortly after, see outbox.worker). */
export function wakeMailWorkers(ctx: AppContext): void {
  for (const wake of wakers.get(ctx.handle) ?? []) wake();
}

function checkAddresses(field: string, list: string[]): string[] {
  const clean = list.map((a) => a.trim());
  clean.forEach((a, i) => {
    if (!EMAIL_PATTERN.test(a)) throw fieldError(`${field}[${i}]`, "invalid_email");
  });
  return clean;
}

/** The domain of the sender address, so Message-IDs look like they come from the company. */
const messageIdDomain = (from: string) => from.split("@")[1]?.trim() || "vinculo.localhost";

/** Writes the message to the outbox in the caller's transaction; never sends inside the request. */
export async function enqueueMail(db: Executor, ctx: AppContext, mail: OutgoingMail): Promise<number> {
  const to = checkAddresses("to", mail.to);
  if (to.length === 0) throw fieldError("to", "recipient_required");
  const cc = checkAddresses("cc", mail.cc ?? []);
  const company = await getCompanySettings(db);
  const at = ctx.now().toISOString();
  const id = await insertMail(db, {
    kind: mail.kind,
    person_id: mail.personId ?? null,
    message_id: `<${randomUUID()}@${messageIdDomain(company.mailFrom)}>`,
    from_name: company.name,
    from_address: company.mailFrom,
    to_addresses: JSON.stringify(to),
    cc_addresses: JSON.stringify(cc),
    reply_to: mail.replyTo?.trim() || null,
    subject: mail.subject,
    body_text: mail.text,
    status: "queued",
    next_attempt_at: at,
    created_at: at,
    created_by: mail.createdBy ?? null,
    updated_at: at,
  });
  // The caller's transaction has not committed yet: the workers look a moment later (and their
  // regular poll covers a transaction that takes longer than that).
  wakeMailWorkers(ctx);
  return Number(id);
}
