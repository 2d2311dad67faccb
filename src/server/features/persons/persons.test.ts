import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

describe("persons", () => {
  let t: TestApp;
  let admin: TestUser;
  let cats: Awaited<ReturnType<typeof categoryIds>>;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.user({ isAdmin: true });
    cats = await categoryIds(t.ctx);
  });
  afterAll(() => t.close());

  const valid = () => ({
    kind: "individual",
    name: "João da Silva Araújo",
    shortName: "João",
    document: "529.982.247-25",
    categoryIds: [cats.Cliente],
    emails: [{ address: "Joao@Example.com.br" }, { address: "financeiro@example.com.br" }],
    phones: [{ number: "(11) 91234-5678" }],
    addresses: [
      {
        type: "main",
        zip: "01310-100",
        street: "Av. Paulista",
        number: "1000",
        district: "Bela Vista",
        city: "São Paulo",
        state: "SP",
      },
    ],
  });

  it("creates a person with a sequential code, normalized document, one main e-mail and phone", async () => {
    const res = await t.as(admin, { method: "POST", url: "/api/persons", payload: valid() });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p.code).toBeGreaterThan(0);
    expect(p.document).toBe("52998224725");
    expect(p.emails.map((e: { address: string; isMain: boolean }) => [e.address, e.isMain])).toEqual([
      ["joao@example.com.br", true],
      ["financeiro@example.com.br", false],
    ]);
    expect(p.phones[0]).toMatchObject({ number: "5511912345678", isMain: true });
    const next = await t.as(admin, {
      method: "POST",
      url: "/api/persons",
      payload: { ...valid(), document: "123.456.789-09", name: "Maria" },
    });
    expect(next.json().code).toBe(p.code + 1);
    const got = await t.as(admin, { method: "GET", url: `/api/persons/${String(p.code).padStart(6, "0")}` });
    expect(got.statusCode).toBe(200);
    expect(got.json().name).toBe("João da Silva Araújo");
  });

  it("refuses bad input naming the field, and saves nothing", async () => {
    const count = async () => (await t.ctx.db.selectFrom("persons").select("id").execute()).length;
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ document: "123.456.789-00" }, "document"],
      [{ document: "111.111.111-11" }, "document"],
      [{ name: "" }, "name"],
      [{ categoryIds: [9999] }, "categoryIds"],
      [{ emails: [{ address: "nao-e-email" }] }, "emails.0.address"],
      [
        {
          emails: [
            { address: "a@b.com", isMain: true },
            { address: "c@d.com", isMain: true },
          ],
        },
        "emails",
      ],
      [{ phones: [{ number: "123" }] }, "phones.0.number"],
      [{ addresses: [{ ...valid().addresses[0], zip: "0131" }] }, "addresses.0.zip"],
      [{ addresses: [{ ...valid().addresses[0], state: "XX" }] }, "addresses.0.state"],
      [{ kind: "company", document: "529.982.247-25" }, "document"],
    ];
    for (const [patch, field] of cases) {
      const res = await t.as(admin, {
        method: "POST",
        url: "/api/persons",
        payload: { ...valid(), document: null, ...patch },
      });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().error.message, JSON.stringify(patch)).toContain(field);
    }
    expect(await count()).toBe(before);
  });

  it("answers 409 for a document already in use", async () => {
    await makePerson(t.ctx, {
      categoryIds: [cats.Cliente],
      document: "11.222.333/0001-81",
      kind: "company",
      name: "ACME",
    });
    const res = await t.as(admin, {
      method: "POST",
      url: "/api/persons",
      payload: { ...valid(), kind: "company", document: "11222333000181" },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain("document");
  });

  it("accepts the alphanumeric CNPJ", async () => {
    const res = await t.as(admin, {
      method: "POST",
      url: "/api/persons",
      payload: { ...valid(), kind: "company", document: "12.abc.345/01de-35", name: "Nova Empresa Ltda" },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().document).toBe("12ABC34501DE35");
  });

  it("updates with optimistic locking: a stale version gets 412 and changes nothing", async () => {
    const p = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Carlos Pereira" });
    const ok = await t.as(admin, {
      method: "PATCH",
      url: `/api/persons/${p.code}`,
      payload: { name: "Carlos A. Pereira", version: p.version },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(p.version + 1);
    const stale = await t.as(admin, {
      method: "PATCH",
      url: `/api/persons/${p.code}`,
      payload: { name: "Outro", version: p.version },
    });
    expect(stale.statusCode).toBe(412);
    const viaHeader = await t.as(admin, {
      method: "PATCH",
      url: `/api/persons/${p.code}`,
      headers: { "if-match": `"${p.version + 1}"` },
      payload: { shortName: "Carlão" },
    });
    expect(viaHeader.statusCode).toBe(200);
    const now = await t.as(admin, { method: "GET", url: `/api/persons/${p.code}` });
    expect(now.json()).toMatchObject({ name: "Carlos A. Pereira", shortName: "Carlão" });
  });

  it("a PATCH keeps the fields it leaves out (short name, document, notes); an explicit null clears them", async () => {
    const p = await makePerson(t.ctx, {
      categoryIds: [cats.Cliente],
      name: "Paula Parcial",
      shortName: "Paulinha",
      notes: "cliente desde 2019",
    });
    expect(p.document).not.toBeNull();
    const renamed = await t.as(admin, {
      method: "PATCH",
      url: `/api/persons/${p.code}`,
      payload: { name: "Paula Parcial Souza", version: p.version },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: "Paula Parcial Souza",
      shortName: "Paulinha",
      document: p.document,
      notes: "cliente desde 2019",
    });
    const cleared = await t.as(admin, {
      method: "PATCH",
      url: `/api/persons/${p.code}`,
      payload: { shortName: null, notes: null, version: p.version + 1 },
    });
    expect(cleared.json()).toMatchObject({ shortName: null, notes: null, document: p.document });
  });

  it("hides persons of categories the user has no grant for (404), and lists only granted tabs", async () => {
    const supplier = await makePerson(t.ctx, { categoryIds: [cats.Fornecedor], name: "Fornecedora Oculta" });
    const both = await makePerson(t.ctx, { categoryIds: [cats.Cliente, cats.Fornecedor], name: "Ambas Categorias" });
    const clerk = await userWithGrants(t, [
      { categoryId: cats.Cliente, tab: "addresses", level: "write" },
      { categoryId: cats.Cliente, tab: "related", level: "read" },
    ]);
    expect((await t.as(clerk, { method: "GET", url: `/api/persons/${supplier.code}` })).statusCode).toBe(404);
    expect((await t.as(clerk, { method: "GET", url: `/api/persons/${both.code}` })).statusCode).toBe(200);
    const tabs = await t.as(clerk, { method: "GET", url: `/api/persons/${both.code}/tabs?category=${cats.Cliente}` });
    expect(tabs.json().tabs).toEqual([
      { tab: "addresses", level: "write" },
      { tab: "related", level: "read" },
    ]);
    const none = await t.as(clerk, {
      method: "GET",
      url: `/api/persons/${both.code}/tabs?category=${cats.Fornecedor}`,
    });
    expect(none.json().tabs).toEqual([]);
    const search = await t.as(clerk, { method: "GET", url: "/api/persons?q=oculta" });
    expect(search.json().items).toEqual([]);
  });
});
