import type { EmailRecipients, MailItem, SendEmailBody } from "../../../shared/mail.schemas.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { fail } from "../../errors.ts";
import { decodeCursor } from "../../keyset.ts";
import { canSeePerson, canWriteCategory, type UserAccess, visiblePerson } from "../access/access.service.ts";
import { attachToMail } from "../attachments/attachments.link.service.ts";
import { inTransaction, recordChange } from "../audit/journal.ts";
import { page, toMailItem } from "./mail.mapping.ts";
import { listMail } from "./outbox.repository.ts";
import { EMAIL_PATTERN, enqueueMail } from "./outbox.service.ts";
import { personEmails, relatedMainEmails } from "./person-mail.repository.ts";

/**
 * Who may send: the rule of changing the person's header — "write" on some tab of the selected
 * category (`?category=`), or of any of the person's categories when none is named. E-mail speaks
 * for the company to the person, so read-only access is not enough. Reading the list needs only
 * seeing the person.
 */
function assertMaySend(categoryIds: number[], access: UserAccess, category?: number) {
  const candidates = category === undefined ? categoryIds : categoryIds.filter((id) => id === category);
  if (!candidates.some((id) => canWriteCategory(access, id))) {
    throw fail("forbidden", "mail_read_only");
  }
}

/** The person's main e-mail and, as suggestions, their other e-mails and those of related persons this user sees. */
export async function emailRecipients(ctx: AppContext, user: AuthUser, code: number): Promise<EmailRecipients> {
  const { row, access } = await visiblePerson(ctx, user, code);
  const [own, related] = await Promise.all([personEmails(ctx.db, row.id), relatedMainEmails(ctx.db, row.id)]);
  const main = own.find((e) => e.is_main === 1)?.address ?? own[0]?.address ?? null;
  const seen = new Set(main ? [main.toLowerCase()] : []);
  const suggestions: EmailRecipients["suggestions"] = [];
  const offer = (address: string, label: string) => {
    if (seen.has(address.toLowerCase())) return;
    seen.add(address.toLowerCase());
    suggestions.push({ address, label });
  };
  for (const e of own) offer(e.address, row.name);
  for (const r of related) if (canSeePerson(access, r.categoryIds)) offer(r.address, r.name);
  return { main, suggestions };
}

/** Queues a message to (or about) the person; delivered by the outbox worker, listed on the person. */
export async function sendPersonEmail(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  body: SendEmailBody & { cc: string[] },
  category?: number,
): Promise<MailItem> {
  return inTransaction(ctx, async (trx) => {
    const { row, categoryIds, access } = await visiblePerson(ctx, user, code, trx);
    assertMaySend(categoryIds, access, category);
    const id = await enqueueMail(trx, ctx, {
      kind: "person",
      to: body.to,
      cc: body.cc,
      subject: body.subject,
      text: body.body,
      // Answers go to the user who wrote, not to the company's no-reply sender.
      replyTo: EMAIL_PATTERN.test(user.email) ? user.email : null,
      personId: row.id,
      createdBy: user.id,
    });
    // The files go with the message: queued together, sent together (at every attempt).
    await attachToMail(trx, user, body.attachments ?? [], { personId: row.id, mailId: id }, ctx.now().toISOString());
    const [created] = await listMail(trx, { id }, undefined, 1);
    if (!created) throw new Error(`queued message ${id} not found`);
    const item = toMailItem(created);
    // Who it went to and about what; the text itself stays in the outbox (and the person's e-mails).
    recordChange(trx, ctx, {
      entity: "mail",
      id,
      action: "queue",
      person: { id: row.id, code: row.code },
      after: { to: item.to, cc: item.cc, replyTo: item.replyTo, subject: item.subject },
      events: [{ type: "mail.queued", area: "person", refs: { mailId: id } }],
    });
    return item;
  });
}

export async function listPersonEmails(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  query: { limit: number; cursor?: string | undefined },
) {
  const { row } = await visiblePerson(ctx, user, code);
  const before = decodeCursor(query.cursor, "m", ["n"] as const)?.[0];
  const rows = await listMail(ctx.db, { personId: row.id }, before, query.limit + 1);
  return page(rows, query.limit);
}
