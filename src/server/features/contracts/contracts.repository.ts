import { type Selectable, sql } from "kysely";
import type { BillingKind, BillingStatus } from "../../../shared/contracts.schemas.ts";
import type { ContractsTable, Executor } from "../../db/types.ts";

export type ContractRow = Selectable<ContractsTable> & { person_code: number; person_name: string };

function contractView(db: Executor) {
  return db
    .selectFrom("contracts as c")
    .innerJoin("persons as p", "p.id", "c.person_id")
    .selectAll("c")
    .select(["p.code as person_code", "p.name as person_name"]);
}

export function findContract(db: Executor, id: number): Promise<ContractRow | undefined> {
  return contractView(db).where("c.id", "=", id).executeTakeFirst();
}

/** A person's contracts, newest start first. */
export function contractsByPerson(
  db: Executor,
  f: { personId: number; after: { start: string; id: number } | null; limit: number },
): Promise<ContractRow[]> {
  let query = contractView(db).where("c.person_id", "=", f.personId);
  const after = f.after;
  if (after) query = query.where((eb) => eb(eb.refTuple("c.start_date", "c.id"), "<", eb.tuple(after.start, after.id)));
  return query.orderBy("c.start_date", "desc").orderBy("c.id", "desc").limit(f.limit).execute();
}

/** A billing with what its line shows of the contract and of the receivable it became. */
function billingView(db: Executor) {
  return db
    .selectFrom("contract_billings as b")
    .innerJoin("contracts as c", "c.id", "b.contract_id")
    .leftJoin("receivables as r", "r.id", "b.receivable_id")
    .selectAll("b")
    .select([
      "c.number as contract_number",
      "c.description as contract_description",
      "c.status as contract_status",
      "r.document_number as r_document_number",
      "r.installment as r_installment",
      "r.due_date as r_due_date",
      "r.status as r_status",
      "r.amount_cents as r_amount_cents",
      "r.interest_cents as r_interest_cents",
      "r.fine_cents as r_fine_cents",
      "r.discount_cents as r_discount_cents",
      "r.paid_cents as r_paid_cents",
      "r.settled_at as r_settled_at",
    ]);
}
export type BillingRow = Awaited<ReturnType<ReturnType<typeof billingView>["executeTakeFirstOrThrow"]>>;

export function findBilling(db: Executor, id: number): Promise<BillingRow | undefined> {
  return billingView(db).where("b.id", "=", id).executeTakeFirst();
}

export type BillingFilter = {
  personId: number;
  kinds: BillingKind[];
  statuses: BillingStatus[];
  contractId: number | undefined;
};

/** A page of a person's billings, newest period first (index person, period, id). */
export function billingsByPerson(
  db: Executor,
  f: BillingFilter & { after: { period: string; id: number } | null; limit: number },
): Promise<BillingRow[]> {
  // Only narrow when not every value is asked for: "all" reads the plain (person, period, id) range.
  let query = billingView(db).where("b.person_id", "=", f.personId);
  if (f.kinds.length < 2) query = query.where("b.kind", "in", f.kinds);
  if (f.statuses.length < 5) query = query.where("b.status", "in", f.statuses);
  if (f.contractId !== undefined) query = query.where("b.contract_id", "=", f.contractId);
  const after = f.after;
  if (after) query = query.where((eb) => eb(eb.refTuple("b.period", "b.id"), "<", eb.tuple(after.period, after.id)));
  return query.orderBy("b.period", "desc").orderBy("b.id", "desc").limit(f.limit).execute();
}

/** Count and sums over every billing of the filter (one person's range). */
export async function billingTotals(db: Executor, f: BillingFilter) {
  let query = db
    .selectFrom("contract_billings as b")
    .select([
      (eb) => eb.fn.countAll<number>().as("n"),
      sql<number>`coalesce(sum(b.amount_cents), 0)`.as("amount"),
      sql<number>`coalesce(sum(case when b.status = 'charged' then b.amount_cents else 0 end), 0)`.as("charged"),
    ])
    .where("b.person_id", "=", f.personId);
  if (f.kinds.length < 2) query = query.where("b.kind", "in", f.kinds);
  if (f.statuses.length < 5) query = query.where("b.status", "in", f.statuses);
  if (f.contractId !== undefined) query = query.where("b.contract_id", "=", f.contractId);
  const row = await query.executeTakeFirstOrThrow();
  return { count: Number(row.n), amountCents: Number(row.amount), chargedCents: Number(row.charged) };
}
