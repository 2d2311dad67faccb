import type { AppContext, AuthUser } from "../../context.ts";
import { AppError } from "../../errors.ts";
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
      throw new AppError(
        "rate_limited",
        `Muitas tentativas de login. Tente novamente em ${Math.ceil(retryAfterSeconds / 60)} minuto(s).`,
        { retryAfterSeconds },
      );
    }
  }
}

export async function login(
  ctx: AppContext,
  input: { username: string; password: string; address: string; userAgent: string | undefined },
): Promise<{ user: AuthUser; sessionSecret: string }> {
  const username = normalizeUsername(input.username);
  const userKey = `user:${username}`;
  const addressKey = `ip:${input.address}`;
  await checkRateLimit(ctx, [
    { key: addressKey, max: LOGIN_LIMITS.perAddress },
    { key: userKey, max: LOGIN_LIMITS.perUser },
  ]);

  const row = await ctx.db
    .selectFrom("users")
    .select(["id", "username", "name", "email", "is_admin", "is_active", "password_hash"])
    .where("username", "=", username)
    .executeTakeFirst();
  let ok = false;
  if (row) ok = await verifyPassword(input.password, row.password_hash);
  else await burnPasswordCheck(input.password);
  const nowDate = ctx.now();
  const now = nowDate.toISOString();
  if (!row || !ok || row.is_active !== 1) {
    await repo.recordFailures(ctx.db, [userKey, addressKey], now);
    // One message for every case: never tell which usernames exist.
    throw new AppError("invalid_credentials", "Usuário ou senha incorretos.");
  }

  // A new random session id at every login (no session fixation).
  const sessionSecret = newSecret();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.clearFailures(trx, userKey);
    await repo.insertSession(trx, {
      id_hash: sha256(sessionSecret),
      user_id: row.id,
      created_at: now,
      last_seen_at: now,
      expires_at: sessionExpiry(ctx, nowDate.getTime(), nowDate.getTime()),
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
  });
  return { user: toAuthUser(row), sessionSecret };
}

function sessionExpiry(ctx: AppContext, createdMs: number, lastSeenMs: number): string {
  return new Date(
    Math.min(createdMs + ctx.config.sessionAbsoluteMs, lastSeenMs + ctx.config.sessionIdleMs),
  ).toISOString();
}

export async function userFromSession(ctx: AppContext, secret: string): Promise<AuthUser | null> {
  const idHash = sha256(secret);
  const nowDate = ctx.now();
  const row = await repo.findActiveUserBySessionHash(ctx.db, idHash, nowDate.toISOString());
  if (!row) return null;
  const nowMs = nowDate.getTime();
  if (nowMs - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await repo.touchSession(
      ctx.db,
      idHash,
      nowDate.toISOString(),
      sessionExpiry(ctx, Date.parse(row.session_created_at), nowMs),
    );
  }
  return toAuthUser(row);
}

export async function logout(ctx: AppContext, secret: string): Promise<void> {
  await repo.deleteSession(ctx.db, sha256(secret));
}

export async function userFromApiToken(ctx: AppContext, token: string): Promise<AuthUser | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await repo.findActiveUserByTokenHash(ctx.db, sha256(token));
  if (!row) return null;
  const now = ctx.now();
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
    await repo.touchToken(ctx.db, row.token_id, now.toISOString());
  }
  return toAuthUser(row);
}

/** Housekeeping run by every server now and then; safe when several servers do it at once. */
export async function purgeExpired(ctx: AppContext): Promise<void> {
  const now = ctx.now();
  await repo.deleteExpiredSessions(ctx.db, now.toISOString());
  await repo.deleteOldFailures(ctx.db, new Date(now.getTime() - LOGIN_LIMITS.windowMs).toISOString());
}
