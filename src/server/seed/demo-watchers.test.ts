import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompanyCriticalFactors, PersonCriticalFactors } from "../../shared/critical-factors.schemas.ts";
import { buildTestApp, type TestApp } from "../test/test-app.ts";
import { seedDemo } from "./demo.ts";
import { seedDemoWatchers } from "./demo-watchers.ts";

describe("demo: watchers and critical factors", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.ctx);
  }, 120_000);
  afterAll(() => t.close());

  const as = async (username: string, password: string) => ({ cookie: await t.login(username, password) });

  it("has the atendente and the gerente watching João Carlos da Silva", async () => {
    const gerente = await as("gerente", "gerente123");
    const res = await t.as(gerente, { method: "GET", url: "/api/persons/1/watchers" });
    expect(res.json()).toMatchObject({ watching: true, count: 2 });
    expect(
      res
        .json()
        .items.map((w: { user: { name: string } }) => w.user.name)
        .sort(),
    ).toEqual(["Aline Atendente", "Gustavo Gerente"]);
    // Seeding again adds nothing.
    expect(await seedDemoWatchers(t.ctx)).toEqual({ tickets: 0, watchers: 0 });
  });

  it("has critical and attention tickets in several sectors, relative to the moment it was loaded", async () => {
    const atendente = await as("atendente", "atendente123");
    const joao = (await t.as(atendente, { method: "GET", url: "/api/persons/1/critical-factors" })).json();
    expect((joao as PersonCriticalFactors).critical.map((c) => c.subject)).toContain("Boleto cobrado em duplicidade");
    const padaria = (await t.as(atendente, { method: "GET", url: "/api/persons/2/critical-factors" })).json();
    const subjects = (list: { subject: string }[]) => list.map((c) => c.subject);
    expect(subjects(padaria.critical)).toEqual(
      expect.arrayContaining(["Balança não comunica com o PDV", "Etiqueta de validade com tabela nutricional"]),
    );
    expect(subjects(padaria.attention)).toEqual(
      expect.arrayContaining(["Implantação do módulo de delivery", "Proposta para a segunda loja"]),
    );
    const company = (await t.as(atendente, { method: "GET", url: "/api/critical-factors?limit=500" })).json();
    const sectors = (company as CompanyCriticalFactors).bySector.map((s) => s.sector.name);
    expect(sectors).toEqual(expect.arrayContaining(["Comercial", "Desenvolvimento", "Implantação", "Suporte"]));
    expect(company.counts.critical).toBeGreaterThan(3);
    expect(company.counts.attention).toBeGreaterThan(1);
  });
});
