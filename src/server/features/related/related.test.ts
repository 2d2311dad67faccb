import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Person } from "../../../shared/persons.schemas.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

type Link = { id: number; direction: string; typeId: number; label: string; person: { code: number; name: string } };

describe("related persons", () => {
  let t: TestApp;
  let admin: TestUser;
  let clerk: TestUser;
  let reader: TestUser;
  let cats: Awaited<ReturnType<typeof categoryIds>>;
  let types: Record<string, number>;

  beforeAll(async () => {
    t = await buildTestApp();
    cats = await categoryIds(t.ctx);
    admin = await t.user({ isAdmin: true });
    clerk = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "related", level: "write" }]);
    reader = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "related", level: "read" }]);
    const rows = await t.ctx.db.selectFrom("relationship_types").select(["id", "name"]).execute();
    types = Object.fromEntries(rows.map((r) => [r.name, r.id]));
  });
  afterAll(() => t.close());

  const typeId = (name: string): number => {
    const id = types[name];
    if (id === undefined) throw new Error(`no relationship type ${name}`);
    return id;
  };
  const customer = (name: string, shortName: string | null = null) =>
    makePerson(t.ctx, { categoryIds: [cats.Cliente], name, shortName });
  const related = async (p: Person, user: TestUser = clerk, q = ""): Promise<Link[]> => {
    const res = await t.as(user, {
      method: "GET",
      url: `/api/persons/${p.code}/related${q ? `?q=${encodeURIComponent(q)}` : ""}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const link = (from: Person, to: Person | number, typeId: number, user: TestUser = clerk) =>
    t.as(user, {
      method: "POST",
      url: `/api/persons/${from.code}/related`,
      payload: { relatedCode: typeof to === "number" ? to : to.code, typeId },
    });
  const linkCount = async () => (await t.ctx.db.selectFrom("person_relationships").select("id").execute()).length;

  it("links A to B with a type; A sees it outgoing with the type name, B incoming with the inverse name", async () => {
    const a = await customer("Ana Representações");
    const b = await customer("Bruno Compras");
    const res = await link(a, b, typeId("Representante"));
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      direction: "outgoing",
      typeId: typeId("Representante"),
      label: "Representante",
      person: { code: b.code, name: "Bruno Compras" },
    });

    expect(await related(a)).toEqual([
      expect.objectContaining({ id: created.id, direction: "outgoing", label: "Representante" }),
    ]);
    expect(await related(b)).toEqual([
      expect.objectContaining({
        id: created.id,
        direction: "incoming",
        label: "Representado",
        person: expect.objectContaining({ code: a.code, name: "Ana Representações" }),
      }),
    ]);
  });

  it("filters by code, by name without accents and by short name", async () => {
    const hub = await customer("Empresa Central");
    const joao = await customer("João Araújo", "Jota");
    const maria = await customer("Maria Souza", "Mariazinha");
    expect((await link(hub, joao, typeId("Contato"))).statusCode).toBe(201);
    expect((await link(hub, maria, typeId("Contato"))).statusCode).toBe(201);
    const codes = (items: Link[]) => items.map((i) => i.person.code);

    expect(codes(await related(hub))).toEqual([joao.code, maria.code]);
    expect(codes(await related(hub, clerk, "joao"))).toEqual([joao.code]);
    expect(codes(await related(hub, clerk, "ARAUJO"))).toEqual([joao.code]);
    expect(codes(await related(hub, clerk, "jota"))).toEqual([joao.code]);
    expect(codes(await related(hub, clerk, "mariazinha"))).toEqual([maria.code]);
    expect(codes(await related(hub, clerk, String(maria.code)))).toEqual([maria.code]);
    expect(codes(await related(hub, clerk, String(maria.code).padStart(6, "0")))).toEqual([maria.code]);
    expect(codes(await related(hub, clerk, "ninguém"))).toEqual([]);
  });

  it("answers 409 to the same link twice and keeps one", async () => {
    const a = await customer("Duplicada A");
    const b = await customer("Duplicada B");
    expect((await link(a, b, typeId("Sócio"))).statusCode).toBe(201);
    const before = await linkCount();
    const again = await link(a, b, typeId("Sócio"));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("conflict");
    expect(await linkCount()).toBe(before);
    // Another type between the same two persons is another link.
    expect((await link(a, b, typeId("Contato"))).statusCode).toBe(201);
    expect(await related(a)).toHaveLength(2);
  });

  it("refuses a link of a person to itself with 400 naming relatedCode", async () => {
    const a = await customer("Narciso");
    const before = await linkCount();
    const res = await link(a, a, typeId("Contato"));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("relatedCode");
    expect(await linkCount()).toBe(before);
  });

  it("refuses an unknown or inactive relationship type with 400 naming typeId", async () => {
    const a = await customer("Tipo A");
    const b = await customer("Tipo B");
    const before = await linkCount();
    const unknown = await link(a, b, 99999);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain("typeId");
    expect(unknown.json().error.details).toEqual([expect.objectContaining({ field: "typeId" })]);

    const created = await t.as(admin, {
      method: "POST",
      url: "/api/settings/relationship-types",
      payload: { name: "Antigo vínculo" },
    });
    expect(created.statusCode).toBe(201);
    const off = await t.as(admin, {
      method: "PATCH",
      url: `/api/settings/relationship-types/${created.json().id}`,
      payload: { isActive: false, version: created.json().version },
    });
    expect(off.statusCode).toBe(200);
    const inactive = await link(a, b, created.json().id);
    expect(inactive.statusCode).toBe(400);
    expect(inactive.json().error.message).toContain("typeId");
    expect(await linkCount()).toBe(before);
  });

  it("refuses an unknown relatedCode, or one the user cannot see, with 400 naming relatedCode", async () => {
    const a = await customer("Sem Par");
    const hidden = await makePerson(t.ctx, { categoryIds: [cats.Fornecedor], name: "Fornecedor Oculto" });
    const before = await linkCount();
    for (const code of [999999, hidden.code]) {
      const res = await link(a, code, typeId("Contato"));
      expect(res.statusCode, String(code)).toBe(400);
      expect(res.json().error.message).toContain("relatedCode");
    }
    // The two answers are the same: nothing tells the hidden person exists.
    const [unknown, invisible] = await Promise.all([
      link(a, 999999, typeId("Contato")),
      link(a, hidden, typeId("Contato")),
    ]);
    expect(invisible.json().error.message).toBe(unknown.json().error.message);
    expect(await linkCount()).toBe(before);
  });

  it("names the reason of each refusal, with the pt-BR words it always had", async () => {
    const a = await customer("Razões A");
    const b = await customer("Razões B");
    const cases: [Awaited<ReturnType<typeof link>>, { field: string; reason: string; message: string }][] = [
      [
        await link(a, a, typeId("Contato")),
        { field: "relatedCode", reason: "self_relationship", message: "uma pessoa não se relaciona com ela mesma" },
      ],
      [
        await link(a, b, 99999),
        { field: "typeId", reason: "unknown_relationship_type", message: "tipo de relacionamento desconhecido" },
      ],
      [
        await link(a, 999999, typeId("Contato")),
        { field: "relatedCode", reason: "related_person_not_found", message: "pessoa não encontrada" },
      ],
    ];
    for (const [res, expected] of cases) {
      expect(res.statusCode, expected.reason).toBe(400);
      expect(res.json().error).toMatchObject({ reason: expected.reason, details: [expected] });
    }
    expect((await link(a, b, typeId("Contato"))).statusCode).toBe(201);
    const again = await link(a, b, typeId("Contato"));
    expect(again.json().error).toMatchObject({
      code: "conflict",
      reason: "already_related",
      message: "Estas pessoas já estão relacionadas com este tipo.",
    });
    const gone = await t.as(clerk, { method: "DELETE", url: `/api/persons/${a.code}/related/99999999` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error).toMatchObject({
      reason: "relationship_not_found",
      message: "Relacionamento não encontrado.",
    });
  });

  it("unlinks from either side, and only links of that person", async () => {
    const a = await customer("Lado A");
    const b = await customer("Lado B");
    const c = await customer("Terceiro");
    const ab = (await link(a, b, typeId("Funcionário"))).json();
    const ba = (await link(b, a, typeId("Contato"))).json();

    // From C, neither link is reachable.
    const foreign = await t.as(clerk, { method: "DELETE", url: `/api/persons/${c.code}/related/${ab.id}` });
    expect(foreign.statusCode).toBe(404);

    // A link made on A's screen is undone from B's, and the other way round.
    expect((await t.as(clerk, { method: "DELETE", url: `/api/persons/${b.code}/related/${ab.id}` })).statusCode).toBe(
      204,
    );
    expect((await t.as(clerk, { method: "DELETE", url: `/api/persons/${a.code}/related/${ba.id}` })).statusCode).toBe(
      204,
    );
    expect(await related(a)).toEqual([]);
    expect(await related(b)).toEqual([]);
    expect((await t.as(clerk, { method: "DELETE", url: `/api/persons/${a.code}/related/${ab.id}` })).statusCode).toBe(
      404,
    );
  });

  it("does not list, nor let anyone unlink, a related person the user cannot see", async () => {
    const a = await customer("Cliente Com Segredo");
    const visible = await customer("Contato Visível");
    const secret = await makePerson(t.ctx, { categoryIds: [cats.Fornecedor], name: "Fornecedor Secreto" });
    expect((await link(a, visible, typeId("Contato"), admin)).statusCode).toBe(201);
    const hidden = (await link(a, secret, typeId("Contato"), admin)).json();
    expect((await link(secret, a, typeId("Sócio"), admin)).statusCode).toBe(201);

    const forClerk = await related(a, clerk);
    expect(forClerk.map((l) => l.person.code)).toEqual([visible.code]);
    expect(JSON.stringify(forClerk)).not.toContain("Secreto");
    expect((await related(a, clerk, "secreto")).length).toBe(0);
    expect((await related(a, admin)).map((l) => l.person.code).sort()).toEqual(
      [visible.code, secret.code, secret.code].sort(),
    );

    const res = await t.as(clerk, { method: "DELETE", url: `/api/persons/${a.code}/related/${hidden.id}` });
    expect(res.statusCode).toBe(404);
    expect((await related(a, admin)).map((l) => l.id)).toContain(hidden.id);
  });

  it("lets a read grant list but answers 403 to linking and unlinking; 404 for a person out of reach", async () => {
    const a = await customer("Leitura A");
    const b = await customer("Leitura B");
    const ab = (await link(a, b, typeId("Contato"), admin)).json();
    expect((await related(a, reader)).map((l) => l.id)).toEqual([ab.id]);
    const post = await link(a, await customer("Leitura C"), typeId("Contato"), reader);
    expect(post.statusCode).toBe(403);
    const del = await t.as(reader, { method: "DELETE", url: `/api/persons/${a.code}/related/${ab.id}` });
    expect(del.statusCode).toBe(403);
    expect((await related(a, admin)).map((l) => l.id)).toEqual([ab.id]);

    const supplier = await makePerson(t.ctx, { categoryIds: [cats.Fornecedor], name: "Fora de Alcance" });
    const hidden = await t.as(clerk, { method: "GET", url: `/api/persons/${supplier.code}/related` });
    expect(hidden.statusCode).toBe(404);
    expect((await link(supplier, a, typeId("Contato"))).statusCode).toBe(404);
  });
});
