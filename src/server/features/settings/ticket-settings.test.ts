import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { openTicket, ticketBody, ticketRefs } from "../../test/tickets.ts";

describe("settings: ticket types, sectors and products", () => {
  let t: TestApp;
  let admin: TestUser;
  let clerk: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.user({ isAdmin: true });
    clerk = await userWithGrants(t, []);
  });
  afterAll(() => t.close());

  const items = async (path: string, user: TestUser = admin) => {
    const res = await t.as(user, { method: "GET", url: `/api/settings/${path}` });
    expect(res.statusCode).toBe(200);
    return res.json().items as Record<string, unknown>[];
  };
  const post = (path: string, payload: Record<string, unknown>) =>
    t.as(admin, { method: "POST", url: `/api/settings/${path}`, payload });

  it("starts with the usual ticket types, each with its area, days and priority", async () => {
    const types = await items("ticket-types", clerk);
    expect(
      types.map(({ name, area, daysToDue, defaultPriority }) => ({ name, area, daysToDue, defaultPriority })),
    ).toEqual(
      expect.arrayContaining([
        { name: "Suporte técnico", area: "service", daysToDue: 2, defaultPriority: "normal" },
        { name: "Dúvida", area: "service", daysToDue: 1, defaultPriority: "normal" },
        { name: "Reclamação", area: "service", daysToDue: 1, defaultPriority: "high" },
        { name: "Solicitação comercial", area: "service", daysToDue: 3, defaultPriority: "normal" },
        { name: "Implantação", area: "service", daysToDue: 10, defaultPriority: "normal" },
        { name: "Correção de defeito", area: "production", daysToDue: 5, defaultPriority: "high" },
        { name: "Melhoria", area: "production", daysToDue: 20, defaultPriority: "normal" },
        { name: "Customização", area: "production", daysToDue: 30, defaultPriority: "normal" },
      ]),
    );
    expect(types).toHaveLength(8);
    expect((await items("sectors", clerk)).map((s) => s.name)).toEqual([
      "Comercial",
      "Desenvolvimento",
      "Financeiro",
      "Implantação",
      "Suporte",
    ]);
    expect((await items("products", clerk)).map((s) => s.name)).toEqual([
      "ERP Gestão",
      "Folha de Pagamento",
      "Módulo Fiscal",
      "Vínculo CRM",
    ]);
  });

  it("creates and changes a ticket type; the priority defaults to normal", async () => {
    const res = await post("ticket-types", { name: "Treinamento", area: "service", daysToDue: 7 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: "Treinamento", area: "service", daysToDue: 7, defaultPriority: "normal" });
    const patched = await t.as(admin, {
      method: "PATCH",
      url: `/api/settings/ticket-types/${res.json().id}`,
      payload: { daysToDue: 0, defaultPriority: "low", area: "production", version: 1 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ area: "production", daysToDue: 0, defaultPriority: "low", version: 2 });
  });

  it("validates area, days (0 to 3650) and priority with 400 naming the field", async () => {
    const before = (await items("ticket-types")).length;
    for (const [field, body] of [
      ["area", { name: "A", area: "vendas", daysToDue: 1 }],
      ["area", { name: "A", daysToDue: 1 }],
      ["daysToDue", { name: "A", area: "service", daysToDue: -1 }],
      ["daysToDue", { name: "A", area: "service", daysToDue: 3651 }],
      ["daysToDue", { name: "A", area: "service", daysToDue: 1.5 }],
      ["daysToDue", { name: "A", area: "service" }],
      ["defaultPriority", { name: "A", area: "service", daysToDue: 1, defaultPriority: "máxima" }],
      ["name", { name: " ", area: "service", daysToDue: 1 }],
    ] as const) {
      const res = await post("ticket-types", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.message, JSON.stringify(body)).toContain(field);
    }
    expect(await items("ticket-types")).toHaveLength(before);
    expect((await post("ticket-types", { name: "Longo", area: "production", daysToDue: 3650 })).statusCode).toBe(201);
  });

  it("keeps the area of a ticket type in use (409), since its tickets' tab follows it", async () => {
    const cats = await categoryIds(t.ctx);
    const refs = await ticketRefs(t.ctx);
    const p = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Cliente do Tipo" });
    await openTicket(t, admin, p.code, ticketBody(refs, { typeId: refs.types.Dúvida }));
    const res = await t.as(admin, {
      method: "PATCH",
      url: `/api/settings/ticket-types/${refs.types.Dúvida}`,
      payload: { area: "production", version: 1 },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("area");
    const renamed = await t.as(admin, {
      method: "PATCH",
      url: `/api/settings/ticket-types/${refs.types.Dúvida}`,
      payload: { name: "Dúvida de uso", daysToDue: 2, version: 1 },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: "Dúvida de uso", area: "service", version: 2 });
  });

  it("creates, renames and deactivates sectors and products; duplicates are 409; clerks get 403", async () => {
    for (const path of ["sectors", "products"]) {
      const created = await post(path, { name: `Novo ${path}` });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ name: `Novo ${path}`, isActive: true, version: 1 });
      expect((await post(path, { name: `Novo ${path}` })).statusCode).toBe(409);
      const off = await t.as(admin, {
        method: "PATCH",
        url: `/api/settings/${path}/${created.json().id}`,
        payload: { isActive: false, version: 1 },
      });
      expect(off.json()).toMatchObject({ isActive: false, version: 2 });
      const denied = await t.as(clerk, { method: "POST", url: `/api/settings/${path}`, payload: { name: "X" } });
      expect(denied.statusCode).toBe(403);
    }
    const deniedType = await t.as(clerk, {
      method: "POST",
      url: "/api/settings/ticket-types",
      payload: { name: "X", area: "service", daysToDue: 1 },
    });
    expect(deniedType.statusCode).toBe(403);
  });
});
