import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

describe("settings: categories, characteristics, relationship types", () => {
  let t: TestApp;
  let admin: TestUser;
  let clerk: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.user({ isAdmin: true });
    clerk = await userWithGrants(t, []);
  });
  afterAll(() => t.close());

  const get = async (path: string, user: TestUser = admin) => {
    const res = await t.as(user, { method: "GET", url: `/api/settings/${path}` });
    expect(res.statusCode).toBe(200);
    return res.json().items as Record<string, unknown>[];
  };
  const count = async (table: "categories" | "characteristics" | "relationship_types") =>
    (await t.ctx.db.selectFrom(table).select("id").execute()).length;

  it("starts with the usual categories, each with its role", async () => {
    const items = await get("categories");
    expect(items.map(({ name, role, isActive }) => ({ name, role, isActive }))).toEqual(
      expect.arrayContaining([
        { name: "Cliente", role: "customer", isActive: true },
        { name: "Fornecedor", role: "supplier", isActive: true },
        { name: "Funcionário", role: "employee", isActive: true },
        { name: "Representante", role: "representative", isActive: true },
        { name: "Transportadora", role: "carrier", isActive: true },
        { name: "Prospect", role: "other", isActive: true },
      ]),
    );
    expect(items).toHaveLength(6);
    expect(items.every((i) => i.version === 1)).toBe(true);
  });

  it("starts with the usual relationship types, each read from the other side too", async () => {
    const items = await get("relationship-types");
    expect(items.map((i) => i.name).sort()).toEqual(
      ["Contato", "Funcionário", "Matriz/Filial", "Representante", "Sócio"].sort(),
    );
    expect(items.every((i) => typeof i.inverseName === "string" && i.inverseName.length > 0)).toBe(true);
    expect(items.find((i) => i.name === "Representante")?.inverseName).toBe("Representado");
  });

  it("creates and changes a characteristic with a #RRGGBB colour", async () => {
    expect(await get("characteristics")).toEqual([]);
    const res = await t.as(admin, {
      method: "POST",
      url: "/api/settings/characteristics",
      payload: { name: "  Cliente ouro ", color: "#FFD700" },
    });
    expect(res.statusCode).toBe(201);
    const gold = res.json();
    expect(gold).toMatchObject({ name: "Cliente ouro", color: "#ffd700", isActive: true, version: 1 });

    const patched = await t.as(admin, {
      method: "PATCH",
      url: `/api/settings/characteristics/${gold.id}`,
      payload: { color: "#1A2b3C", version: 1 },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ name: "Cliente ouro", color: "#1a2b3c", version: 2 });
    expect(await get("characteristics", clerk)).toEqual([patched.json()]);

    const off = await t.as(admin, {
      method: "PATCH",
      url: `/api/settings/characteristics/${gold.id}`,
      payload: { isActive: false, version: 2 },
    });
    expect(off.json()).toMatchObject({ isActive: false, color: "#1a2b3c", version: 3 });
  });

  it("refuses a colour that is not #RRGGBB with 400 naming color, and saves nothing", async () => {
    const before = await count("characteristics");
    for (const color of ["gold", "#FFF", "#GGGGGG", "FFD700", "#FFD7000", ""]) {
      const res = await t.as(admin, {
        method: "POST",
        url: "/api/settings/characteristics",
        payload: { name: `Cor ${color}`, color },
      });
      expect(res.statusCode, color).toBe(400);
      expect(res.json().error.message, color).toContain("color");
    }
    const missing = await t.as(admin, {
      method: "POST",
      url: "/api/settings/characteristics",
      payload: { name: "Sem cor" },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain("color");
    expect(await count("characteristics")).toBe(before);

    const ok = await t.as(admin, {
      method: "POST",
      url: "/api/settings/characteristics",
      payload: { name: "Comércio", color: "#00ff00" },
    });
    const bad = await t.as(admin, {
      method: "PATCH",
      url: `/api/settings/characteristics/${ok.json().id}`,
      payload: { color: "verde", version: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("color");
    expect((await get("characteristics")).find((c) => c.id === ok.json().id)).toMatchObject({
      color: "#00ff00",
      version: 1,
    });
  });

  it("answers 409 to a duplicate name, on create and on rename", async () => {
    const first = await t.as(admin, {
      method: "POST",
      url: "/api/settings/characteristics",
      payload: { name: "Prestação de serviço", color: "#123456" },
    });
    expect(first.statusCode).toBe(201);
    const before = await count("characteristics");
    const dup = await t.as(admin, {
      method: "POST",
      url: "/api/settings/characteristics",
      payload: { name: "Prestação de serviço", color: "#654321" },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain("name");
    expect(await count("characteristics")).toBe(before);

    const dupCategory = await t.as(admin, {
      method: "POST",
      url: "/api/settings/categories",
      payload: { name: "Cliente", role: "customer" },
    });
    expect(dupCategory.statusCode).toBe(409);

    const other = await t.as(admin, {
      method: "POST",
      url: "/api/settings/characteristics",
      payload: { name: "Indústria", color: "#abcdef" },
    });
    const rename = await t.as(admin, {
      method: "PATCH",
      url: `/api/settings/characteristics/${other.json().id}`,
      payload: { name: "Prestação de serviço", version: 1 },
    });
    expect(rename.statusCode).toBe(409);
    expect((await get("characteristics")).find((c) => c.id === other.json().id)).toMatchObject({
      name: "Indústria",
      version: 1,
    });
  });

  it("answers 412 to a stale version, in the body or in If-Match, and changes nothing", async () => {
    const created = await t.as(admin, {
      method: "POST",
      url: "/api/settings/categories",
      payload: { name: "Parceiro", role: "other" },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const first = await t.as(admin, {
      method: "PATCH",
      url: `/api/settings/categories/${id}`,
      payload: { name: "Parceiro comercial", version: 1 },
    });
    expect(first.statusCode).toBe(200);
    const stale = await t.as(admin, {
      method: "PATCH",
      url: `/api/settings/categories/${id}`,
      payload: { name: "Outro nome", version: 1 },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe("stale_version");
    const staleHeader = await t.as(admin, {
      method: "PATCH",
      url: `/api/settings/categories/${id}`,
      headers: { "if-match": "1" },
      payload: { name: "Outro nome" },
    });
    expect(staleHeader.statusCode).toBe(412);
    expect((await get("categories")).find((c) => c.id === id)).toMatchObject({
      name: "Parceiro comercial",
      version: 2,
    });
    const viaHeader = await t.as(admin, {
      method: "PATCH",
      url: `/api/settings/categories/${id}`,
      headers: { "if-match": '"2"' },
      payload: { role: "supplier" },
    });
    expect(viaHeader.statusCode).toBe(200);
    expect(viaHeader.json()).toMatchObject({ name: "Parceiro comercial", role: "supplier", version: 3 });
  });

  it("validates categories and relationship types, and answers 404 for an unknown id", async () => {
    const badRole = await t.as(admin, {
      method: "POST",
      url: "/api/settings/categories",
      payload: { name: "Sem papel", role: "boss" },
    });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error.message).toContain("role");

    const type = await t.as(admin, {
      method: "POST",
      url: "/api/settings/relationship-types",
      payload: { name: "Indicação", inverseName: "Indicado por" },
    });
    expect(type.statusCode).toBe(201);
    expect(type.json()).toMatchObject({ name: "Indicação", inverseName: "Indicado por", version: 1 });
    const cleared = await t.as(admin, {
      method: "PATCH",
      url: `/api/settings/relationship-types/${type.json().id}`,
      payload: { inverseName: null, version: 1 },
    });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ name: "Indicação", inverseName: null, version: 2 });

    const missing = await t.as(admin, {
      method: "PATCH",
      url: "/api/settings/categories/999999",
      payload: { name: "X", version: 1 },
    });
    expect(missing.statusCode).toBe(404);
  });

  it("lets any logged-in user read, only administrators write (403), and nobody anonymous (401)", async () => {
    const categoriesBefore = await get("categories");
    for (const path of ["categories", "characteristics", "relationship-types"]) {
      expect((await t.as(clerk, { method: "GET", url: `/api/settings/${path}` })).statusCode, path).toBe(200);
      expect((await t.app.inject({ method: "GET", url: `/api/settings/${path}` })).statusCode, path).toBe(401);
    }
    const cliente = categoriesBefore.find((c) => c.name === "Cliente");
    const writes = [
      { method: "POST" as const, url: "/api/settings/categories", payload: { name: "Nova", role: "other" } },
      { method: "PATCH" as const, url: `/api/settings/categories/${cliente?.id}`, payload: { name: "X", version: 1 } },
      { method: "POST" as const, url: "/api/settings/characteristics", payload: { name: "Nova", color: "#000000" } },
      { method: "POST" as const, url: "/api/settings/relationship-types", payload: { name: "Novo" } },
    ];
    for (const req of writes) {
      const res = await t.as(clerk, req);
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(403);
      expect(res.json().error.code).toBe("forbidden");
      const anonymous = await t.app.inject(req);
      expect(anonymous.statusCode, `${req.method} ${req.url}`).toBe(401);
    }
    // Not even a bad body gets past the door: 403 before validation.
    const bad = await t.as(clerk, { method: "POST", url: "/api/settings/characteristics", payload: { color: "x" } });
    expect(bad.statusCode).toBe(403);
    expect(await get("categories")).toEqual(categoriesBefore);
  });
});
