import { createHash, randomBytes } from "node:crypto";
import ical from "ical-generator";
import {
  type CalendarFeedCreated,
  type CalendarFeedStatus,
  FEED_DAYS_AFTER,
  FEED_DAYS_BEFORE,
} from "../../../shared/appointments.schemas.ts";
import { addDaysToDate } from "../../../shared/appointments.time.ts";
import { companyTimeZone } from "../../company-time.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { fail } from "../../errors.ts";
import { loadAccess } from "../access/access.service.ts";
import { inTransaction, recordChange } from "../audit/journal.ts";
import { visibleTabCategories } from "./appointments.access.ts";
import * as repo from "./appointments.repository.ts";
import { vtimezone, ZonedDate, zonedDay } from "./calendar-feed.timezone.ts";

/**
 * A private iCalendar feed per user: a secret URL a calendar app (Google, Outlook, Apple)
 * subscribes to, with the user's own appointments. Only the SHA-256 of the secret is stored,
 * so the URL is shown once; creating another replaces it, and revoking deletes it (404 after).
 */

const DAY = 86_400_000;
const FEED_CAP = 5000;
/** The file name in the URL: the secret (base64url) and `.ics`. */
const FEED_FILE = /^([A-Za-z0-9_-]{32,128})\.ics$/;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const feedMissing = () => fail("not_found", "calendar_feed_not_found");

export async function feedStatus(ctx: AppContext, user: AuthUser): Promise<CalendarFeedStatus> {
  const feed = await repo.feedOf(ctx.db, user.id);
  return { active: Boolean(feed), createdAt: feed?.created_at ?? null, lastUsedAt: feed?.last_used_at ?? null };
}

/** A new secret URL for the user (the old one stops working); `baseUrl` is the app's public origin. */
export async function createFeed(ctx: AppContext, user: AuthUser, baseUrl: string): Promise<CalendarFeedCreated> {
  const token = randomBytes(32).toString("base64url");
  const at = ctx.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    const before = await repo.feedOf(trx, user.id);
    await repo.replaceFeed(trx, user.id, hashToken(token), at);
    // The feed's secret is never written down: "tokenHash" is redacted, so only its change shows.
    recordChange(trx, ctx, {
      entity: "calendar_feed",
      id: user.id,
      action: before ? "update" : "create",
      before: before ? { tokenHash: "old", createdAt: before.created_at } : null,
      after: { tokenHash: "new", createdAt: at },
      always: true,
    });
  });
  return { url: `${baseUrl}/api/calendar/${token}.ics`, createdAt: at };
}

export async function revokeFeed(ctx: AppContext, user: AuthUser): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const before = await repo.feedOf(trx, user.id);
    await repo.deleteFeed(trx, user.id);
    if (before) {
      recordChange(trx, ctx, {
        entity: "calendar_feed",
        id: user.id,
        action: "delete",
        before: { tokenHash: "old", createdAt: before.created_at },
      });
    }
  });
}

/**
 * The feed's text: the owner's appointments (assigned to them, not deleted) from
 * FEED_DAYS_BEFORE ago to FEED_DAYS_AFTER ahead, of persons they may still see. Timed ones in
 * the company's time zone (Configurações › Empresa: TZID, with its VTIMEZONE, and X-WR-TIMEZONE
 * for the calendar), so a calendar app shows the times the screens show; all-day ones as dates
 * (VALUE=DATE, end exclusive); one stable UID per appointment and its version as SEQUENCE, so a
 * calendar app updates the event it already has.
 */
export async function renderFeed(ctx: AppContext, file: string): Promise<string> {
  const token = FEED_FILE.exec(file)?.[1];
  if (!token) throw feedMissing();
  const owner = await repo.feedUser(ctx.db, hashToken(token));
  if (!owner) throw feedMissing();
  const user: AuthUser = {
    id: owner.id,
    username: owner.username,
    name: owner.name,
    email: owner.email,
    isAdmin: owner.is_admin === 1,
  };
  const now = ctx.now();
  const from = new Date(now.getTime() - FEED_DAYS_BEFORE * DAY).toISOString();
  const to = new Date(now.getTime() + FEED_DAYS_AFTER * DAY).toISOString();
  const [access, timeZone] = await Promise.all([loadAccess(ctx.db, user), companyTimeZone(ctx.db)]);
  const rows = await repo.listWindow(ctx.db, {
    from,
    to,
    assignedUserId: user.id,
    status: null,
    categoryIds: visibleTabCategories(access),
    limit: FEED_CAP,
  });
  await repo.touchFeed(ctx.db, user.id, now.toISOString());

  // The zone's offsets over every instant the feed names: an event may start up to its longest
  // span before the window.
  const spanStart = Math.min(Date.parse(from), ...rows.map((r) => Date.parse(r.starts_at)));
  const spanEnd = Math.max(Date.parse(to), ...rows.map((r) => Date.parse(r.ends_at)));
  const calendar = ical({
    name: `Vínculo — ${user.name}`,
    prodId: { company: "Vinculo", product: "Agenda", language: "PT" },
    ttl: 15 * 60,
    timezone: { name: timeZone, generator: (zone) => vtimezone(zone, spanStart - DAY, spanEnd + DAY) },
  });
  const zoned = (at: string | Date) => new ZonedDate(at, timeZone);
  for (const r of rows) {
    const done = r.status === "done";
    const where = r.remote === 1 ? "Remoto" : r.address_text;
    calendar.createEvent({
      id: `appointment-${r.id}@vinculo`,
      sequence: r.version,
      stamp: zoned(now),
      timezone: timeZone,
      ...(r.all_day === 1 && r.start_date && r.end_date
        ? {
            allDay: true,
            start: zonedDay(r.start_date, timeZone),
            end: zonedDay(addDaysToDate(r.end_date, 1), timeZone),
          }
        : { start: zoned(r.starts_at), end: zoned(r.ends_at) }),
      summary: `${done ? "✓ " : ""}${r.type_name}: ${r.subject} — ${r.person_name}`,
      description: [
        r.description,
        `Pessoa: ${r.person_name} (código ${r.person_code})`,
        r.ticket_number === null ? null : `Atendimento nº ${r.ticket_number}`,
        done ? `Realizado: ${r.result ?? ""}` : null,
      ]
        .filter(Boolean)
        .join("\n"),
      ...(where ? { location: where } : {}),
    });
  }
  // With a calendar time zone, ical-generator writes DTSTAMP as local time; RFC 5545 (3.8.7.2)
  // wants it in UTC ("...Z"), and so do strict clients.
  const stampUtc = `${now.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
  return calendar.toString().replace(/^DTSTAMP:[^\r\n]*/gm, `DTSTAMP:${stampUtc}`);
}
