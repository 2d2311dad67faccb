import { login } from "../../features/auth/auth.service.ts";
import { createToken } from "../../features/tokens/tokens.service.ts";
import { createUser } from "../../features/users/users.service.ts";
import { SESSION_COOKIE } from "../../plugins/auth.ts";
import type { TestApp } from "../test-app.ts";
import { literalSegments } from "./openapi.ts";

/**
 * What the fuzzer knows about the database it is hammering: pools of ids that exist (seeded by
 * the factories, then harvested from every 2xx answer), the last version seen of each record
 * (so a generated PATCH can get past 412 and reach the rules), and who it speaks as.
 */

export type PrincipalName =
  | "admin-token"
  | "admin-session"
  | "no-grants-session"
  | "no-grants-token"
  | "anonymous"
  | "bad-token"
  | "foreign-origin";

type Identity = { userId: number; username: string; tokenId: number; token: string; cookie: string };

const POOL_CAP = 40;

/** Route segment → the pool its ids live in, when the two names differ. */
const POOL_OF_SEGMENT: Record<string, string> = {
  "current-account": "entries",
  emails: "outbox",
  "my-tickets": "tickets",
  assignees: "users",
};

let serial = 0;

export class World {
  readonly pools = new Map<string, (number | string)[]>();
  readonly versions = new Map<string, number>();
  readonly cursors = new Map<string, string[]>();
  /** Users and tokens the fuzzer speaks as: never picked as targets of /api/users/{id} or /api/tokens/{id}. */
  readonly protectedUsers = new Set<number>();
  readonly protectedTokens = new Set<number>();
  documents: string[] = [];
  loginTarget = { username: "", password: "" };
  admin!: Identity;
  noGrants!: Identity;
  origin = "";
  /** A representative's person id: fuzz administrators are linked to it, so the current account answers them. */
  sellerPersonId: number | null = null;

  constructor(readonly t: TestApp) {}

  add(pool: string, value: number | string): void {
    const list = this.pools.get(pool) ?? [];
    if (list.includes(value)) return;
    list.push(value);
    // Keep the seeded ones (the start of the list) and the newest harvested ones.
    if (list.length > POOL_CAP) list.splice(POOL_CAP / 2, 1);
    this.pools.set(pool, list);
  }

  pool(name: string): (number | string)[] {
    const list = this.pools.get(name) ?? [];
    if (name === "users") return list.filter((id) => !this.protectedUsers.has(Number(id)));
    if (name === "tokens") return list.filter((id) => !this.protectedTokens.has(Number(id)));
    return list;
  }

  /** Which pool a path parameter draws from: `{code}` persons, `{id}` the segment before it. */
  poolOfParam(path: string, param: string): string {
    if (param === "code") return "persons";
    if (param === "linkId") return "related";
    if (param === "file") return "calendar";
    if (param === "entity") return "entity";
    const segments = path.split("/");
    const at = segments.indexOf(`{${param}}`);
    const before = segments[at - 1] ?? param;
    return POOL_OF_SEGMENT[before] ?? before;
  }

  /** The pool a route's answers name: the resource of its last path parameter, or its last segment. */
  resourceOf(path: string): string {
    const last = path.split("/").at(-1) ?? "";
    const param = /^\{(\w+)\}$/.exec(last)?.[1];
    if (param) return this.poolOfParam(path, param);
    const segment = literalSegments(path).at(-1) ?? "";
    return POOL_OF_SEGMENT[segment] ?? segment;
  }

  /** Ids, codes, versions and cursors out of a 2xx answer. */
  harvest(path: string, opKey: string, body: unknown): void {
    if (typeof body !== "object" || body === null) return;
    const resource = this.resourceOf(path);
    const record = (value: unknown, pool: string) => {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return;
      const o = value as Record<string, unknown>;
      const id = pool === "persons" ? o.code : o.id;
      if (typeof id === "number" && Number.isInteger(id) && id > 0) {
        this.add(pool, id);
        if (typeof o.version === "number") this.versions.set(`${pool}:${id}`, o.version);
      }
      const person = o.person as { code?: unknown } | undefined;
      if (typeof person?.code === "number") this.add("persons", person.code);
    };
    const o = body as Record<string, unknown>;
    if (Array.isArray(o.items)) for (const item of o.items) record(item, resource);
    else if (Array.isArray(body)) for (const item of body) record(item, resource);
    else record(body, resource);
    // Singletons (settings/company, settings/smtp, settings/critical-factors) keep their version by path.
    if (typeof o.version === "number" && o.id === undefined && o.code === undefined) this.versions.set(path, o.version);
    if (typeof o.nextCursor === "string") {
      const list = this.cursors.get(opKey) ?? [];
      if (!list.includes(o.nextCursor)) list.push(o.nextCursor);
      this.cursors.set(opKey, list.slice(-5));
    }
    if (typeof o.url === "string" && o.url.includes("/api/calendar/")) {
      this.add("calendar", o.url.split("/").at(-1) ?? "");
    }
    if (typeof o.token === "string" && typeof o.id === "number") this.add("tokens", o.id);
  }

  /** The version a PATCH of this route's record should carry, when one was seen. */
  versionFor(path: string, pathValues: Record<string, number | string>): number | undefined {
    const param = /\{(\w+)\}/.exec(path)?.[1];
    if (!param) return this.versions.get(path);
    return this.versions.get(`${this.poolOfParam(path, param)}:${pathValues[param]}`);
  }

  headersOf(principal: PrincipalName): Record<string, string> {
    switch (principal) {
      case "admin-token":
        return { authorization: `Bearer ${this.admin.token}` };
      case "admin-session":
        return { cookie: this.admin.cookie, origin: this.origin };
      case "no-grants-session":
        return { cookie: this.noGrants.cookie, origin: this.origin };
      case "no-grants-token":
        return { authorization: `Bearer ${this.noGrants.token}` };
      case "foreign-origin":
        return { cookie: this.admin.cookie, origin: "http://intruso.example" };
      case "bad-token":
        return { authorization: "Bearer vinculo_nao-existe" };
      case "anonymous":
        return {};
    }
  }

  /** A fresh user with a session and an API token, made through the services (no login rate limit). */
  async identity(isAdmin: boolean): Promise<Identity> {
    serial += 1;
    const username = `fuzz-${isAdmin ? "admin" : "sem-acesso"}-${serial}`;
    const password = "senha-do-fuzzer";
    const user = await createUser(this.t.ctx, {
      username,
      name: `Fuzz ${username}`,
      email: `${username}@example.com`,
      password,
      isAdmin,
    });
    const { sessionSecret } = await login(this.t.ctx, {
      username,
      password,
      address: "fuzz-setup",
      userAgent: undefined,
    });
    const token = await createToken(this.t.ctx, { userId: user.id, name: `fuzz ${serial}`, createdBy: null });
    if (isAdmin && this.sellerPersonId !== null) {
      await this.t.ctx.db
        .updateTable("users")
        .set({ person_id: this.sellerPersonId })
        .where("id", "=", user.id)
        .execute();
    }
    this.protectedUsers.add(user.id);
    this.protectedTokens.add(token.id);
    return {
      userId: user.id,
      username,
      tokenId: token.id,
      token: token.token,
      cookie: `${SESSION_COOKIE}=${sessionSecret}`,
    };
  }

  /**
   * A request may have logged a principal out, revoked its token, deactivated it, changed its
   * password or given the no-grants user a profile: check each through GET /api/me and replace
   * the ones that no longer are what they claim to be.
   */
  async repairPrincipals(): Promise<number> {
    let replaced = 0;
    const ok = async (identity: Identity, isAdmin: boolean) => {
      for (const headers of [{ authorization: `Bearer ${identity.token}` }, { cookie: identity.cookie }]) {
        const res = await this.t.app.inject({ method: "GET", url: "/api/me", headers });
        if (res.statusCode !== 200) return false;
        const me = res.json() as { user: { isAdmin: boolean }; grants: unknown[] };
        if (me.user.isAdmin !== isAdmin || (!isAdmin && me.grants.length > 0)) return false;
      }
      return true;
    };
    if (!(await ok(this.admin, true))) {
      this.admin = await this.identity(true);
      replaced += 1;
    }
    if (!(await ok(this.noGrants, false))) {
      this.noGrants = await this.identity(false);
      replaced += 1;
    }
    return replaced;
  }
}
