import { AsyncLocalStorage, AsyncResource } from "node:async_hooks";
import type { ActorKind } from "../../../shared/journal.ts";

/**
 * Who is acting, without a new parameter on every service: the request (set by the actor plugin,
 * plugins/actor.ts, before authentication runs, and read lazily, so the user resolved by the auth
 * hook is the one seen), an import run (`withImportRun`), the command line (`runAs({kind:"cli"})`
 * in cli/common.ts) or the server itself (`asSystem`, around background jobs, whose timers may
 * have been started inside some request and would otherwise inherit it).
 */
export type Actor = {
  kind: ActorKind;
  userId: number | null;
  tokenId: number | null;
  importRunId: number | null;
  ip: string | null;
  userAgent: string | null;
};

/** What the actor plugin keeps of a request: enough to answer who and from where, once auth ran. */
export type RequestFacts = {
  user: { id: number } | null;
  authVia: "session" | "token" | null;
  apiTokenId?: number | null;
  ip: string;
  headers: { "user-agent"?: string | undefined };
};

type Scope = {
  request?: RequestFacts;
  fixed?: Partial<Actor>;
  /** The journal writes nothing (the import benchmark's "without the journal" run only). */
  journalOff?: boolean;
};

const storage = new AsyncLocalStorage<Scope>();

export const SYSTEM_ACTOR: Actor = {
  kind: "system",
  userId: null,
  tokenId: null,
  importRunId: null,
  ip: null,
  userAgent: null,
};

/** User agents are free text from the client: kept, but bounded. */
const MAX_USER_AGENT = 300;

function fromRequest(request: RequestFacts): Actor {
  const userAgent = request.headers["user-agent"]?.slice(0, MAX_USER_AGENT) ?? null;
  const userId = request.user?.id ?? null;
  const viaToken = request.authVia === "token";
  return {
    kind: userId === null ? "system" : viaToken ? "token" : "user",
    userId,
    tokenId: viaToken ? (request.apiTokenId ?? null) : null,
    importRunId: null,
    ip: request.ip,
    userAgent,
  };
}

/** The actor of the code running now; "sistema" when nothing set one. */
export function currentActor(): Actor {
  const scope = storage.getStore();
  if (!scope) return SYSTEM_ACTOR;
  const base = scope.request ? fromRequest(scope.request) : SYSTEM_ACTOR;
  return scope.fixed ? { ...base, ...scope.fixed } : base;
}

/** Whether the journal writes at all here (always, except inside `withoutJournal`). */
export const journalEnabled = (): boolean => storage.getStore()?.journalOff !== true;

/** Runs `fn` as `actor` (merged over the current one: an import started by a request keeps its user). */
export function runAs<T>(actor: Partial<Actor>, fn: () => T): T {
  const scope = storage.getStore() ?? {};
  return storage.run({ ...scope, fixed: { ...scope.fixed, ...actor } }, fn);
}

/** Runs `fn` as an import run: its rows name the run (and the user or command line that started it). */
export function withImportRun<T>(importRunId: number, fn: () => T): T {
  return runAs({ kind: "import", importRunId }, fn);
}

/** Runs `fn` as the server itself, whatever request started the timer it runs in. */
export function asSystem<T>(fn: () => T): T {
  return storage.run({ fixed: SYSTEM_ACTOR }, fn);
}

/**
 * Runs `fn` with the journal off. Only the import benchmark calls it, to measure the journal's
 * cost in the same run; no configuration reaches it, so an installation cannot turn auditing off.
 */
export function withoutJournal<T>(fn: () => T): T {
  return storage.run({ ...storage.getStore(), journalOff: true }, fn);
}

/**
 * The request's scope, made in its first onRequest hook (run `next` inside it). Fastify runs the
 * later hooks and the handler from the request's stream events, outside that async context; the
 * same resource re-enters it (from a preValidation hook), as @fastify/request-context does.
 */
export function requestScope(request: RequestFacts): AsyncResource {
  return storage.run({ request }, () => new AsyncResource("vinculo-actor"));
}
