import { type TicketArea, tabOfArea } from "../../../shared/tickets.schemas.ts";
import { dateInZone } from "../../../shared/time-zone.ts";
import { companyTimeZone } from "../../company-time.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { EMAIL_PATTERN, enqueueMail } from "../mail/outbox.service.ts";
import { eventMail, type WatchEvent } from "./watchers.mail.ts";
import * as repo from "./watchers.repository.ts";

/**
 * The Spy System's hook in the ticket services: called inside the transaction of the change
 * (ticket opened or duplicated, note added, closed, reopened), it queues an e-mail for every
 * watcher of the person except the user who did it — or, for watchers on the daily digest, stores
 * the event. Only active users who may still see the ticket's tab (Atendimentos or Produção for
 * one of the person's categories; administrators see all) hear about it. Nothing is sent here:
 * the outbox row commits or rolls back with the change.
 */
export async function notifyWatchers(
  db: Executor,
  ctx: AppContext,
  e: { ticketId: number; event: WatchEvent; actor: AuthUser; text: string },
): Promise<void> {
  const watchers = await repo.watchersOfTicket(db, e.ticketId, e.actor.id);
  const first = watchers[0];
  if (!first) return;
  const tab = tabOfArea(first.area as TicketArea);
  const nonAdmins = watchers.filter((w) => w.is_admin !== 1).map((w) => w.user_id);
  const granted = nonAdmins.length
    ? await repo.usersWithTab(db, nonAdmins, await repo.categoryIdsOf(db, first.person_id), tab)
    : new Set<number>();
  // An address the outbox would refuse must not refuse the ticket change with it.
  const recipients = watchers.filter(
    (w) => (w.is_admin === 1 || granted.has(w.user_id)) && (w.delivery === "digest" || EMAIL_PATTERN.test(w.email)),
  );
  if (!recipients.length) return;

  const timeZone = await companyTimeZone(db);
  const at = ctx.now().toISOString();
  const facts = {
    event: e.event,
    personCode: first.person_code,
    personName: first.person_name,
    ticketNumber: first.number,
    subject: first.subject,
    area: first.area,
    actorName: e.actor.name,
    text: e.text,
    at,
  };
  const digest = recipients.filter((w) => w.delivery === "digest");
  await repo.insertEvents(
    db,
    digest.map((w) => ({
      user_id: w.user_id,
      person_id: first.person_id,
      ticket_id: first.ticket_id,
      event: e.event,
      actor_id: e.actor.id || null,
      text: e.text,
      day: dateInZone(at, timeZone),
      created_at: at,
    })),
  );
  const immediate = recipients.filter((w) => w.delivery !== "digest");
  if (!immediate.length) return;
  const mail = eventMail(ctx.config, timeZone, facts);
  // One message per watcher: nobody learns who else watches.
  for (const w of immediate) {
    await enqueueMail(db, ctx, {
      kind: "watch",
      to: [w.email],
      subject: mail.subject,
      text: mail.text,
      createdBy: e.actor.id || null,
    });
  }
}
