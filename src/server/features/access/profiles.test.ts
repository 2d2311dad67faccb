import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryIds, makePerson } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

describe("access profiles", () => {
  let t: TestApp;
  let admin: TestUser;
  let clerk: TestUser;
  let cats: Awaited<ReturnType<typeof categoryIds>>;
  beforeAll(async () => {
    t = await buildTestApp();
    cats = await categoryIds(t.ctx);
    admin = await t.user({ isAdmin: true });
    clerk = await t.user();
  });
  afterAll(() => t.close());

  const profileCount = async () => (await t.ctx.db.selectFrom("access_profiles").select("id").execute()).length;
  const grantCount = async () => (await t.ctx.db.selectFrom("access_grants").select("profile_id").execute()).length;
  const create = (payload: Record<string, unknown>) =>
    t.as(admin, { method: "POST", url: "/api/access-profiles", payload });
  const assign = (user: TestUser, profileId: number) =>
    t.ctx.db.insertInto("user_access_profiles").values({ user_id: user.id, profile_id: profileId }).execute();

  it("creates a profile with its grants and lists it", async () => {
    const res = await create({
      name: "Atendimento",
      grants: [
        { categoryId: cats.Cliente, tab: "addresses", level: "write" },
        { categoryId: cats.Cliente, tab: "related", level: "read" },
        { categoryId: cats.Fornecedor, tab: "addresses", level: "read" },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const profile = res.json();
    expect(profile).toMatchObject({ name: "Atendimento", userCount: 0, version: 1 });
    expect(profile.grants).toHaveLength(3);
    expect(profile.grants).toEqual(
      expect.arrayContaining([
        { categoryId: cats.Cliente, tab: "addresses", level: "write" },
        { categoryId: cats.Cliente, tab: "related", level: "read" },
        { categoryId: cats.Fornecedor, tab: "addresses", level: "read" },
      ]),
    );
    const list = await t.as(admin, { method: "GET", url: "/api/access-profiles" });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toContainEqual(profile);
    // An empty profile is allowed (grants default to none).
    const empty = await create({ name: "Sem acesso" });
    expect(empty.statusCode).toBe(201);
    expect(empty.json().grants).toEqual([]);
  });

  it("refuses the same category and tab twice with 400 naming grants, and saves nothing", async () => {
    const [profiles, grants] = [await profileCount(), await grantCount()];
    const res = await create({
      name: "Repetido",
      grants: [
        { categoryId: cats.Cliente, tab: "addresses", level: "read" },
        { categoryId: cats.Cliente, tab: "addresses", level: "write" },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("grants");
    expect([await profileCount(), await grantCount()]).toEqual([profiles, grants]);
  });

  it("refuses an unknown category, tab or level with 400, and saves nothing", async () => {
    const [profiles, grants] = [await profileCount(), await grantCount()];
    const cases: [Record<string, unknown>, string][] = [
      [{ categoryId: 99999, tab: "addresses", level: "read" }, "grants"],
      [{ categoryId: cats.Cliente, tab: "dashboard", level: "read" }, "grants.0.tab"],
      [{ categoryId: cats.Cliente, tab: "addresses", level: "admin" }, "grants.0.level"],
    ];
    for (const [grant, field] of cases) {
      const res = await create({ name: "Inválido", grants: [grant] });
      expect(res.statusCode, JSON.stringify(grant)).toBe(400);
      expect(res.json().error.message, JSON.stringify(grant)).toContain(field);
    }
    expect([await profileCount(), await grantCount()]).toEqual([profiles, grants]);
    const noName = await create({ name: " ", grants: [] });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.message).toContain("name");
  });

  it("answers 409 to a duplicate name", async () => {
    expect((await create({ name: "Financeiro" })).statusCode).toBe(201);
    const before = await profileCount();
    const dup = await create({
      name: "Financeiro",
      grants: [{ categoryId: cats.Cliente, tab: "receivables", level: "read" }],
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain("name");
    expect(await profileCount()).toBe(before);
  });

  it("changes name and grants with the version; a stale version gets 412 and changes nothing", async () => {
    const p = (
      await create({ name: "Vendas", grants: [{ categoryId: cats.Cliente, tab: "tickets", level: "read" }] })
    ).json();
    const url = `/api/access-profiles/${p.id}`;
    const ok = await t.as(admin, {
      method: "PATCH",
      url,
      payload: {
        name: "Vendas internas",
        grants: [{ categoryId: cats.Prospect, tab: "appointments", level: "write" }],
        version: 1,
      },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      name: "Vendas internas",
      version: 2,
      grants: [{ categoryId: cats.Prospect, tab: "appointments", level: "write" }],
    });

    const stale = await t.as(admin, { method: "PATCH", url, payload: { name: "Outro", grants: [], version: 1 } });
    expect(stale.statusCode).toBe(412);
    const viaHeader = await t.as(admin, { method: "PATCH", url, headers: { "if-match": '"2"' }, payload: {} });
    expect(viaHeader.statusCode).toBe(200);
    expect(viaHeader.json()).toMatchObject({ name: "Vendas internas", version: 3 });
    expect(viaHeader.json().grants).toHaveLength(1);

    // A bad grant in a PATCH leaves the profile as it was.
    const bad = await t.as(admin, {
      method: "PATCH",
      url,
      payload: { name: "Quebrado", grants: [{ categoryId: 99999, tab: "tickets", level: "read" }], version: 3 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("grants");
    const now = (await t.as(admin, { method: "GET", url: "/api/access-profiles" }))
      .json()
      .items.find((i: { id: number }) => i.id === p.id);
    expect(now).toMatchObject({
      name: "Vendas internas",
      version: 3,
      grants: [{ categoryId: cats.Prospect, tab: "appointments", level: "write" }],
    });
    expect(
      (await t.as(admin, { method: "PATCH", url: "/api/access-profiles/99999", payload: { version: 1 } })).statusCode,
    ).toBe(404);
  });

  it("takes effect on the next request: a grant removed or a profile deleted hides the person", async () => {
    const person = await makePerson(t.ctx, { categoryIds: [cats.Transportadora], name: "Transportes Rápidos" });
    const p = (
      await create({
        name: "Logística",
        grants: [{ categoryId: cats.Transportadora, tab: "addresses", level: "read" }],
      })
    ).json();
    const user = await t.user();
    await assign(user, p.id);
    const see = () => t.as(user, { method: "GET", url: `/api/persons/${person.code}` });
    expect((await see()).statusCode).toBe(200);
    const listed = (await t.as(admin, { method: "GET", url: "/api/access-profiles" })).json().items;
    expect(listed.find((i: { id: number }) => i.id === p.id).userCount).toBe(1);

    const moved = await t.as(admin, {
      method: "PATCH",
      url: `/api/access-profiles/${p.id}`,
      payload: { grants: [{ categoryId: cats.Cliente, tab: "addresses", level: "read" }], version: 1 },
    });
    expect(moved.statusCode).toBe(200);
    expect((await see()).statusCode).toBe(404);

    await t.as(admin, {
      method: "PATCH",
      url: `/api/access-profiles/${p.id}`,
      payload: { grants: [{ categoryId: cats.Transportadora, tab: "addresses", level: "read" }], version: 2 },
    });
    expect((await see()).statusCode).toBe(200);
    const removed = await t.as(admin, { method: "DELETE", url: `/api/access-profiles/${p.id}` });
    expect(removed.statusCode).toBe(204);
    expect((await see()).statusCode).toBe(404);
    expect((await t.as(admin, { method: "DELETE", url: `/api/access-profiles/${p.id}` })).statusCode).toBe(404);
  });

  it("combines profiles: the best level of any profile wins", async () => {
    const person = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Cliente Combinado" });
    const reading = (
      await create({ name: "Leitura", grants: [{ categoryId: cats.Cliente, tab: "addresses", level: "read" }] })
    ).json();
    const writing = (
      await create({ name: "Escrita", grants: [{ categoryId: cats.Cliente, tab: "addresses", level: "write" }] })
    ).json();
    const user = await t.user();
    await assign(user, reading.id);
    await assign(user, writing.id);
    const tabs = await t.as(user, { method: "GET", url: `/api/persons/${person.code}/tabs` });
    expect(tabs.json().tabs).toEqual([{ tab: "addresses", level: "write" }]);
  });

  it("is for administrators only: 403 for other users, 401 anonymous", async () => {
    const p = (await create({ name: "Alvo" })).json();
    const before = await profileCount();
    const tries = [
      { method: "GET" as const, url: "/api/access-profiles" },
      { method: "POST" as const, url: "/api/access-profiles", payload: { name: "Intruso" } },
      { method: "PATCH" as const, url: `/api/access-profiles/${p.id}`, payload: { name: "Intruso", version: 1 } },
      { method: "DELETE" as const, url: `/api/access-profiles/${p.id}` },
    ];
    for (const req of tries) {
      expect((await t.as(clerk, req)).statusCode, `${req.method} ${req.url}`).toBe(403);
      expect((await t.app.inject(req)).statusCode, `${req.method} ${req.url}`).toBe(401);
    }
    expect(await profileCount()).toBe(before);
  });
});
