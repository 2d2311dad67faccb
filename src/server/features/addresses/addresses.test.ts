import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Person } from "../../../shared/persons.schemas.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

type Addr = { id: number; type: string; isMain: boolean; version: number; [k: string]: unknown };

describe("addresses", () => {
  let t: TestApp;
  let admin: TestUser;
  let clerk: TestUser;
  let reader: TestUser;
  let stranger: TestUser;
  let cats: Awaited<ReturnType<typeof categoryIds>>;

  beforeAll(async () => {
    t = await buildTestApp();
    cats = await categoryIds(t.ctx);
    admin = await t.user({ isAdmin: true });
    clerk = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "addresses", level: "write" }]);
    reader = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "addresses", level: "read" }]);
    stranger = await userWithGrants(t, [{ categoryId: cats.Fornecedor, tab: "addresses", level: "write" }]);
  });
  afterAll(() => t.close());

  const paulista = (over: Record<string, unknown> = {}) => ({
    type: "main",
    zip: "01310-100",
    street: "Av. Paulista",
    number: "1000",
    complement: "conj. 42",
    district: "Bela Vista",
    city: "São Paulo",
    state: "SP",
    ...over,
  });
  const customer = (name = "Cliente com Endereço") => makePerson(t.ctx, { categoryIds: [cats.Cliente], name });
  const list = async (p: Person, user: TestUser = admin): Promise<Addr[]> => {
    const res = await t.as(user, { method: "GET", url: `/api/persons/${p.code}/addresses` });
    expect(res.statusCode).toBe(200);
    return res.json().items;
  };
  const add = async (p: Person, body: Record<string, unknown>, user: TestUser = admin): Promise<Addr> => {
    const res = await t.as(user, { method: "POST", url: `/api/persons/${p.code}/addresses`, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const mains = (items: Addr[]) => items.filter((a) => a.isMain).map((a) => a.id);
  const rowsOf = async (p: Person) =>
    t.ctx.db
      .selectFrom("addresses as a")
      .innerJoin("persons as p", "p.id", "a.person_id")
      .selectAll("a")
      .where("p.code", "=", p.code)
      .orderBy("a.id")
      .execute();

  it("creates, lists, updates and deletes an address, storing CEP digits and the UF in capitals", async () => {
    const p = await customer();
    const created = await add(p, paulista({ zip: "01310100", state: "sp", number: "S/N", ibgeCode: "3550308" }), clerk);
    expect(created).toMatchObject({
      personCode: p.code,
      type: "main",
      zip: "01310100",
      street: "Av. Paulista",
      number: "S/N",
      complement: "conj. 42",
      city: "São Paulo",
      ibgeCode: "3550308",
      state: "SP",
      country: "Brasil",
      isMain: true,
      version: 1,
    });
    expect(await list(p, clerk)).toEqual([created]);

    const patched = await t.as(clerk, {
      method: "PATCH",
      url: `/api/addresses/${created.id}`,
      payload: { street: "Avenida Paulista", number: "1578", version: 1 },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ street: "Avenida Paulista", number: "1578", version: 2 });

    const removed = await t.as(clerk, { method: "DELETE", url: `/api/addresses/${created.id}` });
    expect(removed.statusCode).toBe(204);
    expect(await list(p, clerk)).toEqual([]);
    expect((await t.as(clerk, { method: "DELETE", url: `/api/addresses/${created.id}` })).statusCode).toBe(404);
    const gone = await t.as(clerk, { method: "PATCH", url: `/api/addresses/${created.id}`, payload: { version: 2 } });
    expect(gone.statusCode).toBe(404);
  });

  it("a PATCH of one field keeps the others (type, country, complement, IBGE code)", async () => {
    const p = await customer();
    await add(p, paulista());
    const delivery = await add(
      p,
      paulista({ type: "delivery", country: "Brasil (entrega)", street: "Rua Augusta", ibgeCode: "3550308" }),
    );
    const res = await t.as(admin, {
      method: "PATCH",
      url: `/api/addresses/${delivery.id}`,
      payload: { number: "2000", version: delivery.version },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      type: "delivery",
      country: "Brasil (entrega)",
      complement: "conj. 42",
      ibgeCode: "3550308",
      street: "Rua Augusta",
      number: "2000",
      isMain: false,
    });
  });

  it("keeps exactly one main: the first is main, a new main demotes it, deleting the main promotes another", async () => {
    const p = await customer();
    const first = await add(p, paulista({ type: "billing", isMain: false }));
    expect(first.isMain).toBe(true);
    const second = await add(p, paulista({ type: "delivery", street: "Rua Augusta" }));
    expect(second.isMain).toBe(false);
    expect(mains(await list(p))).toEqual([first.id]);

    const third = await add(p, paulista({ type: "other", street: "Rua Oscar Freire", isMain: true }));
    expect(third.isMain).toBe(true);
    expect(mains(await list(p))).toEqual([third.id]);

    // Making an existing one main through PATCH demotes the current main too.
    const promote = await t.as(admin, {
      method: "PATCH",
      url: `/api/addresses/${second.id}`,
      payload: { isMain: true, version: second.version },
    });
    expect(promote.statusCode).toBe(200);
    expect(promote.json().isMain).toBe(true);
    expect(mains(await list(p))).toEqual([second.id]);
    // The main comes first in the list.
    expect((await list(p))[0]?.id).toBe(second.id);

    expect((await t.as(admin, { method: "DELETE", url: `/api/addresses/${second.id}` })).statusCode).toBe(204);
    const after = await list(p);
    expect(after.map((a) => a.id).sort()).toEqual([first.id, third.id].sort());
    expect(mains(after)).toHaveLength(1);
  });

  it("unmarking the main hands the flag to another address", async () => {
    const p = await customer();
    // "billing" sorts before "delivery": a naive "first one wins" would give the flag straight back.
    const main = await add(p, paulista({ type: "billing" }));
    const other = await add(p, paulista({ type: "delivery", street: "Rua Augusta" }));
    const res = await t.as(admin, {
      method: "PATCH",
      url: `/api/addresses/${main.id}`,
      payload: { isMain: false, version: main.version },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().isMain).toBe(false);
    expect(mains(await list(p))).toEqual([other.id]);
  });

  it("refuses a bad CEP with 400 naming zip and saves nothing", async () => {
    const p = await customer();
    for (const zip of ["0131", "01310-10a", "013101000", ""]) {
      const res = await t.as(admin, {
        method: "POST",
        url: `/api/persons/${p.code}/addresses`,
        payload: paulista({ zip }),
      });
      expect(res.statusCode, zip).toBe(400);
      expect(res.json().error.message, zip).toContain("zip");
      expect(res.json().error.details, zip).toEqual([expect.objectContaining({ field: "zip" })]);
    }
    expect(await rowsOf(p)).toEqual([]);

    const saved = await add(p, paulista());
    const bad = await t.as(admin, {
      method: "PATCH",
      url: `/api/addresses/${saved.id}`,
      payload: { zip: "0131", version: saved.version },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("zip");
    expect(await rowsOf(p)).toEqual([expect.objectContaining({ zip: "01310100", version: 1 })]);
  });

  it("refuses a state that is not a UF with 400 naming state", async () => {
    const p = await customer();
    for (const state of ["XX", "São Paulo", "S"]) {
      const res = await t.as(admin, {
        method: "POST",
        url: `/api/persons/${p.code}/addresses`,
        payload: paulista({ state }),
      });
      expect(res.statusCode, state).toBe(400);
      expect(res.json().error.message, state).toContain("state");
    }
    expect(await rowsOf(p)).toEqual([]);
    const saved = await add(p, paulista({ state: "rj" }));
    expect(saved.state).toBe("RJ");
    const bad = await t.as(admin, {
      method: "PATCH",
      url: `/api/addresses/${saved.id}`,
      payload: { state: "ZZ", version: saved.version },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("state");
  });

  it("refuses missing required fields naming each", async () => {
    const p = await customer();
    const res = await t.as(admin, {
      method: "POST",
      url: `/api/persons/${p.code}/addresses`,
      payload: paulista({ street: "", city: undefined }),
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(["street", "city"]));
    expect(await rowsOf(p)).toEqual([]);
  });

  it("answers 412 to a stale version, in the body or in If-Match, and changes nothing", async () => {
    const p = await customer();
    const a = await add(p, paulista());
    const first = await t.as(clerk, {
      method: "PATCH",
      url: `/api/addresses/${a.id}`,
      payload: { number: "1001", version: 1 },
    });
    expect(first.statusCode).toBe(200);
    const stale = await t.as(clerk, {
      method: "PATCH",
      url: `/api/addresses/${a.id}`,
      payload: { number: "9999", version: 1 },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe("stale_version");
    const staleHeader = await t.as(clerk, {
      method: "PATCH",
      url: `/api/addresses/${a.id}`,
      headers: { "if-match": '"1"' },
      payload: { number: "9999" },
    });
    expect(staleHeader.statusCode).toBe(412);
    expect((await rowsOf(p))[0]).toMatchObject({ number: "1001", version: 2 });

    const viaHeader = await t.as(clerk, {
      method: "PATCH",
      url: `/api/addresses/${a.id}`,
      headers: { "if-match": '"2"' },
      payload: { number: "1002" },
    });
    expect(viaHeader.statusCode).toBe(200);
    expect(viaHeader.json()).toMatchObject({ number: "1002", version: 3 });

    const noVersion = await t.as(clerk, { method: "PATCH", url: `/api/addresses/${a.id}`, payload: { number: "1" } });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().error.message).toContain("version");
  });

  it("answers 404 for the addresses of a person the user cannot see, and touches nothing", async () => {
    const p = await customer("Cliente Invisível");
    const a = await add(p, paulista());
    const tries = [
      { method: "GET" as const, url: `/api/persons/${p.code}/addresses` },
      { method: "POST" as const, url: `/api/persons/${p.code}/addresses`, payload: paulista() },
      { method: "PATCH" as const, url: `/api/addresses/${a.id}`, payload: { number: "1", version: 1 } },
      { method: "DELETE" as const, url: `/api/addresses/${a.id}` },
    ];
    for (const req of tries) {
      const res = await t.as(stranger, req);
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(404);
      expect(res.json().error.code).toBe("not_found");
    }
    expect(await rowsOf(p)).toEqual([expect.objectContaining({ id: a.id, number: "1000", version: 1 })]);
    // Same answer as for a person that does not exist.
    expect((await t.as(stranger, { method: "GET", url: "/api/persons/999999/addresses" })).statusCode).toBe(404);
  });

  it("lets a read grant list but answers 403 to POST, PATCH and DELETE", async () => {
    const p = await customer();
    const a = await add(p, paulista());
    expect(await list(p, reader)).toEqual([a]);
    const tries = [
      { method: "POST" as const, url: `/api/persons/${p.code}/addresses`, payload: paulista() },
      { method: "PATCH" as const, url: `/api/addresses/${a.id}`, payload: { number: "1", version: 1 } },
      { method: "DELETE" as const, url: `/api/addresses/${a.id}` },
    ];
    for (const req of tries) {
      const res = await t.as(reader, req);
      expect(res.statusCode, req.method).toBe(403);
      expect(res.json().error.code).toBe("forbidden");
    }
    expect(await rowsOf(p)).toEqual([expect.objectContaining({ id: a.id, number: "1000", version: 1 })]);
  });

  it("answers 403 to a user who sees the person but has no Addresses grant", async () => {
    const p = await customer();
    const relatedOnly = await userWithGrants(t, [{ categoryId: cats.Cliente, tab: "related", level: "write" }]);
    expect((await t.as(relatedOnly, { method: "GET", url: `/api/persons/${p.code}` })).statusCode).toBe(200);
    const res = await t.as(relatedOnly, { method: "GET", url: `/api/persons/${p.code}/addresses` });
    expect(res.statusCode).toBe(403);
  });

  it("names the reason of each refusal, with the pt-BR words it always had", async () => {
    const p = await customer();
    const zip = await t.as(admin, {
      method: "POST",
      url: `/api/persons/${p.code}/addresses`,
      payload: paulista({ zip: "0131" }),
    });
    expect(zip.json().error.details).toEqual([
      expect.objectContaining({ field: "zip", reason: "invalid_cep", message: "CEP deve ter 8 dígitos" }),
    ]);
    const uf = await t.as(admin, {
      method: "POST",
      url: `/api/persons/${p.code}/addresses`,
      payload: paulista({ state: "XX" }),
    });
    expect(uf.json().error.details).toEqual([
      expect.objectContaining({
        field: "state",
        reason: "invalid_uf",
        message: "UF inválida: use a sigla de um dos 27 estados, ex. SP",
      }),
    ]);
    const a = await add(p, paulista());
    const stale = await t.as(admin, {
      method: "PATCH",
      url: `/api/addresses/${a.id}`,
      payload: { number: "2", version: 9 },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error).toMatchObject({
      reason: "address_changed",
      message: "Outra pessoa alterou este endereço; recarregue para ver as mudanças.",
      details: { currentVersion: 1 },
    });
    const missing = await t.as(admin, { method: "DELETE", url: "/api/addresses/99999999" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ reason: "address_not_found", message: "Endereço não encontrado." });
  });

  it("takes the CEP 00000000 that ERPs send for an unknown one (brazil.ts's zCep would refuse it)", async () => {
    const p = await customer();
    const a = await add(p, paulista({ zip: "00000-000" }));
    expect(a.zip).toBe("00000000");
  });

  it("checks the grant of the category chosen in ?category=", async () => {
    const p = await makePerson(t.ctx, { categoryIds: [cats.Cliente, cats.Fornecedor], name: "Cliente e Fornecedor" });
    const url = `/api/persons/${p.code}/addresses`;
    expect((await t.as(clerk, { method: "GET", url: `${url}?category=${cats.Cliente}` })).statusCode).toBe(200);
    expect((await t.as(clerk, { method: "GET", url: `${url}?category=${cats.Fornecedor}` })).statusCode).toBe(403);
    const post = await t.as(clerk, { method: "POST", url: `${url}?category=${cats.Fornecedor}`, payload: paulista() });
    expect(post.statusCode).toBe(403);
    expect(await rowsOf(p)).toEqual([]);
    // A category the person does not have grants nothing either.
    expect((await t.as(clerk, { method: "GET", url: `${url}?category=${cats.Prospect}` })).statusCode).toBe(403);
  });
});

describe("addresses: the selected category decides the level", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("refuses PATCH and DELETE with ?category= of a category granted only for reading", async () => {
    const cats = await categoryIds(t.ctx);
    const person = await makePerson(t.ctx, {
      categoryIds: [cats.Cliente, cats.Fornecedor],
      addresses: [
        {
          zip: "01310-100",
          street: "Av. Paulista",
          number: "1",
          district: "Bela Vista",
          city: "São Paulo",
          state: "SP",
        },
      ],
    });
    const user = await userWithGrants(t, [
      { categoryId: cats.Cliente, tab: "addresses", level: "write" },
      { categoryId: cats.Fornecedor, tab: "addresses", level: "read" },
    ]);
    const list = await t.as(user, { method: "GET", url: `/api/persons/${person.code}/addresses` });
    const address = list.json().items[0];
    const asSupplier = await t.as(user, {
      method: "PATCH",
      url: `/api/addresses/${address.id}?category=${cats.Fornecedor}`,
      payload: { number: "2", version: address.version },
    });
    expect(asSupplier.statusCode).toBe(403);
    const del = await t.as(user, { method: "DELETE", url: `/api/addresses/${address.id}?category=${cats.Fornecedor}` });
    expect(del.statusCode).toBe(403);
    const asCustomer = await t.as(user, {
      method: "PATCH",
      url: `/api/addresses/${address.id}?category=${cats.Cliente}`,
      payload: { number: "2", version: address.version },
    });
    expect(asCustomer.statusCode).toBe(200);
    expect(asCustomer.json().number).toBe("2");
  });
});
