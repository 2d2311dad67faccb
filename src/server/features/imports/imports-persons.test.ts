import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCnpj, generateCpf } from "../../../shared/brazil.ts";
import { testClock } from "../../test/clock.ts";
import { categoryIds, makePerson } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { csv, imported, ndjson } from "./imports-test-helpers.ts";

let seed = 7;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

/** Persons from the ERP: merged by document (or externalId), created otherwise, search kept up to date. */
describe("import persons", () => {
  const clock = testClock("2026-03-02T12:00:00.000Z");
  let t: TestApp;
  let admin: TestUser;
  let cats: Awaited<ReturnType<typeof categoryIds>>;

  beforeAll(async () => {
    t = await buildTestApp({ now: clock.now });
    admin = await t.user({ isAdmin: true });
    cats = await categoryIds(t.ctx);
  });
  afterAll(() => t.close());

  const search = async (q: string) =>
    (await t.as(admin, { method: "GET", url: `/api/persons?q=${encodeURIComponent(q)}` })).json().items as {
      code: number;
      name: string;
      corrections?: unknown[];
    }[];
  const person = async (code: number) => (await t.as(admin, { method: "GET", url: `/api/persons/${code}` })).json();

  it("creates persons (ERP codes kept, the counter moved past them), idempotently", async () => {
    const cpf = generateCpf(rand);
    const cnpj = generateCnpj(rand);
    const file = ndjson([
      {
        externalId: "P-1",
        code: 5000,
        name: "Joana Importada da Silva",
        document: cpf,
        categories: ["cliente"],
        email: "Joana@Exemplo.com.br",
        phone: "(11) 98765-4321",
      },
      {
        externalId: "P-2",
        kind: "company",
        name: "Ferragens Importadas Ltda",
        document: cnpj,
        categoryIds: [cats.Fornecedor],
      },
      { externalId: "P-3", name: "Sem Documento Souza", kind: "individual", categories: ["Prospect"] },
    ]);
    const first = await imported(t, admin, "persons", file);
    expect(first).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, rejectedTotal: 0 });
    const joana = await person(5000);
    expect(joana).toMatchObject({ name: "Joana Importada da Silva", kind: "individual", document: cpf, version: 1 });
    expect(joana.emails).toEqual([expect.objectContaining({ address: "joana@exemplo.com.br", isMain: true })]);
    expect(joana.categories.map((c: { name: string }) => c.name)).toEqual(["Cliente"]);
    // The quick search finds them by name, e-mail and phone digits: the search columns were written.
    expect((await search("joana importada")).map((p) => p.code)).toEqual([5000]);
    expect((await search("98765-4321")).map((p) => p.code)).toContain(5000);
    // The word itself finds Ferragens Importadas only; Joana Importada comes after it, through a
    // corrected word (few results, so the typo-tolerant search is tried too).
    const hits = await search("importadas");
    expect(hits.filter((p) => !p.corrections).map((p) => p.code)).toEqual([hits[0]?.code]);
    expect(hits[0]?.code).toBeGreaterThan(5000);
    expect(hits.slice(1).map((p) => p.code)).toEqual([5000]);

    clock.advance(1000);
    expect(await imported(t, admin, "persons", file)).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect((await person(5000)).version).toBe(1);
  });

  it("merges by document: given fields replace, categories and contacts are only added", async () => {
    const cpf = generateCpf(rand);
    const existing = await makePerson(t.ctx, {
      categoryIds: [cats.Cliente],
      name: "Marcos Velhusco",
      document: cpf,
      emails: [{ address: "marcos@antigo.com.br" }],
    });
    clock.advance(1000);
    const res = await imported(
      t,
      admin,
      "persons",
      ndjson([
        {
          document: `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`,
          name: "Marcos Atualizado",
          categories: ["Fornecedor"],
          email: "marcos@novo.com.br",
          addresses: [
            {
              zip: "01310-100",
              street: "Av. Paulista",
              number: "1000",
              district: "Bela Vista",
              city: "São Paulo",
              state: "SP",
            },
          ],
        },
      ]),
    );
    expect(res).toMatchObject({ inserted: 0, updated: 1, rejectedTotal: 0 });
    const after = await person(existing.code);
    expect(after).toMatchObject({ name: "Marcos Atualizado", version: existing.version + 1 });
    expect(after.categories.map((c: { name: string }) => c.name)).toEqual(["Cliente", "Fornecedor"]);
    expect(after.emails.map((e: { address: string; isMain: boolean }) => [e.address, e.isMain])).toEqual([
      ["marcos@antigo.com.br", true],
      ["marcos@novo.com.br", false],
    ]);
    const addresses = (await t.as(admin, { method: "GET", url: `/api/persons/${existing.code}/addresses` })).json();
    expect(addresses.items ?? addresses).toEqual([expect.objectContaining({ zip: "01310100", isMain: true })]);
    expect((await search("marcos atualizado")).map((p) => p.code)).toEqual([existing.code]);
    expect((await search("velhusco")).map((p) => p.code)).toEqual([]);
    expect((await search("novo.com.br")).map((p) => p.code)).toEqual([existing.code]);
  });

  it("persons from CSV: categories with |, contacts and a dotted address", async () => {
    const cpf = generateCpf(rand);
    const header = [
      "externalId",
      "name",
      "document",
      "categories",
      "email",
      "phone",
      "addresses.0.zip",
      "addresses.0.street",
      "addresses.0.number",
      "addresses.0.district",
      "addresses.0.city",
      "addresses.0.state",
      "isActive",
    ];
    const file = csv(header, [
      [
        "P-CSV",
        "Renata Planilha",
        cpf,
        "Cliente|Fornecedor",
        "renata@planilha.com",
        "11 3456-7890",
        "20040020",
        "Av. Rio Branco",
        "156",
        "Centro",
        "Rio de Janeiro",
        "RJ",
        "sim",
      ],
    ]);
    expect(await imported(t, admin, "persons", file, "text/csv")).toMatchObject({ inserted: 1, rejectedTotal: 0 });
    const [found] = await search("renata planilha");
    const renata = await person(found?.code ?? 0);
    expect(renata.categories.map((c: { name: string }) => c.name)).toEqual(["Cliente", "Fornecedor"]);
    expect(renata.phones).toEqual([expect.objectContaining({ number: "551134567890", isMain: true })]);
    expect(await imported(t, admin, "persons", file, "text/csv")).toMatchObject({ unchanged: 1 });
  });

  it("rejects lines it cannot merge or create, naming the field", async () => {
    const taken = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Dona do Documento" });
    const file = ndjson([
      { externalId: "R-1", name: "Categoria Errada", document: generateCpf(rand), categories: ["Marciano"] },
      { externalId: "R-2", document: generateCpf(rand), categories: ["Cliente"] },
      { externalId: "R-3", name: "Sem Categoria", document: generateCpf(rand) },
      { name: "Sem Chave", kind: "individual", categories: ["Cliente"] },
      { externalId: "R-5", name: "CPF Ruim", document: "123.456.789-00", categories: ["Cliente"] },
      { externalId: "P-1", name: "Joana com Outro Documento", document: taken.document, categories: ["Cliente"] },
      { externalId: "R-7", code: 5000, name: "Código Usado", document: generateCpf(rand), categories: ["Cliente"] },
      {
        externalId: "R-8",
        name: "Empresa com CPF",
        kind: "company",
        document: generateCpf(rand),
        categories: ["Cliente"],
      },
      { externalId: "R-9", name: "Certa", document: generateCpf(rand), categories: ["Cliente"] },
    ]);
    const res = await imported(t, admin, "persons", file);
    expect(res).toMatchObject({ inserted: 1, rejectedTotal: 8 });
    expect(res.rejected.map((r) => [r.line, r.field])).toEqual([
      [1, "categories"],
      [2, "name"],
      [3, "categories"],
      [4, "document"],
      [5, "document"],
      [6, "document"],
      [7, "code"],
      [8, "document"],
    ]);
    expect((await search("joana importada")).map((p) => p.code)).toEqual([5000]);
  });

  it("says why each line was refused, as a reason with its params beside the pt-BR words", async () => {
    const owner = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Dona da Razão" });
    const file = ndjson([
      { externalId: "Q-1", name: "Marciano", document: generateCpf(rand), categories: ["Marciano"] },
      { externalId: "Q-2", name: "Sem Chave" },
      { externalId: "Q-3", name: "Empresa", kind: "company", document: generateCpf(rand), categories: ["Cliente"] },
      { externalId: "Q-4", name: "Outro Código", code: owner.code + 100_000, document: owner.document },
      { name: "Sem Documento", kind: "individual", categories: ["Cliente"] },
      { externalId: "Q-6", document: generateCpf(rand), categories: ["Cliente"] },
    ]);
    const res = await imported(t, admin, "persons", file);
    const code = String(owner.code).padStart(6, "0");
    expect(res.rejected).toEqual([
      {
        line: 1,
        field: "categories",
        error: "categoria desconhecida: Marciano",
        reason: "unknown_category",
        params: { category: "Marciano" },
      },
      expect.objectContaining({ line: 2, field: "categories", reason: "import_category_required" }),
      expect.objectContaining({
        line: 3,
        field: "document",
        reason: "company_uses_cnpj",
        error: "pessoa jurídica usa CNPJ",
      }),
      {
        line: 4,
        field: "code",
        error: `a pessoa já existe com o código ${code}`,
        reason: "import_code_differs",
        params: { code },
      },
      expect.objectContaining({ line: 5, field: "document", reason: "import_person_key" }),
      expect.objectContaining({ line: 6, field: "name", reason: "import_name_required" }),
    ]);
  });
});
