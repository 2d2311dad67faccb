import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

/**
 * Every refusal of the persons API names its reason (shared/reasons/persons.ts) beside the pt-BR
 * words it always had, so the web can say it in English: the schema's refinements in the field's
 * `reason`, the service's rules in the error's.
 */
describe("persons: reasons of refusals", () => {
  let t: TestApp;
  let admin: TestUser;
  let cats: Awaited<ReturnType<typeof categoryIds>>;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.user({ isAdmin: true });
    cats = await categoryIds(t.ctx);
  });
  afterAll(() => t.close());

  const base = () => ({
    kind: "individual",
    name: "Pessoa das Razões",
    document: null,
    categoryIds: [cats.Cliente],
    addresses: [
      { zip: "01310-100", street: "Av. Paulista", number: "1", district: "Bela Vista", city: "São Paulo", state: "SP" },
    ],
  });
  const create = (patch: Record<string, unknown>, user: TestUser = admin) =>
    t.as(user, { method: "POST", url: "/api/persons", payload: { ...base(), ...patch } });

  it("a field refused by the schema carries its reason and the same pt-BR message", async () => {
    const address = base().addresses[0];
    const cases: [Record<string, unknown>, { field: string; reason: string; message: string }][] = [
      [
        { document: "1234" },
        { field: "document", reason: "document_shape", message: "CPF deve ter 11 dígitos e CNPJ 14 caracteres" },
      ],
      [
        { document: "123.456.789-00" },
        { field: "document", reason: "invalid_cpf", message: "CPF inválido: dígitos verificadores não conferem" },
      ],
      // Nine equal digits pass no CPF: the kit's rule, told with the check-digit words as before.
      [
        { document: "111.111.111-11" },
        { field: "document", reason: "invalid_cpf", message: "CPF inválido: dígitos verificadores não conferem" },
      ],
      [
        { kind: "company", document: "11.222.333/0001-82" },
        { field: "document", reason: "invalid_cnpj", message: "CNPJ inválido: dígitos verificadores não conferem" },
      ],
      [
        { kind: "company", document: "529.982.247-25" },
        { field: "document", reason: "company_uses_cnpj", message: "pessoa jurídica usa CNPJ" },
      ],
      [
        { document: "11.222.333/0001-81" },
        { field: "document", reason: "individual_uses_cpf", message: "pessoa física usa CPF" },
      ],
      [
        { phones: [{ number: "123" }] },
        {
          field: "phones.0.number",
          reason: "invalid_phone",
          message: "telefone inválido: use DDD e número, ex. (11) 91234-5678",
        },
      ],
      [
        {
          emails: [
            { address: "a@b.com", isMain: true },
            { address: "c@d.com", isMain: true },
          ],
        },
        { field: "emails", reason: "one_main", message: "apenas um pode ser o principal" },
      ],
      [
        {
          addresses: [
            { ...address, isMain: true },
            { ...address, number: "2", isMain: true },
          ],
        },
        { field: "addresses", reason: "one_main", message: "apenas um pode ser o principal" },
      ],
      [
        { addresses: [{ ...address, zip: "0131" }] },
        { field: "addresses.0.zip", reason: "invalid_cep", message: "CEP deve ter 8 dígitos" },
      ],
      [
        { addresses: [{ ...address, state: "XX" }] },
        {
          field: "addresses.0.state",
          reason: "invalid_uf",
          message: "UF inválida: use a sigla de um dos 27 estados, ex. SP",
        },
      ],
    ];
    for (const [patch, expected] of cases) {
      const res = await create(patch);
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().error.details, JSON.stringify(patch)).toEqual([expect.objectContaining(expected)]);
    }
  });

  it("stores what the kit's rules store: the document upper case, the phone in E.164, the UF in capitals", async () => {
    const res = await create({
      kind: "company",
      name: "Kit Ltda",
      document: " 12.abc.345/01de-35 ",
      phones: [{ number: "0800 123 4567" }, { number: "+55 (21) 3456-7890" }],
      addresses: [{ ...base().addresses[0], state: " rj " }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().document).toBe("12ABC34501DE35");
    expect(res.json().phones.map((p: { number: string }) => p.number)).toEqual(["08001234567", "552134567890"]);
    const addresses = await t.as(admin, { method: "GET", url: `/api/persons/${res.json().code}/addresses` });
    expect(addresses.json().items[0].state).toBe("RJ");
  });

  it("the service's refusals name their reason and params", async () => {
    const unknown = await create({ categoryIds: [cats.Cliente, 9998, 9999] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: "validation_failed",
      reason: "unknown_category",
      params: { category: "9998, 9999" },
      message: "categoryIds: categoria desconhecida: 9998, 9999",
    });

    const supplier = await makePerson(t.ctx, {
      categoryIds: [cats.Fornecedor],
      kind: "company",
      document: "04.252.011/0001-10",
      name: "Fornecedor do Documento",
    });
    const taken = await create({ kind: "company", document: "04252011000110" });
    expect(taken.statusCode).toBe(409);
    const code = String(supplier.code).padStart(6, "0");
    expect(taken.json().error).toMatchObject({ code: "conflict", reason: "document_in_use_by", params: { code } });
    expect(taken.json().error.details).toEqual([
      {
        field: "document",
        reason: "document_in_use_by",
        message: `documento já cadastrado para a pessoa ${code}`,
        params: { code },
      },
    ]);
    // Who may not see the other person does not learn its code.
    const clerk = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "addresses", level: "write" }]);
    const hidden = await create({ kind: "company", document: "04252011000110" }, clerk);
    expect(hidden.statusCode).toBe(409);
    expect(hidden.json().error).toMatchObject({
      reason: "document_in_use",
      message: "document: documento já cadastrado",
    });
    expect(hidden.json().error.params).toBeUndefined();

    const denied = await create({ categoryIds: [cats.Fornecedor] }, clerk);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error).toMatchObject({
      reason: "cannot_create_in_category",
      message: "Você não pode cadastrar pessoas nesta categoria.",
    });
  });

  it("a stale version, a foreign category and a bad cursor name their reasons", async () => {
    const p = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Versão Antiga" });
    const stale = await t.as(admin, {
      method: "PATCH",
      url: `/api/persons/${p.code}`,
      payload: { name: "Outro", version: p.version + 5 },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error).toMatchObject({
      reason: "person_changed",
      message: "Outra pessoa alterou este cadastro; recarregue para ver as mudanças.",
      details: { currentVersion: p.version },
    });
    const kind = await t.as(admin, {
      method: "PATCH",
      url: `/api/persons/${p.code}`,
      payload: { kind: "company", version: p.version },
    });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error).toMatchObject({
      reason: "company_uses_cnpj",
      message: "document: pessoa jurídica usa CNPJ",
    });

    const tabs = await t.as(admin, { method: "GET", url: `/api/persons/${p.code}/tabs?category=${cats.Fornecedor}` });
    expect(tabs.statusCode).toBe(400);
    expect(tabs.json().error).toMatchObject({
      reason: "category_not_of_person",
      message: "category: esta pessoa não pertence a essa categoria",
    });
    const cursor = await t.as(admin, { method: "GET", url: "/api/persons?q=x&cursor=lixo" });
    expect(cursor.json().error).toMatchObject({ reason: "invalid_cursor", message: "cursor: cursor inválido" });
    const missing = await t.as(admin, { method: "GET", url: "/api/persons/999999" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ reason: "person_not_found", message: "Pessoa não encontrada." });
  });
});
