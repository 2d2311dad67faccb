import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Grant } from "../../../shared/access.schemas.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import type { RecordedQuery } from "../../test/query-hooks.ts";
import { buildTestApp, TEST_ORIGIN, type TestApp, type TestUser } from "../../test/test-app.ts";
import { sha256 } from "./tokens.ts";

/**
 * The tables the auth lookups (sessions or tokens, joined to users) and the grants read: the hot
 * path must not touch them once warm. (`/api/me` still reads the linked person from users.)
 */
const AUTH_TABLES = ["sessions", "api_tokens", "user_access_profiles", "access_grants"];
const authQueries = (queries: RecordedQuery[]) =>
  queries.filter((q) => q.tables.some((table) => AUTH_TABLES.includes(table)));

type Server = Awaited<ReturnType<TestApp["reopen"]>>;

/**
 * Sessions, tokens and grants are cached in each server (auth.cache.ts); every change that alters
 * a cached answer is published on the bus and acknowledged by every server before its request
 * answers. Two servers here: on SQLite the second shares the file and, in this process, the bus;
 * on PostgreSQL it has its own pool and its own LISTEN/NOTIFY connection.
 */
describe("auth cache: changes hold on the other server before the changing request answers", () => {
  let t: TestApp;
  let other: Server;
  let admin: TestUser;
  let cat: Awaited<ReturnType<typeof categoryIds>>;
  let code: number;
  beforeAll(async () => {
    t = await buildTestApp();
    other = await t.reopen();
    admin = await t.user({ isAdmin: true });
    cat = await categoryIds(t.ctx);
    code = (await makePerson(t.ctx, { categoryIds: [cat.Cliente] })).code;
  });
  afterAll(() => t.close());

  const onOther = (headers: Record<string, string>, url: string) =>
    other.app.inject({ method: "GET", url, headers: { origin: TEST_ORIGIN, ...headers } });
  const cookie = (u: { cookie: string }) => ({ cookie: u.cookie });
  const asAdmin = (method: "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
    t.as(admin, { method, url, ...(payload ? { payload } : {}) });
  const clientAddresses: Grant[] = [{ categoryId: 0, tab: "addresses", level: "read" }];
  const grantsOn = (categoryId: number): Grant[] => clientAddresses.map((g) => ({ ...g, categoryId }));

  const userRow = async (id: number) =>
    (await t.as(admin, { method: "GET", url: "/api/users" })).json().items.find((u: { id: number }) => u.id === id);

  /** Asks twice on the other server; the second answer must come from its cache (no auth query). */
  async function warm(headers: Record<string, string>, url: string, status = 200) {
    expect((await onOther(headers, url)).statusCode).toBe(status);
    const queries = await t.queries(async () => {
      expect((await onOther(headers, url)).statusCode).toBe(status);
    });
    expect(authQueries(queries)).toEqual([]);
  }

  it("the hot path (a person by code, with a cookie or a token) asks the database nothing about auth once warm", async () => {
    const clerk = await userWithGrants(t, grantsOn(cat.Cliente));
    const url = `/api/persons/${code}`;
    const cold = await t.queries(async () => {
      expect((await t.as(clerk, { method: "GET", url })).statusCode).toBe(200);
    });
    // The first request read the session and the grants: the recorder sees what the cache saves.
    expect(authQueries(cold).flatMap((q) => q.tables)).toEqual(expect.arrayContaining(["sessions", "access_grants"]));
    const warmQueries = await t.queries(async () => {
      for (let i = 0; i < 5; i += 1) expect((await t.as(clerk, { method: "GET", url })).statusCode).toBe(200);
    });
    expect(authQueries(warmQueries)).toEqual([]);
    expect(warmQueries.length).toBeGreaterThan(0);

    const { token } = (await asAdmin("POST", "/api/tokens", { userId: clerk.id, name: "quente" })).json();
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: "GET", url, headers: bearer })).statusCode).toBe(200);
    const viaToken = await t.queries(async () => {
      expect((await t.app.inject({ method: "GET", url, headers: bearer })).statusCode).toBe(200);
    });
    expect(authQueries(viaToken)).toEqual([]);
  });

  it("a revoked token is refused by the other server at its very next request", async () => {
    const robot = await userWithGrants(t, grantsOn(cat.Cliente));
    const created = (await asAdmin("POST", "/api/tokens", { userId: robot.id, name: "erp" })).json();
    const bearer = { authorization: `Bearer ${created.token}` };
    await warm(bearer, "/api/me");
    expect(other.ctx.authCache.tokens.get(sha256(created.token))).toBeDefined();
    expect((await asAdmin("DELETE", `/api/tokens/${created.id}`)).statusCode).toBe(200);
    expect((await onOther(bearer, "/api/me")).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: bearer })).statusCode).toBe(401);
  });

  it("a logout on one server ends the session on the other at once", async () => {
    const ana = await t.user();
    await warm(cookie(ana), "/api/me");
    expect((await t.as(ana, { method: "POST", url: "/api/auth/logout" })).statusCode).toBe(204);
    expect((await onOther(cookie(ana), "/api/me")).statusCode).toBe(401);
  });

  it("deactivating a user refuses their sessions and tokens on the other server at once", async () => {
    const bia = await userWithGrants(t, grantsOn(cat.Cliente));
    const { token } = (await asAdmin("POST", "/api/tokens", { userId: bia.id, name: "da bia" })).json();
    const bearer = { authorization: `Bearer ${token}` };
    await warm(cookie(bia), `/api/persons/${code}`);
    await warm(bearer, `/api/persons/${code}`);
    const row = await userRow(bia.id);
    const res = await asAdmin("PATCH", `/api/users/${bia.id}`, { isActive: false, version: row.version });
    expect(res.statusCode).toBe(200);
    expect((await onOther(cookie(bia), `/api/persons/${code}`)).statusCode).toBe(401);
    expect((await onOther(bearer, `/api/persons/${code}`)).statusCode).toBe(401);
  });

  it("a user made administrator is one on the other server at once, and a new password ends their sessions there", async () => {
    const caio = await t.user();
    await warm(cookie(caio), "/api/me");
    const row = await userRow(caio.id);
    expect((await asAdmin("PATCH", `/api/users/${caio.id}`, { isAdmin: true, version: row.version })).statusCode).toBe(
      200,
    );
    expect((await onOther(cookie(caio), "/api/me")).json().user.isAdmin).toBe(true);
    await warm(cookie(caio), "/api/me");
    const reset = await asAdmin("POST", `/api/users/${caio.id}/password`, { password: "outra-senha-longa" });
    expect(reset.statusCode).toBe(204);
    expect((await onOther(cookie(caio), "/api/me")).statusCode).toBe(401);
  });

  it("editing a profile's grants narrows what its users see on the other server at once", async () => {
    const dora = await userWithGrants(t, grantsOn(cat.Cliente));
    await warm(cookie(dora), `/api/persons/${code}`);
    const [profileId] = (await userRow(dora.id)).accessProfileIds as number[];
    const profiles = (await t.as(admin, { method: "GET", url: "/api/access-profiles" })).json().items as {
      id: number;
      version: number;
    }[];
    const mine = profiles.find((p) => p.id === profileId);
    if (!mine) throw new Error("profile not found");
    const res = await asAdmin("PATCH", `/api/access-profiles/${mine.id}`, {
      grants: grantsOn(cat.Fornecedor),
      version: mine.version,
    });
    expect(res.statusCode).toBe(200);
    // The same cookie, on the other server, right after: the person is no longer visible.
    expect((await onOther(cookie(dora), `/api/persons/${code}`)).statusCode).toBe(404);
  });

  it("taking a profile from a user, or deleting the profile, narrows them on the other server at once", async () => {
    const eli = await userWithGrants(t, grantsOn(cat.Cliente));
    const fred = await userWithGrants(t, grantsOn(cat.Cliente));
    await warm(cookie(eli), `/api/persons/${code}`);
    await warm(cookie(fred), `/api/persons/${code}`);
    const row = await userRow(eli.id);
    expect(
      (await asAdmin("PATCH", `/api/users/${eli.id}`, { accessProfileIds: [], version: row.version })).statusCode,
    ).toBe(200);
    expect((await onOther(cookie(eli), `/api/persons/${code}`)).statusCode).toBe(404);

    const fredRow = await userRow(fred.id);
    const [profileId] = fredRow.accessProfileIds as number[];
    expect((await asAdmin("DELETE", `/api/access-profiles/${profileId}`)).statusCode).toBe(204);
    expect((await onOther(cookie(fred), `/api/persons/${code}`)).statusCode).toBe(404);
  });

  it("deactivating a category takes its grants away on the other server at once", async () => {
    const created = await asAdmin("POST", "/api/settings/categories", { name: "Parceiro", role: "other" });
    expect(created.statusCode).toBe(201);
    const category = created.json() as { id: number; version: number };
    const partnerCode = (await makePerson(t.ctx, { categoryIds: [category.id] })).code;
    const gil = await userWithGrants(t, grantsOn(category.id));
    await warm(cookie(gil), `/api/persons/${partnerCode}`);
    const off = await asAdmin("PATCH", `/api/settings/categories/${category.id}`, {
      isActive: false,
      version: category.version,
    });
    expect(off.statusCode).toBe(200);
    expect((await onOther(cookie(gil), `/api/persons/${partnerCode}`)).statusCode).toBe(404);
  });
});
