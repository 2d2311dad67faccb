import type { Person } from "../../shared/persons.schemas.ts";
import { insertClosing, insertEntry, personIdOf } from "../seed/finance-rows.ts";
import { categoryIds, makePerson, userWithGrants } from "./factories.ts";
import type { TestApp, TestUser } from "./test-app.ts";

/**
 * A current-account world for the tests: Rita (representative) with two closings and entries in
 * every status, from the customers Alfa and Beta (and an adjustment of no customer); Paulo
 * (employee) with one entry from Alfa; users linked to each, with the Conta corrente grant on
 * Cliente, Representante and Funcionário.
 */
export async function accountFixture(t: TestApp) {
  const link = (user: TestUser, personId: number) =>
    t.ctx.db.updateTable("users").set({ person_id: personId }).where("id", "=", user.id).execute();
  const cats = await categoryIds(t.ctx);
  const rita: Person = await makePerson(t.ctx, { categoryIds: [cats.Representante], name: "Rita Representante" });
  const paulo: Person = await makePerson(t.ctx, { categoryIds: [cats.Funcionário], name: "Paulo Funcionário" });
  const alfa: Person = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Loja Alfa" });
  const beta: Person = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Loja Beta" });
  const [ritaId, pauloId, alfaId, betaId] = (await Promise.all(
    [rita, paulo, alfa, beta].map((p) => personIdOf(t.ctx.db, p.code)),
  )) as [number, number, number, number];
  const grants = [cats.Cliente, cats.Representante, cats.Funcionário].map((categoryId) => ({
    categoryId,
    tab: "currentAccount" as const,
    level: "read" as const,
  }));
  const ritaUser = await userWithGrants(t, grants);
  const pauloUser = await userWithGrants(t, grants);
  await link(ritaUser, ritaId);
  await link(pauloUser, pauloId);

  const jan = await insertClosing(t.ctx.db, { sellerId: ritaId, periodStart: "2026-01-01", periodEnd: "2026-01-31" });
  const feb = await insertClosing(t.ctx.db, {
    sellerId: ritaId,
    periodStart: "2026-02-01",
    periodEnd: "2026-02-28",
    closedOn: "2026-03-02",
  });
  const entry = (over: Parameters<typeof insertEntry>[1]) => insertEntry(t.ctx.db, over);
  const ids = {
    jan,
    feb,
    janAlfa: await entry({
      sellerId: ritaId,
      personId: alfaId,
      date: "2026-01-10",
      status: "closed",
      closingId: jan,
      baseCents: 100_000,
      rate: 5,
      amountCents: 5_000,
      originDocument: "NF 10",
      items: [
        { product: "Licença ERP", quantity: 1, baseCents: 60_000, rate: 5, amountCents: 3_000 },
        { product: "Treinamento", quantity: 2.5, baseCents: 40_000, rate: 5, amountCents: 2_000 },
      ],
    }),
    janBeta: await entry({
      sellerId: ritaId,
      personId: betaId,
      date: "2026-01-20",
      status: "closed",
      closingId: jan,
      amountCents: 2_000,
    }),
    febBeta: await entry({
      sellerId: ritaId,
      personId: betaId,
      date: "2026-02-05",
      status: "closed",
      closingId: feb,
      amountCents: 7_000,
    }),
    febAdjust: await entry({
      sellerId: ritaId,
      date: "2026-02-27",
      kind: "adjustment",
      status: "closed",
      closingId: feb,
      amountCents: -1_500,
      description: "Estorno de comissão (devolução)",
    }),
    openAlfa: await entry({
      sellerId: ritaId,
      personId: alfaId,
      date: "2026-03-03",
      status: "open",
      kind: "passThrough",
      amountCents: 4_000,
      items: [{ product: "Repasse de serviço", quantity: 1, baseCents: 40_000, rate: 10, amountCents: 4_000 }],
    }),
    openBeta: await entry({
      sellerId: ritaId,
      personId: betaId,
      date: "2026-03-04",
      status: "open",
      amountCents: 1_250,
    }),
    pendingAlfa: await entry({
      sellerId: ritaId,
      personId: alfaId,
      date: "2026-03-05",
      status: "pending",
      amountCents: 3_300,
      rate: 5.25,
      baseCents: 62_857,
    }),
    pauloAlfa: await entry({
      sellerId: pauloId,
      personId: alfaId,
      date: "2026-03-01",
      status: "open",
      amountCents: 900,
    }),
  };
  return { cats, rita, paulo, alfa, beta, ritaUser, pauloUser, ids, link };
}
