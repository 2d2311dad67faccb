import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isValidDocument } from "../../shared/brazil.ts";
import { buildTestApp, type TestApp } from "../test/test-app.ts";
import { DEMO_USERS, seedDemo } from "./demo.ts";

describe("demo company", () => {
  let t: TestApp;
  let result: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    t = await buildTestApp();
    result = await seedDemo(t.ctx);
  }, 120_000);
  afterAll(() => t.close());

  it("loads at least 200 persons with valid, unique documents in several categories", async () => {
    expect(result.persons).toBeGreaterThanOrEqual(200);
    const rows = await t.ctx.db.selectFrom("persons").select(["document"]).execute();
    expect(rows.length).toBe(result.persons);
    expect(rows.every((r) => r.document && isValidDocument(r.document))).toBe(true);
    expect(new Set(rows.map((r) => r.document)).size).toBe(rows.length);
    const perCategory = await t.ctx.db
      .selectFrom("person_categories")
      .select(["category_id", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("category_id")
      .execute();
    expect(perCategory.length).toBe(6);
    const links = await t.ctx.db.selectFrom("person_relationships").select("id").execute();
    expect(links.length).toBeGreaterThan(20);
  });

  it("runs once: a second call adds nothing", async () => {
    expect((await seedDemo(t.ctx)).persons).toBe(0);
  });

  it("gives every demo user a working login, and the atendente sees João by 'joao' with his two categories", async () => {
    for (const u of DEMO_USERS) await t.login(u.username, u.password);
    const cookie = await t.login("atendente", "atendente123");
    const res = await t.as({ cookie }, { method: "GET", url: "/api/persons?q=joao%20carlos" });
    const joao = res.json().items.find((p: { name: string }) => p.name === "João Carlos da Silva");
    expect(joao).toBeTruthy();
    const person = (await t.as({ cookie }, { method: "GET", url: `/api/persons/${joao.code}` })).json();
    expect(person.categories.map((c: { name: string }) => c.name).sort()).toEqual(["Cliente", "Fornecedor"]);
    const [cliente, fornecedor] = ["Cliente", "Fornecedor"].map(
      (n) => person.categories.find((c: { name: string }) => c.name === n).id,
    );
    const tabs = async (category: number) =>
      (await t.as({ cookie }, { method: "GET", url: `/api/persons/${joao.code}/tabs?category=${category}` }))
        .json()
        .tabs.map((x: { tab: string }) => x.tab);
    expect(await tabs(cliente)).toContain("related");
    expect(await tabs(fornecedor)).toEqual(["addresses", "tickets"]);
  });

  it("links the vendedor to a Representante person, so Conta corrente applies to him only", async () => {
    const seller = await t.login("vendedor", "vendedor123");
    expect((await t.as({ cookie: seller }, { method: "GET", url: "/api/me" })).json().currentAccountEnabled).toBe(true);
    const finance = await t.login("financeiro", "financeiro123");
    expect((await t.as({ cookie: finance }, { method: "GET", url: "/api/me" })).json().currentAccountEnabled).toBe(
      false,
    );
  });
});
