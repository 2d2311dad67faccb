import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

describe("quick search", () => {
  let t: TestApp;
  let admin: TestUser;
  let cats: Awaited<ReturnType<typeof categoryIds>>;
  const codes: Record<string, number> = {};

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.user({ isAdmin: true });
    cats = await categoryIds(t.ctx);
    const make = async (key: string, o: Parameters<typeof makePerson>[1]) => {
      codes[key] = (await makePerson(t.ctx, o)).code;
    };
    await make("joao", {
      categoryIds: [cats.Cliente],
      name: "João da Silva Araújo",
      shortName: "Jota",
      document: "529.982.247-25",
      emails: [{ address: "joao.araujo@exemplo.com.br" }],
      phones: [{ number: "(11) 98765-4321" }],
    });
    await make("maria", { categoryIds: [cats.Cliente], name: "Maria da Silva de Souza" });
    await make("conceicao", { categoryIds: [cats.Cliente], name: "Conceição Gonçalves" });
    await make("acme", {
      categoryIds: [cats.Fornecedor],
      kind: "company",
      name: "Acme Indústria Ltda",
      document: "11.222.333/0001-81",
    });
    await make("inactive", { categoryIds: [cats.Cliente], name: "Joana Inativa" });
    await t.ctx.db
      .updateTable("persons")
      .set({ is_active: 0 })
      .where("code", "=", codes.inactive as number)
      .execute();
    for (let i = 0; i < 7; i++) await make(`silva${i}`, { categoryIds: [cats.Cliente], name: `Silvana ${i}` });
  });
  afterAll(() => t.close());

  const search = async (user: TestUser, q: string, extra = "") => {
    const res = await t.as(user, { method: "GET", url: `/api/persons?q=${encodeURIComponent(q)}${extra}` });
    expect(res.statusCode).toBe(200);
    return res.json() as { items: { code: number; name: string }[]; nextCursor: string | null };
  };
  const names = (r: { items: { name: string }[] }) => r.items.map((i) => i.name);

  it("ignores case and accents both ways", async () => {
    expect(names(await search(admin, "joao"))).toContain("João da Silva Araújo");
    expect(names(await search(admin, "JOÃO"))).toContain("João da Silva Araújo");
    expect(names(await search(admin, "conceicao goncalves"))).toEqual(["Conceição Gonçalves"]);
    expect(names(await search(admin, "araujo"))).toEqual(["João da Silva Araújo"]);
  });

  it("lets particles not stop a match: 'silva souza' finds Maria da Silva de Souza", async () => {
    expect(names(await search(admin, "silva souza"))).toEqual(["Maria da Silva de Souza"]);
  });

  it("matches short name, document with or without punctuation, e-mail, phone and code", async () => {
    expect(names(await search(admin, "jota"))).toEqual(["João da Silva Araújo"]);
    expect(names(await search(admin, "529.982.247-25"))).toEqual(["João da Silva Araújo"]);
    expect(names(await search(admin, "52998224725"))).toEqual(["João da Silva Araújo"]);
    expect(names(await search(admin, "11.222.333/0001-81"))).toEqual(["Acme Indústria Ltda"]);
    expect(names(await search(admin, "joao.araujo@exemplo"))).toEqual(["João da Silva Araújo"]);
    expect(names(await search(admin, "98765-4321"))).toEqual(["João da Silva Araújo"]);
    const code = String(codes.acme).padStart(6, "0");
    expect((await search(admin, code)).items[0]?.code).toBe(codes.acme);
  });

  it("puts the exact code first", async () => {
    const r = await search(admin, String(codes.silva3));
    expect(r.items[0]?.code).toBe(codes.silva3);
  });

  it("answers a two-letter query by name prefix", async () => {
    expect(names(await search(admin, "ac"))).toEqual(["Acme Indústria Ltda"]);
  });

  it("leaves inactive persons out unless asked", async () => {
    expect(names(await search(admin, "joana"))).toEqual([]);
    expect(names(await search(admin, "joana", "&includeInactive=true"))).toEqual(["Joana Inativa"]);
  });

  it("pages with a keyset cursor, in name order, without repeats", async () => {
    const first = await search(admin, "silvana", "&limit=3");
    expect(names(first)).toEqual(["Silvana 0", "Silvana 1", "Silvana 2"]);
    expect(first.nextCursor).toBeTruthy();
    const seen = [...names(first)];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await search(admin, "silvana", `&limit=3&cursor=${cursor}`);
      seen.push(...names(page));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Silvana ${i}`));
    const bad = await t.as(admin, { method: "GET", url: "/api/persons?q=x&cursor=lixo" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("cursor");
  });

  it("only returns persons this user may see, and filters by category", async () => {
    const clerk = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "addresses", level: "read" }]);
    expect(names(await search(clerk, "acme"))).toEqual([]);
    expect(names(await search(clerk, "11222333000181"))).toEqual([]);
    expect(names(await search(clerk, "joao"))).toEqual(["João da Silva Araújo"]);
    expect(names(await search(admin, "a", `&category=${cats.Fornecedor}`))).toEqual(["Acme Indústria Ltda"]);
    expect(names(await search(clerk, "acme", `&category=${cats.Fornecedor}`))).toEqual([]);
  });

  it("finds a piece inside a word too (the trigram index backs the word index up)", async () => {
    expect(names(await search(admin, "raujo"))).toEqual(["João da Silva Araújo"]);
    const first = await search(admin, "ilvana", "&limit=4");
    expect(first.items).toHaveLength(4);
    const second = await search(admin, "ilvana", `&limit=4&cursor=${first.nextCursor}`);
    expect([...names(first), ...names(second)]).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Silvana ${i}`));
  });

  it("finds a person again after a rename (the index follows updates)", async () => {
    const p = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Nome Antigo" });
    await t.as(admin, {
      method: "PATCH",
      url: `/api/persons/${p.code}`,
      payload: { name: "Rebeca Novaes", version: p.version },
    });
    expect(names(await search(admin, "novaes"))).toEqual(["Rebeca Novaes"]);
    expect(names(await search(admin, "antigo"))).toEqual([]);
  });
});
