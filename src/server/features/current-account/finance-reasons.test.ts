import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personIdOf } from "../../seed/finance-rows.ts";
import { accountFixture } from "../../test/current-account-fixture.ts";
import { userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

/** The money tabs' refusals name their reason (shared/reasons/work.ts) beside the pt-BR message. */
describe("Conta corrente, A receber, Contratos: the reasons of refusals", () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof accountFixture>>;
  let admin: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    f = await accountFixture(t);
    admin = await t.user({ isAdmin: true });
  });
  afterAll(() => t.close());

  const get = (user: TestUser, url: string) => t.as(user, { method: "GET", url });

  it("says why the current account is disabled, with the linked person as params", async () => {
    const unlinked = await userWithGrants(t, [{ categoryId: f.cats.Cliente, tab: "currentAccount", level: "read" }]);
    const none = await get(unlinked, `/api/persons/${f.alfa.code}/current-account`);
    expect(none.statusCode).toBe(403);
    expect(none.json().error).toMatchObject({ code: "current_account_disabled", reason: "current_account_unlinked" });
    const customer = await userWithGrants(t, [{ categoryId: f.cats.Cliente, tab: "currentAccount", level: "read" }]);
    await f.link(customer, await personIdOf(t.ctx.db, f.beta.code));
    const notSeller = await get(customer, `/api/persons/${f.alfa.code}/current-account`);
    expect(notSeller.json().error).toMatchObject({
      code: "current_account_disabled",
      reason: "current_account_not_seller",
      params: { code: String(f.beta.code).padStart(6, "0"), name: "Loja Beta" },
      message: `Conta corrente indisponível: a pessoa vinculada ao seu usuário (${String(f.beta.code).padStart(6, "0")} Loja Beta) não é funcionário nem representante.`,
    });
  });

  it("names the field and reason of a refused filter, and the reason of a missing record", async () => {
    const closed = await get(
      f.ritaUser,
      `/api/persons/${f.rita.code}/current-account?closingId=${f.ids.jan}&status=open`,
    );
    expect(closed.statusCode).toBe(400);
    expect(closed.json().error.details).toEqual([
      {
        field: "status",
        reason: "closing_entries_closed",
        message: "os lançamentos de um fechamento estão fechados: use status=closed ou omita o status",
      },
    ]);
    const entry = await get(f.ritaUser, "/api/current-account/entries/999999");
    expect(entry.json().error).toMatchObject({ code: "not_found", reason: "entry_not_found" });
    const receivable = await get(admin, "/api/receivables/999999");
    expect(receivable.json().error).toMatchObject({ code: "not_found", reason: "receivable_not_found" });
    const billing = await get(admin, "/api/contract-billings/999999");
    expect(billing.json().error).toMatchObject({ code: "not_found", reason: "billing_not_found" });
    const contract = await get(admin, `/api/persons/${f.alfa.code}/contract-billings?contractId=999999`);
    expect(contract.json().error.details[0]).toMatchObject({ field: "contractId", reason: "contract_not_of_person" });
  });
});
