import type {
  BillingKind,
  BillingStatus,
  Contract,
  ContractBilling,
  ContractBillingDetails,
  ContractBillingList,
  ContractBillingsQuery,
  ContractStatus,
} from "../../../shared/contracts.schemas.ts";
import { updatedValueCents } from "../../../shared/finance.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { AppError, fail, fieldError } from "../../errors.ts";
import { decodeCursor, pageOf } from "../../keyset.ts";
import { personByIdForTab, personForTab } from "../access/access.service.ts";
import * as repo from "./contracts.repository.ts";

const billingNotFound = () => fail("not_found", "billing_not_found");

export function toContract(c: repo.ContractRow): Contract {
  return {
    id: c.id,
    externalId: c.external_id,
    person: { code: c.person_code, name: c.person_name },
    number: c.number,
    description: c.description,
    startDate: c.start_date,
    endDate: c.end_date,
    billingDay: c.billing_day,
    status: c.status as ContractStatus,
    version: c.version,
  };
}

function toBilling(b: repo.BillingRow): ContractBilling {
  const r =
    b.receivable_id !== null && b.r_document_number !== null
      ? {
          id: b.receivable_id,
          documentNumber: b.r_document_number,
          installment: b.r_installment ?? "",
          dueDate: b.r_due_date ?? "",
          status: (b.r_status === "settled" ? "settled" : "open") as "open" | "settled",
          amountCents: Number(b.r_amount_cents),
          updatedCents: updatedValueCents({
            amountCents: Number(b.r_amount_cents),
            interestCents: Number(b.r_interest_cents),
            fineCents: Number(b.r_fine_cents),
            discountCents: Number(b.r_discount_cents),
            paidCents: Number(b.r_paid_cents),
          }),
          settledAt: b.r_settled_at,
        }
      : null;
  return {
    id: b.id,
    externalId: b.external_id,
    contract: {
      id: b.contract_id,
      number: b.contract_number,
      description: b.contract_description,
      status: b.contract_status as ContractStatus,
    },
    period: b.period,
    kind: b.kind as BillingKind,
    amountCents: Number(b.amount_cents),
    status: b.status as BillingStatus,
    description: b.description,
    receivable: r,
    version: b.version,
  };
}

/** Contratos tab: the person's billings, filtered by kind and status, newest period first, with totals. */
export async function listPersonBillings(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  query: ContractBillingsQuery,
): Promise<ContractBillingList> {
  const { row } = await personForTab(ctx, user, code, "contracts", "read", query.category);
  if (query.contractId !== undefined) {
    const c = await repo.findContract(ctx.db, query.contractId);
    if (!c || c.person_id !== row.id) throw fieldError("contractId", "contract_not_of_person");
  }
  const after = decodeCursor(query.cursor, "cb", ["s", "n"] as const);
  const filter: repo.BillingFilter = {
    personId: row.id,
    kinds: query.kind,
    statuses: query.status,
    contractId: query.contractId,
  };
  const [rows, totals] = await Promise.all([
    repo.billingsByPerson(ctx.db, {
      ...filter,
      after: after ? { period: after[0], id: after[1] } : null,
      limit: query.limit + 1,
    }),
    repo.billingTotals(ctx.db, filter),
  ]);
  const page = pageOf(rows, query.limit, "cb", (r) => [r.period, r.id]);
  return { items: page.rows.map(toBilling), nextCursor: page.nextCursor, totals };
}

/** The person's contracts, newest start first. */
export async function listPersonContracts(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  query: { limit: number; cursor?: string | undefined; category?: number | undefined },
): Promise<{ items: Contract[]; nextCursor: string | null }> {
  const { row } = await personForTab(ctx, user, code, "contracts", "read", query.category);
  const after = decodeCursor(query.cursor, "ct", ["s", "n"] as const);
  const rows = await repo.contractsByPerson(ctx.db, {
    personId: row.id,
    after: after ? { start: after[0], id: after[1] } : null,
    limit: query.limit + 1,
  });
  const page = pageOf(rows, query.limit, "ct", (r) => [r.start_date, r.id]);
  return { items: page.rows.map(toContract), nextCursor: page.nextCursor };
}

/** A billing, its contract and the linked receivable's summary; the Contratos grant on the person decides. */
export async function getBilling(ctx: AppContext, user: AuthUser, id: number): Promise<ContractBillingDetails> {
  const row = await repo.findBilling(ctx.db, id);
  if (!row) throw billingNotFound();
  await personByIdForTab(ctx, user, row.person_id, "contracts", "read").catch((error: unknown) => {
    throw error instanceof AppError && error.code === "not_found" ? billingNotFound() : error;
  });
  const contract = await repo.findContract(ctx.db, row.contract_id);
  if (!contract) throw billingNotFound();
  return { ...toBilling(row), contractDetails: toContract(contract) };
}
