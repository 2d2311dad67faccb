import { insertBilling, insertContract, insertEntry, insertReceivable, personIdOf } from "../seed/finance-rows.ts";
import type { CaseRecord, MatrixEndpoint, MatrixFixture } from "./grant-matrix.ts";
import type { TestUser } from "./test-app.ts";

/**
 * Rows of the grant matrix for A receber, Conta corrente and Contratos (see grant-matrix.ts).
 *
 * Conta corrente answers only to a user linked to a seller (otherwise 403
 * current_account_disabled, tested in current-account.test.ts): each case's caller is linked to
 * the matrix's seller first, so the answer depends on the tab grant alone. The shared person
 * (a customer) is then the focused customer: the caller's own entries coming from it.
 */

const sellers = new WeakMap<MatrixFixture, Promise<number>>();

/** The matrix's seller: a Representante no situation has a grant on (only the administrator sees it). */
function matrixSeller(f: MatrixFixture): Promise<number> {
  let seller = sellers.get(f);
  if (!seller) {
    seller = f.newPerson("Vendedora da Matriz").then(async (p) => {
      const id = await personIdOf(f.t.ctx.db, p.code);
      // Make it a seller only: the person factory put it in the matrix's category.
      await f.t.ctx.db.deleteFrom("person_categories").where("person_id", "=", id).execute();
      await f.t.ctx.db
        .insertInto("person_categories")
        .values({ person_id: id, category_id: f.cats.Representante })
        .execute();
      return id;
    });
    sellers.set(f, seller);
  }
  return seller;
}

/** Links the case's caller to the matrix's seller. */
async function asSeller(f: MatrixFixture, caller: TestUser | null): Promise<number> {
  const sellerId = await matrixSeller(f);
  if (caller) await f.t.ctx.db.updateTable("users").set({ person_id: sellerId }).where("id", "=", caller.id).execute();
  return sellerId;
}

const personId = (f: MatrixFixture) => personIdOf(f.t.ctx.db, f.person.code);

async function freshReceivable(f: MatrixFixture): Promise<CaseRecord> {
  const id = await insertReceivable(f.t.ctx.db, {
    personId: await personId(f),
    documentNumber: `NF ${f.unique()}`,
    dueDate: "2026-03-10",
    amountCents: 12_345,
  });
  return { person: f.person, id };
}

async function freshBilling(f: MatrixFixture): Promise<CaseRecord> {
  const contractId = await insertContract(f.t.ctx.db, {
    personId: await personId(f),
    number: `CT ${f.unique()}`,
    description: "Contrato da matriz",
    startDate: "2026-01-01",
  });
  const id = await insertBilling(f.t.ctx.db, { contractId, period: "2026-03", amountCents: 5_000, status: "pending" });
  return { person: f.person, id };
}

export const FINANCE_ROWS: MatrixEndpoint[] = [
  {
    method: "GET",
    path: "/api/persons/{code}/receivables",
    need: { kind: "tab", tab: "receivables", level: "read" },
    url: (r) => `/api/persons/${r.person.code}/receivables?status=open`,
  },
  {
    method: "GET",
    path: "/api/receivables/{id}",
    need: { kind: "tab", tab: "receivables", level: "read" },
    setup: freshReceivable,
    url: (r) => `/api/receivables/${r.id}`,
  },
  {
    method: "GET",
    path: "/api/persons/{code}/current-account",
    need: { kind: "tab", tab: "currentAccount", level: "read" },
    setup: async (f, caller) => {
      await asSeller(f, caller);
      return { person: f.person };
    },
    url: (r) => `/api/persons/${r.person.code}/current-account?view=entry&status=open`,
  },
  {
    method: "GET",
    path: "/api/persons/{code}/current-account/closings",
    need: { kind: "tab", tab: "currentAccount", level: "read" },
    setup: async (f, caller) => {
      await asSeller(f, caller);
      return { person: f.person };
    },
    url: (r) => `/api/persons/${r.person.code}/current-account/closings`,
  },
  {
    method: "GET",
    path: "/api/current-account/entries/{id}",
    need: { kind: "tab", tab: "currentAccount", level: "read" },
    // The caller's own entry coming from the shared customer: the customer's grant decides.
    setup: async (f, caller) => {
      const sellerId = await asSeller(f, caller);
      const id = await insertEntry(f.t.ctx.db, {
        sellerId,
        personId: await personId(f),
        date: "2026-03-01",
        status: "open",
        amountCents: 1_000,
      });
      return { person: f.person, id };
    },
    url: (r) => `/api/current-account/entries/${r.id}`,
  },
  {
    method: "GET",
    path: "/api/persons/{code}/contract-billings",
    need: { kind: "tab", tab: "contracts", level: "read" },
    url: (r) => `/api/persons/${r.person.code}/contract-billings?kind=fixed,variable&status=charged,pending`,
  },
  {
    method: "GET",
    path: "/api/persons/{code}/contracts",
    need: { kind: "tab", tab: "contracts", level: "read" },
    url: (r) => `/api/persons/${r.person.code}/contracts`,
  },
  {
    method: "GET",
    path: "/api/contract-billings/{id}",
    need: { kind: "tab", tab: "contracts", level: "read" },
    setup: freshBilling,
    url: (r) => `/api/contract-billings/${r.id}`,
  },
];
