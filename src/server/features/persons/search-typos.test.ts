import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

type Hit = { code: number; name: string; corrections?: { typed: string; word: string | null }[] };

/** Typo tolerance of the quick search (issue 21): corrected words, ranked below exact and prefix matches. */
describe("quick search with typos", () => {
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
      name: "João Carlos da Silva",
      document: "529.982.247-25",
      emails: [{ address: "joao.carlos@exemplo.com.br" }],
    });
    await make("tiago", { categoryIds: [cats.Cliente], name: "Tiago Souza Nascimento" });
    await make("felipe", { categoryIds: [cats.Cliente], name: "Phelippe Gonçalves" });
    await make("luis", { categoryIds: [cats.Cliente], name: "Luis Fernando Mattos" });
    await make("ana", { categoryIds: [cats.Cliente], name: "Anna Beatriz Lima" });
    await make("supplier", {
      categoryIds: [cats.Fornecedor],
      kind: "company",
      name: "Distribuidora Xavante Ltda",
      document: "11.222.333/0001-81",
    });
    await make("hidden", { categoryIds: [cats.Fornecedor], name: "Joana Silvestre" });
    await make("inactive", { categoryIds: [cats.Cliente], name: "Teodoro Inativo" });
    await t.ctx.db
      .updateTable("persons")
      .set({ is_active: 0 })
      .where("code", "=", codes.inactive as number)
      .execute();
    // One edit from "lima": found by correction, below Anna Beatriz Lima.
    await make("lina", { categoryIds: [cats.Cliente], name: "Rosa Lina" });
    await make("other-cpf", { categoryIds: [cats.Cliente], name: "Outra Pessoa", document: "111.444.777-35" });
  });
  afterAll(() => t.close());

  const search = async (user: TestUser, q: string, extra = "") => {
    const res = await t.as(user, { method: "GET", url: `/api/persons?q=${encodeURIComponent(q)}${extra}` });
    expect(res.statusCode).toBe(200);
    return res.json() as { items: Hit[]; nextCursor: string | null };
  };
  const names = (r: { items: Hit[] }) => r.items.map((i) => i.name);
  const hit = (r: { items: Hit[] }, name: string) => r.items.find((i) => i.name === name);

  it("finds João through one typo, a swap, or one misspelled word of two, and says what it corrected", async () => {
    const jaoo = await search(admin, "jaoo");
    expect(names(jaoo)).toContain("João Carlos da Silva");
    expect(hit(jaoo, "João Carlos da Silva")?.corrections).toEqual([{ typed: "jaoo", word: "João" }]);
    const silvq = await search(admin, "joao silvq");
    expect(names(silvq)[0]).toBe("João Carlos da Silva");
    expect(silvq.items[0]?.corrections).toEqual([{ typed: "silvq", word: "Silva" }]);
    expect(names(await search(admin, "sivla"))).toContain("João Carlos da Silva");
    expect(names(await search(admin, "carlso"))).toEqual(["João Carlos da Silva"]);
  });

  it("forgives two edits only in words of 8 letters or more", async () => {
    expect(names(await search(admin, "nacsimetno"))).toEqual(["Tiago Souza Nascimento"]);
    expect(names(await search(admin, "distribiudroa"))).toEqual(["Distribuidora Xavante Ltda"]);
    // "tiago" with two edits: 5 letters take one.
    expect(names(await search(admin, "tagio"))).toEqual([]);
    expect(names(await search(admin, "tiagp"))).toEqual(["Tiago Souza Nascimento"]);
  });

  it("takes Brazilian spelling variants as near", async () => {
    const thiago = await search(admin, "thiago sousa");
    expect(names(thiago)).toEqual(["Tiago Souza Nascimento"]);
    expect(thiago.items[0]?.corrections).toEqual([
      { typed: "thiago", word: "Tiago" },
      { typed: "sousa", word: "Souza" },
    ]);
    expect(names(await search(admin, "felipe goncalvez"))).toEqual(["Phelippe Gonçalves"]);
    expect(names(await search(admin, "luiz matos"))).toEqual(["Luis Fernando Mattos"]);
    expect(names(await search(admin, "ana beatris"))).toEqual(["Anna Beatriz Lima"]);
  });

  it("ranks exact and prefix matches first, corrected ones below, and marks only the corrected", async () => {
    const r = await search(admin, "lima");
    expect(names(r)).toEqual(["Anna Beatriz Lima", "Rosa Lina"]);
    expect(r.items[0]?.corrections).toBeUndefined();
    expect(r.items[1]?.corrections).toEqual([{ typed: "lima", word: "Lina" }]);
    // "silvq": Silva is one edit away, Silvestre more.
    expect(names(await search(admin, "silvq"))).toEqual(["João Carlos da Silva"]);
    // Fewer corrected words rank first.
    const two = await search(admin, "joao silvq");
    expect(two.items.every((i) => i.corrections?.length === 1)).toBe(true);
  });

  it("leaves out a word no name has when the others find someone", async () => {
    const r = await search(admin, "joao xptoqwz");
    expect(names(r)).toEqual(["João Carlos da Silva"]);
    expect(r.items[0]?.corrections).toEqual([{ typed: "xptoqwz", word: null }]);
    expect(names(await search(admin, "xptoqwz"))).toEqual([]);
  });

  it("never corrects codes, CPF/CNPJ, e-mails or phones", async () => {
    // One digit off João's CPF (529.982.247-25): another person's CPF is never offered.
    expect(names(await search(admin, "529.982.247-35"))).toEqual([]);
    expect(names(await search(admin, "52998224735"))).toEqual([]);
    expect(names(await search(admin, "111.444.777-36"))).toEqual([]);
    const code = String(codes.joao).padStart(6, "0");
    const wrongCode = `9${code.slice(1)}`;
    expect(names(await search(admin, wrongCode))).toEqual([]);
    expect(names(await search(admin, "jaoo.carlos@exemplo"))).toEqual([]);
    expect(names(await search(admin, "joao.carlso@exemplo.com.br"))).toEqual([]);
  });

  it("keeps visibility and the active filter for corrected matches", async () => {
    const clerk = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "addresses", level: "read" }]);
    // Joana Silvestre is a Fornecedor: the clerk never sees her, corrected or not.
    expect(names(await search(admin, "joanna silvestri"))).toEqual(["Joana Silvestre"]);
    expect(names(await search(clerk, "joanna silvestri"))).toEqual([]);
    expect(names(await search(clerk, "distribiudroa"))).toEqual([]);
    expect(names(await search(clerk, "jaoo"))).toContain("João Carlos da Silva");
    expect(names(await search(admin, "teodroo"))).toEqual([]);
    expect(names(await search(admin, "teodroo", "&includeInactive=true"))).toEqual(["Teodoro Inativo"]);
    expect(names(await search(admin, "jaoo", `&category=${cats.Fornecedor}`))).toEqual([]);
  });

  it("tries no correction when the exact and prefix search found enough", async () => {
    for (let i = 0; i < 5; i++) await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: `Tiagp Real ${i}` });
    const r = await search(admin, "tiagp");
    expect(r.items).toHaveLength(5);
    expect(r.items.every((i) => i.name.startsWith("Tiagp Real") && i.corrections === undefined)).toBe(true);
  });
});
