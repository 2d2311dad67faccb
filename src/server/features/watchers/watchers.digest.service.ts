import { type TicketArea, tabOfArea } from "../../../shared/tickets.schemas.ts";
import { dateInZone } from "../../../shared/time-zone.ts";
import { companyTimeZone } from "../../company-time.ts";
import type { AppContext } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { loadAccess, tabLevel } from "../access/access.service.ts";
import { EMAIL_PATTERN, enqueueMail } from "../mail/outbox.service.ts";
import { digestMail, type WatchEvent } from "./watchers.mail.ts";
import * as repo from "./watchers.repository.ts";

/** How often each server looks for finished days (start.ts); a digest goes out soon after midnight. */
export const DIGEST_INTERVAL_MS = 5 * 60 * 1000;
const BATCH = 200;

export type DigestResult = { sent: number; empty: number; skipped: number };

/**
 * The daily digest: for every user with events of a finished day (before today in the company's
 * zone), one e-mail with that day's events. Each (user, day) is claimed by inserting its
 * watch_digests row in the same transaction that queues the mail and deletes the events, so any
 * number of servers may run this at once and each digest goes out exactly once. Access is checked
 * again at sending time: an event of a tab the user lost, or a user deactivated since, is dropped.
 */
export async function runWatchDigests(ctx: AppContext): Promise<DigestResult> {
  const result: DigestResult = { sent: 0, empty: 0, skipped: 0 };
  const timeZone = await companyTimeZone(ctx.db);
  const today = dateInZone(ctx.now(), timeZone);
  for (;;) {
    const pending = await repo.pendingDigests(ctx.db, today, BATCH);
    for (const { user_id: userId, day } of pending) {
      const outcome = await ctx.db.transaction().execute((trx) => sendDigest(trx, ctx, userId, day, today, timeZone));
      result[outcome] += 1;
    }
    if (pending.length < BATCH) return result;
  }
}

async function sendDigest(
  trx: Executor,
  ctx: AppContext,
  userId: number,
  day: string,
  today: string,
  timeZone: string,
): Promise<keyof DigestResult> {
  const at = ctx.now().toISOString();
  if (!(await repo.claimDigest(trx, userId, day, at))) {
    // Already sent (by this or another server): what came late joins today's digest.
    await repo.moveEvents(trx, userId, day, today);
    return "skipped";
  }
  const [user, rows] = await Promise.all([repo.activeUser(trx, userId), repo.digestEvents(trx, userId, day)]);
  let visible: repo.DigestEventRow[] = [];
  if (user && EMAIL_PATTERN.test(user.email)) {
    const access = await loadAccess(trx, {
      id: user.id,
      username: user.username,
      name: user.name,
      email: user.email,
      isAdmin: user.is_admin === 1,
    });
    const categories = new Map<number, number[]>();
    for (const r of rows) {
      let ids = categories.get(r.person_id);
      if (!ids) {
        ids = await repo.categoryIdsOf(trx, r.person_id);
        categories.set(r.person_id, ids);
      }
      if (tabLevel(access, ids, tabOfArea(r.area as TicketArea))) visible.push(r);
    }
  } else {
    visible = [];
  }
  let mailId: number | null = null;
  if (user && visible.length) {
    const mail = digestMail(
      ctx.config,
      timeZone,
      day,
      visible.map((r) => ({
        event: r.event as WatchEvent,
        personCode: r.person_code,
        personName: r.person_name,
        ticketNumber: r.number,
        subject: r.subject,
        area: r.area,
        actorName: r.actor_name,
        text: r.text,
        at: r.created_at,
      })),
    );
    mailId = await enqueueMail(trx, ctx, { kind: "digest", to: [user.email], subject: mail.subject, text: mail.text });
  }
  await repo.finishDigest(trx, userId, day, visible.length, mailId);
  await repo.deleteEvents(trx, userId, day);
  return mailId === null ? "empty" : "sent";
}

/** Runs the digest now and then every DIGEST_INTERVAL_MS; failures are logged and retried next time. */
export function startWatchDigests(ctx: AppContext, log: { warn: (obj: object, msg: string) => void }): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runWatchDigests(ctx)
      .catch((err: unknown) => log.warn({ err }, "watch digest failed"))
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, DIGEST_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
