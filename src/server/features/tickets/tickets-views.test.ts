import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryIds, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

/** Saved views of the ticket queues: a refused write stores nothing; only the owner (or an administrator) changes one. */
describe("tickets: saved queue views", () => {
  let t: TestApp;
  let admin: TestUser;
  let owner: TestUser;
  let stranger: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    const cats = await categoryIds(t.ctx);
    admin = await t.user({ isAdmin: true });
    owner = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "tickets", level: "write" }]);
    stranger = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "tickets", level: "write" }]);
  });
  afterAll(() => t.close());

  const viewCount = async () => {
    const row = await t.ctx.db
      .selectFrom("ticket_views")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  const createView = async (user: TestUser, over: Record<string, unknown> = {}) => {
    const res = await t.as(user, {
      method: "POST",
      url: "/api/ticket-views",
      payload: { name: "Urgentes", area: "service", filters: { priority: "high" }, ...over },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; version: number; filters: Record<string, unknown> };
  };

  const reversed = { openedFrom: "2026-03-10", openedTo: "2026-03-01" };

  it("refuses a reversed opening period with 400 and stores no view", async () => {
    const before = await viewCount();
    const res = await t.as(owner, {
      method: "POST",
      url: "/api/ticket-views",
      payload: { name: "Período invertido", area: "service", filters: reversed },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: "openedTo", reason: "opened_period_reversed" });
    expect(await viewCount()).toBe(before);
  });

  it("refuses a reversed opening period on a change with 400 and leaves the view as it was", async () => {
    const view = await createView(owner);
    const res = await t.as(owner, {
      method: "PATCH",
      url: `/api/ticket-views/${view.id}`,
      payload: { name: "Trocado", filters: reversed, version: view.version },
    });
    expect(res.statusCode, res.body).toBe(400);
    const row = await t.ctx.db
      .selectFrom("ticket_views")
      .select(["name", "filters", "version"])
      .where("id", "=", view.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: "Urgentes", version: view.version });
    expect(JSON.parse(row.filters)).toMatchObject({ priority: "high" });
  });

  it("hides a personal view from everyone but its owner (404 to change or remove it), not from an administrator", async () => {
    const view = await createView(owner);
    const listed = async (user: TestUser) => {
      const res = await t.as(user, { method: "GET", url: "/api/ticket-views?area=service" });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: number }[]).some((i) => i.id === view.id);
    };
    expect(await listed(owner)).toBe(true);
    expect(await listed(stranger)).toBe(false);
    const patch = await t.as(stranger, {
      method: "PATCH",
      url: `/api/ticket-views/${view.id}`,
      payload: { name: "Alheia", version: view.version },
    });
    expect(patch.statusCode, patch.body).toBe(404);
    expect(patch.json().error.reason).toBe("ticket_view_not_found");
    const remove = await t.as(stranger, { method: "DELETE", url: `/api/ticket-views/${view.id}` });
    expect(remove.statusCode, remove.body).toBe(404);
    expect(await viewCount()).toBeGreaterThan(0);
    const renamed = await t.as(admin, {
      method: "PATCH",
      url: `/api/ticket-views/${view.id}`,
      payload: { name: "Do administrador", version: view.version },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await t.as(admin, { method: "DELETE", url: `/api/ticket-views/${view.id}` })).statusCode).toBe(204);
  });

  it("shares a view only with a profile of one's own", async () => {
    const other = await t.ctx.db
      .selectFrom("user_access_profiles")
      .select("profile_id")
      .where("user_id", "=", stranger.id)
      .executeTakeFirstOrThrow();
    const before = await viewCount();
    const res = await t.as(owner, {
      method: "POST",
      url: "/api/ticket-views",
      payload: { name: "Para outro perfil", area: "service", filters: {}, sharedProfileId: other.profile_id },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: "sharedProfileId", reason: "view_profile_not_yours" });
    expect(await viewCount()).toBe(before);
  });
});
