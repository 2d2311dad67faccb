import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryIds, makePerson } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { createProfile } from "../access/profiles.service.ts";

type UserBody = Record<string, unknown>;

describe("users: profiles, linked person, /api/me, deactivation and password reset", () => {
  let t: TestApp;
  let admin: TestUser;
  let cats: Awaited<ReturnType<typeof categoryIds>>;
  let n = 0;
  beforeAll(async () => {
    t = await buildTestApp();
    cats = await categoryIds(t.ctx);
    admin = await t.user({ username: "chefe", isAdmin: true });
  });
  afterAll(() => t.close());

  const newUser = (over: UserBody = {}) => {
    n += 1;
    return {
      username: `pessoa${n}`,
      name: `Pessoa ${n}`,
      email: `pessoa${n}@empresa.com.br`,
      password: `senha-da-pessoa-${n}`,
      ...over,
    };
  };
  const createUser = async (over: UserBody = {}) => {
    const body = newUser(over);
    const res = await t.as(admin, { method: "POST", url: "/api/users", payload: body });
    expect(res.statusCode, res.body).toBe(201);
    const cookie = await t.login(body.username as string, body.password as string);
    return { row: res.json(), cookie, body };
  };
  const me = (cookie: string) => t.as({ cookie }, { method: "GET", url: "/api/me" });
  const userCount = async () => (await t.ctx.db.selectFrom("users").select("id").execute()).length;
  const profile = (name: string, grants: Parameters<typeof createProfile>[1]["grants"]) =>
    createProfile(t.ctx, { name, grants });

  it("creates a user with access profiles and a linked person; /api/me shows both", async () => {
    const seller = await makePerson(t.ctx, { categoryIds: [cats.Representante], name: "Rita Representante" });
    const sales = await profile("Vendas", [
      { categoryId: cats.Cliente, tab: "tickets", level: "write" },
      { categoryId: cats.Cliente, tab: "addresses", level: "read" },
    ]);
    const extra = await profile("Fornecedores", [{ categoryId: cats.Fornecedor, tab: "addresses", level: "read" }]);
    const { row, cookie } = await createUser({
      accessProfileIds: [sales.id, extra.id],
      personCode: String(seller.code).padStart(6, "0"),
    });
    expect(row).toMatchObject({ isAdmin: false, isActive: true, person: { code: seller.code, name: seller.name } });
    expect([...row.accessProfileIds].sort()).toEqual([sales.id, extra.id].sort());

    const res = await me(cookie);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.person).toEqual({ code: seller.code, name: "Rita Representante" });
    expect(body.grants).toHaveLength(3);
    expect(body.grants).toEqual(
      expect.arrayContaining([
        { categoryId: cats.Cliente, tab: "tickets", level: "write" },
        { categoryId: cats.Cliente, tab: "addresses", level: "read" },
        { categoryId: cats.Fornecedor, tab: "addresses", level: "read" },
      ]),
    );
    expect(body.currentAccountEnabled).toBe(true);
    const listed = (await t.as(admin, { method: "GET", url: "/api/users" })).json().items;
    expect(listed.find((u: { id: number }) => u.id === row.id)).toEqual(row);
  });

  it("refuses an unknown profile or person with 400 naming the field, and creates nobody", async () => {
    const before = await userCount();
    const badProfile = await t.as(admin, {
      method: "POST",
      url: "/api/users",
      payload: newUser({ accessProfileIds: [99999] }),
    });
    expect(badProfile.statusCode).toBe(400);
    expect(badProfile.json().error.message).toContain("accessProfileIds");
    const badPerson = await t.as(admin, {
      method: "POST",
      url: "/api/users",
      payload: newUser({ personCode: 999999 }),
    });
    expect(badPerson.statusCode).toBe(400);
    expect(badPerson.json().error.message).toContain("personCode");
    expect(await userCount()).toBe(before);
  });

  it("turns Conta corrente on only for a person with an employee or representative category", async () => {
    const cases: [string, number[], boolean][] = [
      ["Funcionário", [cats.Funcionário], true],
      ["Representante", [cats.Representante], true],
      ["Cliente e Funcionário", [cats.Cliente, cats.Funcionário], true],
      ["Cliente", [cats.Cliente], false],
      ["Fornecedor e Transportadora", [cats.Fornecedor, cats.Transportadora], false],
    ];
    for (const [label, categoryIds, enabled] of cases) {
      const person = await makePerson(t.ctx, { categoryIds, name: label });
      const { cookie } = await createUser({ personCode: person.code });
      expect((await me(cookie)).json().currentAccountEnabled, label).toBe(enabled);
    }
    // By role, not by name: a category of the company's own with the representative role counts.
    const custom = await t.as(admin, {
      method: "POST",
      url: "/api/settings/categories",
      payload: { name: "Vendedor externo", role: "representative" },
    });
    expect(custom.statusCode).toBe(201);
    const external = await makePerson(t.ctx, { categoryIds: [custom.json().id], name: "Vera Vendedora" });
    expect((await me((await createUser({ personCode: external.code })).cookie)).json().currentAccountEnabled).toBe(
      true,
    );

    const unlinked = await createUser();
    expect((await me(unlinked.cookie)).json()).toMatchObject({
      person: null,
      currentAccountEnabled: false,
      grants: [],
    });
  });

  it("changes profiles and the linked person with PATCH /api/users/:id and the version", async () => {
    const reading = await profile("Só leitura", [{ categoryId: cats.Cliente, tab: "addresses", level: "read" }]);
    const writing = await profile("Escrita", [{ categoryId: cats.Prospect, tab: "related", level: "write" }]);
    const employee = await makePerson(t.ctx, { categoryIds: [cats.Funcionário], name: "Ênio Funcionário" });
    const { row, cookie } = await createUser({ accessProfileIds: [reading.id] });
    expect(row.version).toBe(1);

    const res = await t.as(admin, {
      method: "PATCH",
      url: `/api/users/${row.id}`,
      payload: { accessProfileIds: [writing.id], personCode: employee.code, name: "Novo Nome", version: 1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      accessProfileIds: [writing.id],
      person: { code: employee.code },
      name: "Novo Nome",
      version: 2,
    });
    const after = (await me(cookie)).json();
    expect(after.grants).toEqual([{ categoryId: cats.Prospect, tab: "related", level: "write" }]);
    expect(after).toMatchObject({ person: { code: employee.code }, currentAccountEnabled: true });

    const stale = await t.as(admin, {
      method: "PATCH",
      url: `/api/users/${row.id}`,
      payload: { accessProfileIds: [], version: 1 },
    });
    expect(stale.statusCode).toBe(412);
    expect((await me(cookie)).json().grants).toHaveLength(1);

    const unlink = await t.as(admin, {
      method: "PATCH",
      url: `/api/users/${row.id}`,
      headers: { "if-match": '"2"' },
      payload: { personCode: null, accessProfileIds: [] },
    });
    expect(unlink.statusCode, unlink.body).toBe(200);
    expect(unlink.json()).toMatchObject({ person: null, accessProfileIds: [], version: 3 });
    expect((await me(cookie)).json()).toMatchObject({ person: null, grants: [], currentAccountEnabled: false });

    const badProfile = await t.as(admin, {
      method: "PATCH",
      url: `/api/users/${row.id}`,
      payload: { accessProfileIds: [99999], name: "Não muda", version: 3 },
    });
    expect(badProfile.statusCode).toBe(400);
    expect(badProfile.json().error.message).toContain("accessProfileIds");
    const current = (await t.as(admin, { method: "GET", url: "/api/users" }))
      .json()
      .items.find((u: { id: number }) => u.id === row.id);
    expect(current).toMatchObject({ name: "Novo Nome", version: 3 });
    expect((await t.as(admin, { method: "PATCH", url: "/api/users/99999", payload: { version: 1 } })).statusCode).toBe(
      404,
    );
  });

  it("does not let an administrator remove their own admin flag or deactivate themselves (409)", async () => {
    const self = await createUser({ isAdmin: true });
    const tries = [{ isAdmin: false }, { isActive: false }, { isAdmin: false, isActive: false }];
    for (const change of tries) {
      const res = await t.as(
        { cookie: self.cookie },
        {
          method: "PATCH",
          url: `/api/users/${self.row.id}`,
          payload: { ...change, version: 1 },
        },
      );
      expect(res.statusCode, JSON.stringify(change)).toBe(409);
      expect(res.json().error.code).toBe("conflict");
    }
    expect((await me(self.cookie)).json().user.isAdmin).toBe(true);
    // Another administrator can.
    const demoted = await t.as(admin, {
      method: "PATCH",
      url: `/api/users/${self.row.id}`,
      payload: { isAdmin: false, version: 1 },
    });
    expect(demoted.statusCode).toBe(200);
    expect((await me(self.cookie)).json().user.isAdmin).toBe(false);
    expect((await t.as({ cookie: self.cookie }, { method: "GET", url: "/api/users" })).statusCode).toBe(403);
  });

  it("ends every session of a deactivated user; reactivated, they log in again", async () => {
    const { row, cookie, body } = await createUser();
    const second = await t.login(body.username as string, body.password as string);
    expect((await me(cookie)).statusCode).toBe(200);
    const off = await t.as(admin, {
      method: "PATCH",
      url: `/api/users/${row.id}`,
      payload: { isActive: false, version: 1 },
    });
    expect(off.statusCode).toBe(200);
    expect(off.json().isActive).toBe(false);
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(401);
    const sessions = await t.ctx.db.selectFrom("sessions").select("user_id").where("user_id", "=", row.id).execute();
    expect(sessions).toEqual([]);
    await expect(t.login(body.username as string, body.password as string)).rejects.toThrow(/401/);

    const on = await t.as(admin, {
      method: "PATCH",
      url: `/api/users/${row.id}`,
      payload: { isActive: true, version: 2 },
    });
    expect(on.statusCode).toBe(200);
    const again = await t.login(body.username as string, body.password as string);
    expect((await me(again)).statusCode).toBe(200);
    // The old cookies stay dead.
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it("resets a password: the old one fails, the new one works, old sessions end", async () => {
    const { row, cookie, body } = await createUser();
    const res = await t.as(admin, {
      method: "POST",
      url: `/api/users/${row.id}/password`,
      payload: { password: "nova-senha-segura" },
    });
    expect(res.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
    await expect(t.login(body.username as string, body.password as string)).rejects.toThrow(/401/);
    const fresh = await t.login(body.username as string, "nova-senha-segura");
    expect((await me(fresh)).statusCode).toBe(200);

    const short = await t.as(admin, {
      method: "POST",
      url: `/api/users/${row.id}/password`,
      payload: { password: "curta" },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toContain("password");
    expect((await me(fresh)).statusCode).toBe(200);
    const missing = await t.as(admin, {
      method: "POST",
      url: "/api/users/99999/password",
      payload: { password: "nova-senha-segura" },
    });
    expect(missing.statusCode).toBe(404);
    const byClerk = await t.as(
      { cookie: fresh },
      {
        method: "POST",
        url: `/api/users/${row.id}/password`,
        payload: { password: "tomada-de-conta" },
      },
    );
    expect(byClerk.statusCode).toBe(403);
    expect((await me(fresh)).statusCode).toBe(200);
  });
});
