import type { Level, Tab } from "../../../shared/access.schemas.ts";
import type { AuthUser } from "../../context.ts";
import type { BusData, ChangeBus } from "../../events/bus.ts";
import { ExactCache } from "../../events/exact-cache.ts";

/**
 * What the request path asks on every request, held in the process (issue 13): who a session
 * cookie or API token is, and what that user's grants are. Keys are the SHA-256 the database
 * stores, so the cache holds no secret the database does not. Exact, never "wait for a TTL":
 * whatever changes an answer calls `publishAuthChange` after its transaction commits, and every
 * server (this one included) drops the entries before the changing request answers. Session
 * expiry is still checked on every request against the cached `expiresAt`.
 */
export type CachedSession = { user: AuthUser; createdAt: string; lastSeenAt: string; expiresAt: string };
export type CachedToken = { user: AuthUser; tokenId: number; lastUsedAt: string | null };
/** A non-administrator's grants over active categories: category id → tab → best level. */
export type CachedGrants = Map<number, Map<Tab, Level>>;

/** Payload ids only (NOTIFY payloads are small and the database stays the truth). */
export type AuthChange = { userId: number } | { all: true };

export type AuthCache = {
  /** By SHA-256 of the session cookie. */
  sessions: ExactCache<string, CachedSession>;
  /** By SHA-256 of the API token. */
  tokens: ExactCache<string, CachedToken>;
  /** By user id. */
  grants: ExactCache<number, CachedGrants>;
  /** False while the bus may miss messages (PostgreSQL listener down): then read the database. */
  readonly usable: boolean;
  drop: (change: AuthChange) => void;
};

export const AUTH_TOPIC = "auth";

/** Bounds: a few thousand users, each with some devices and tokens, fit many times over. */
const LIMITS = { sessions: 20_000, tokens: 5_000, grants: 20_000 };

function asChange(data: BusData): AuthChange {
  if (typeof data === "object" && data !== null && !Array.isArray(data) && typeof data.userId === "number")
    return { userId: data.userId };
  // {all: true}, or anything this version does not understand: dropping everything is always safe.
  return { all: true };
}

/** The cache of one server, subscribed to its bus: messages drop entries, gaps drop everything. */
export function createAuthCache(bus: ChangeBus, limits: Partial<typeof LIMITS> = {}): AuthCache {
  const max = { ...LIMITS, ...limits };
  const sessions = new ExactCache<string, CachedSession>(max.sessions);
  const tokens = new ExactCache<string, CachedToken>(max.tokens);
  const grants = new ExactCache<number, CachedGrants>(max.grants);
  const drop = (change: AuthChange) => {
    if ("all" in change) {
      sessions.clear();
      tokens.clear();
      grants.clear();
      return;
    }
    const ofUser = (entry: { user: AuthUser }) => entry.user.id === change.userId;
    sessions.dropWhere(ofUser);
    tokens.dropWhere(ofUser);
    grants.dropWhere((_value, userId) => userId === change.userId);
  };
  bus.subscribe(AUTH_TOPIC, (data) => drop(asChange(data)));
  bus.onGap(() => drop({ all: true }));
  return {
    sessions,
    tokens,
    grants,
    get usable() {
      return bus.healthy;
    },
    drop,
  };
}

/**
 * Call after the transaction that changed a session, token, user, profile or category commits.
 * Drops here first (so this server is right even if publishing fails), then waits until every
 * live server has dropped too: the change holds everywhere before the request answers.
 */
export async function publishAuthChange(
  ctx: { bus: ChangeBus; authCache: AuthCache },
  change: AuthChange,
): Promise<void> {
  ctx.authCache.drop(change);
  // The change is committed: a bus that fails to carry the news must not turn it into a 500.
  // Retry briefly; a server that missed it also drops its cache at its own next bus gap.
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.bus.publish(AUTH_TOPIC, change, { acknowledged: true });
      return;
    } catch (error) {
      if (attempt >= 3) {
        process.emitWarning(`auth cache invalidation not published: ${String(error)}`, "VinculoBusWarning");
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

/**
 * The cache of the server a database handle belongs to. `loadAccess(db, user)` is called with a
 * handle (or a transaction) by many services; a transaction is not registered, so reads inside
 * one go to the database, as they should.
 */
const byDb = new WeakMap<object, AuthCache>();

export function attachAuthCache(db: object, cache: AuthCache): void {
  byDb.set(db, cache);
}

export function authCacheOf(db: object): AuthCache | undefined {
  return byDb.get(db);
}
