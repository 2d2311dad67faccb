import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { fail } from "../../errors.ts";
import { noteAccess, recordAccess } from "../audit/access-log.service.ts";
import { type CachedSession, publishAuthChange } from "./auth.cache.ts";
import * as repo from "./auth.repository.ts";
import { burnPasswordCheck, verifyPassword } from "./password.ts";
import { API_TOKEN_PREFIX, newSecret, sha256 } from "./tokens.ts";

/** Failed logins allowed in the window, per username and per client address. */
export const LOGIN_LIMITS = { windowMs: 15 * 60 * 1000, perUser: 10, perAddress: 30 };
/** Session touches are written at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 60 * 1000;

const toAuthUser = (row: repo.AuthUserRow): AuthUser => ({
  id: row.id,
  username: row.username,
  name: row.name,
  email: row.email,
  isAdmin: row.is_admin === 1,
});

export const normalizeUsername = (username: string) => username.trim().toLowerCase();

async function checkRateLimit(ctx: AppContext, keys: { key: string; max: number }[]): Promise<void> {
  const now = ctx.now().getTime();
  const since = new Date(now - LOGIN_LIMITS.windowMs).toISOString();
  for (const { key, max } of keys) {
    const { count, oldest } = await repo.countFailuresSince(ctx.db, key, since);
    if (count >= max) {
      const freeAt = (oldest ? Date.parse(oldest) : now) + LOGIN_LIMITS.windowMs;
      const retryAfterSeconds = Math.max(1, Math.ceil((freeAt - now) / 1000));
      throw fail(
        "rate_limited",
        "login_rate_limited",
        { minutes: Math.ceil(retryAfterSeconds / 60) },
        { retryAfterSeconds },
      );
    }
  }
}

export async function login(
  ctx: AppContext,
  input: {
    username: string;
    password: string;
    address: string;
    userAgent: string | undefined;
    /** The session cookie the request came with: ended only if this login succeeds. */
    previousSession?: string | undefined;
  },
): Promise<{ user: AuthUser; sessionSecret: string }> {
  const username = normalizeUsername(input.username);
  const userKey = `user:${username}`;
  const addressKey = `ip:${input.address}`;
  await checkRateLimit(ctx, [
    { key: addressKey, max: LOGIN_LIMITS.perAddress },
    { key: userKey, max: LOGIN_LIMITS.perUser },
  ]);

  const row = await repo.findUserForLogin(ctx.db, username);
  let ok = false;
  if (row) ok = await verifyPassword(input.password, row.password_hash);
  else await burnPasswordCheck(input.password);
  const nowDate = ctx.now();
  const now = nowDate.toISOString();
  if (!row || !ok || row.is_active !== 1) {
    await repo.recordFailures(ctx.db, [userKey, addressKey], now);
    // The name tried, not whether it exists (the record is for the company, the answer for anyone).
    await recordAccess(ctx, { kind: "login_failed", userId: row?.id ?? null, detail: username.slice(0, 100) });
    // One message for every case: never tell which usernames exist.
    throw fail("invalid_credentials", "invalid_credentials");
  }

  // A new random session id at every login (no session fixation). The session the request came
  // with ends here, with the new one in the same transaction: a refused login leaves it alive.
  const sessionSecret = newSecret();
  const previous = input.previousSession;
  const endedUserId = await ctx.db.transaction().execute(async (trx) => {
    const ended = previous ? await repo.deleteSession(trx, sha256(previous)) : undefined;
    await repo.clearFailures(trx, userKey);
    await repo.insertSession(trx, {
      id_hash: sha256(sessionSecret),
      user_id: row.id,
      created_at: now,
      last_seen_at: now,
      expires_at: sessionExpiry(ctx, nowDate.getTime(), nowDate.getTime()),
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
    await recordAccess(ctx, { kind: "login", userId: row.id, tokenId: null }, trx);
    return ended;
  });
  if (endedUserId !== undefined) await publishAuthChange(ctx, { userId: endedUserId });
  return { user: toAuthUser(row), sessionSecret };
}

function sessionExpiry(ctx: AppContext, createdMs: number, lastSeenMs: number): string {
  return new Date(
    Math.min(createdMs + ctx.config.sessionAbsoluteMs, lastSeenMs + ctx.config.sessionIdleMs),
  ).toISOString();
}

/**
 * The user of a session cookie. Served from the cache when this server knows the session (zero
 * queries), else read from the database and cached; the expiry is checked on every request
 * against the cached `expiresAt`, and the touch (at most once a minute) updates both.
 */
export async function userFromSession(ctx: AppContext, secret: string): Promise<AuthUser | null> {
  const idHash = sha256(secret);
  const nowDate = ctx.now();
  const cache = ctx.authCache;
  // Taken before any read, so a change that lands meanwhile keeps what we read out of the cache.
  const generation = cache.sessions.generation();
  if (cache.usable) {
    const hit = cache.sessions.get(idHash);
    if (hit && Date.parse(hit.expiresAt) > nowDate.getTime()) return touchSession(ctx, idHash, hit, generation, false);
    // Expired as far as this server knows; another server may have extended it since: ask the database.
    if (hit) cache.sessions.forget(idHash);
  }
  const row = await repo.findActiveUserBySessionHash(ctx.db, idHash, nowDate.toISOString());
  if (!row) return null;
  const entry: CachedSession = {
    user: toAuthUser(row),
    createdAt: row.session_created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
  return touchSession(ctx, idHash, entry, generation, true);
}

async function touchSession(
  ctx: AppContext,
  idHash: string,
  entry: CachedSession,
  generation: number,
  fresh: boolean,
): Promise<AuthUser> {
  const nowDate = ctx.now();
  const nowMs = nowDate.getTime();
  let current = entry;
  if (nowMs - Date.parse(entry.lastSeenAt) > TOUCH_EVERY_MS) {
    const expiresAt = sessionExpiry(ctx, Date.parse(entry.createdAt), nowMs);
    await repo.touchSession(ctx.db, idHash, nowDate.toISOString(), expiresAt);
    current = { ...entry, lastSeenAt: nowDate.toISOString(), expiresAt };
  }
  if ((fresh || current !== entry) && ctx.authCache.usable) ctx.authCache.sessions.set(idHash, current, generation);
  return current.user;
}

/**
 * The user of a session, without touching it: for a long-lived stream (the live screens), whose
 * being open must not keep an idle session alive. Cached like `userFromSession`.
 */
export async function sessionUserQuiet(ctx: AppContext, secret: string): Promise<AuthUser | null> {
  const idHash = sha256(secret);
  const nowDate = ctx.now();
  const cache = ctx.authCache;
  const generation = cache.sessions.generation();
  const hit = cache.usable ? cache.sessions.get(idHash) : undefined;
  if (hit && Date.parse(hit.expiresAt) > nowDate.getTime()) return hit.user;
  const row = await repo.findActiveUserBySessionHash(ctx.db, idHash, nowDate.toISOString());
  if (!row) return null;
  const entry: CachedSession = {
    user: toAuthUser(row),
    createdAt: row.session_created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
  if (cache.usable) cache.sessions.set(idHash, entry, generation);
  return entry.user;
}

/** Ends this session here and, before answering, in every server's cache. */
export async function logout(ctx: AppContext, secret: string): Promise<void> {
  const userId = await repo.deleteSession(ctx.db, sha256(secret));
  if (userId !== undefined) {
    await recordAccess(ctx, { kind: "logout", userId, tokenId: null });
    await publishAuthChange(ctx, { userId });
  }
}

/**
 * Ends every session of a user (deactivated, or given a new password), in the caller's
 * transaction. The caller publishes `publishAuthChange(ctx, { userId })` once it commits.
 */
export async function endUserSessions(db: Executor, userId: number): Promise<void> {
  await repo.deleteUserSessions(db, userId);
}

/** The user of an API token: cached like sessions; `last_used_at` is written at most once a minute. */
export async function userFromApiToken(ctx: AppContext, token: string): Promise<AuthUser | null> {
  return (await apiTokenUser(ctx, token))?.user ?? null;
}

/**
 * The user of an API token and the token's id (the journal names the token behind a change);
 * each use goes to the access log (Marco Civil), at most once a minute per token (access-log.service).
 */
export async function apiTokenUser(
  ctx: AppContext,
  token: string,
): Promise<{ user: AuthUser; tokenId: number } | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const tokenHash = sha256(token);
  const cache = ctx.authCache;
  const generation = cache.tokens.generation();
  let entry = cache.usable ? cache.tokens.get(tokenHash) : undefined;
  const fresh = !entry;
  if (!entry) {
    const row = await repo.findActiveUserByTokenHash(ctx.db, tokenHash);
    if (!row) return null;
    entry = { user: toAuthUser(row), tokenId: row.token_id, lastUsedAt: row.last_used_at };
  }
  const now = ctx.now();
  let current = entry;
  if (!entry.lastUsedAt || now.getTime() - Date.parse(entry.lastUsedAt) > TOUCH_EVERY_MS) {
    await repo.touchToken(ctx.db, entry.tokenId, now.toISOString());
    current = { ...entry, lastUsedAt: now.toISOString() };
  }
  if ((fresh || current !== entry) && cache.usable) cache.tokens.set(tokenHash, current, generation);
  noteAccess(ctx, { kind: "token_use", userId: current.user.id, tokenId: current.tokenId });
  return { user: current.user, tokenId: current.tokenId };
}

/**
 * Housekeeping now and then (the background-jobs process); safe when several servers do it at
 * once. Deleting expired sessions needs no cache invalidation: a cached `expiresAt` is never
 * later than the stored one (touches only extend it), so the cache already refuses them.
 */
export async function purgeExpired(ctx: AppContext): Promise<void> {
  const now = ctx.now();
  await repo.deleteExpiredSessions(ctx.db, now.toISOString());
  await repo.deleteOldFailures(ctx.db, new Date(now.getTime() - LOGIN_LIMITS.windowMs).toISOString());
}
