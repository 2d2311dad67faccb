import { createHash, randomBytes } from "node:crypto";
import ical from "ical-generator";
import {
  type CalendarFeedCreated,
  type CalendarFeedStatus,
  FEED_DAYS_AFTER,
  FEED_DAYS_BEFORE,
} from "../../../shared/appointments.schemas.ts";
import { addDaysToDate, MAX_SPAN_DAYS } from "../../../shared/appointments.time.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { loadAccess } from "../access/access.service.ts";
import { visibleTabCategories } from "./appointments.access.ts";
import * as repo from "./appointments.repository.ts";

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

const feedMissing = () => new AppError("not_found", "Agenda não encontrada.");

export async function feedStatus(ctx: AppContext, user: AuthUser): Promise<CalendarFeedStatus> {
  const feed = await repo.feedOf(ctx.db, user.id);
  return { active: Boolean(feed), createdAt: feed?.created_at ?? null, lastUsedAt: feed?.last_used_at ?? null };
}

/** A new secret URL for the user (the old one stops working); `baseUrl` is the app's public origin. */
export async function createFeed(ctx: AppContext, user: AuthUser, baseUrl: string): Promise<CalendarFeedCreated> {
  const token = randomBytes(32).toString("base64url");
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute((trx) => repo.replaceFeed(trx, user.id, hashToken(token), at));
  return { url: `${baseUrl}/api/calendar/${token}.ics`, createdAt: at };
}

export async function revokeFeed(ctx: AppContext, user: AuthUser): Promise<void> {
  await repo.deleteFeed(ctx.db, user.id);
}

/**
 * The feed's text: the owner's appointments (assigned to them, not deleted) from
 * FEED_DAYS_BEFORE ago to FEED_DAYS_AFTER ahead, of persons they may still see. Timed ones in
 * UTC, all-day ones as dates (VALUE=DATE, end exclusive), one stable UID per appointment and its
 * version as SEQUENCE, so a calendar app updates the event it already has.
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
  const access = await loadAccess(ctx.db, user);
  const rows = await repo.listWindow(ctx.db, {
    from,
    to,
    startsFrom: new Date(Date.parse(from) - (MAX_SPAN_DAYS + 1) * DAY).toISOString(),
    assignedUserId: user.id,
    status: null,
    categoryIds: visibleTabCategories(access),
    limit: FEED_CAP,
  });
  await repo.touchFeed(ctx.db, user.id, now.toISOString());

  const calendar = ical({
    name: `Vínculo — ${user.name}`,
    prodId: { company: "Vinculo", product: "Agenda", language: "PT" },
    ttl: 15 * 60,
  });
  for (const r of rows) {
    const done = r.status === "done";
    const where = r.remote === 1 ? "Remoto" : r.address_text;
    calendar.createEvent({
      id: `appointment-${r.id}@vinculo`,
      sequence: r.version,
      stamp: now,
      ...(r.all_day === 1 && r.start_date && r.end_date
        ? { allDay: true, start: r.start_date, end: addDaysToDate(r.end_date, 1) }
        : { start: new Date(r.starts_at), end: new Date(r.ends_at) }),
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
  return calendar.toString();
}
