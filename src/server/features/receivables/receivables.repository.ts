import { type Selectable, sql } from "kysely";
import type { ReceivableStatus } from "../../../shared/receivables.schemas.ts";
import type { Executor, ReceivablesTable } from "../../db/types.ts";

export type ReceivableRow = Selectable<ReceivablesTable> & { person_code: number; person_name: string };

function view(db: Executor) {
  return db
    .selectFrom("receivables as r")
    .innerJoin("persons as p", "p.id", "r.person_id")
    .selectAll("r")
    .select(["p.code as person_code", "p.name as person_name"]);
}

export function findById(db: Executor, id: number): Promise<ReceivableRow | undefined> {
  return view(db).where("r.id", "=", id).executeTakeFirst();
}

/**
 * One page of a person's receivables of one status, from the index (person, status, due, id):
 * open ones by due date ascending (most urgent first), settled ones descending (latest first).
 */
export function listByPerson(
  db: Executor,
  f: { personId: number; status: ReceivableStatus; after: { due: string; id: number } | null; limit: number },
): Promise<ReceivableRow[]> {
  const ascending = f.status === "open";
  let query = view(db).where("r.person_id", "=", f.personId).where("r.status", "=", f.status);
  const after = f.after;
  if (after) {
    query = query.where((eb) =>
      eb(eb.refTuple("r.due_date", "r.id"), ascending ? ">" : "<", eb.tuple(after.due, after.id)),
    );
  }
  const direction = ascending ? "asc" : "desc";
  return query.orderBy("r.due_date", direction).orderBy("r.id", direction).limit(f.limit).execute();
}

const updatedSum = sql<number>`coalesce(sum(r.amount_cents + r.interest_cents + r.fine_cents - r.discount_cents - r.paid_cents), 0)`;

/** Count and sums by status (one index range per person), and the open ones due before `today`. */
export async function totalsByPerson(db: Executor, personId: number, today: string) {
  const [byStatus, overdue] = await Promise.all([
    db
      .selectFrom("receivables as r")
      .select([
        "r.status",
        (eb) => eb.fn.countAll<number>().as("n"),
        updatedSum.as("updated"),
        sql<number>`coalesce(sum(r.paid_cents), 0)`.as("paid"),
      ])
      .where("r.person_id", "=", personId)
      .groupBy("r.status")
      .execute(),
    db
      .selectFrom("receivables as r")
      .select([(eb) => eb.fn.countAll<number>().as("n"), updatedSum.as("updated")])
      .where("r.person_id", "=", personId)
      .where("r.status", "=", "open")
      .where("r.due_date", "<", today)
      .executeTakeFirstOrThrow(),
  ]);
  const of = (status: string) => byStatus.find((r) => r.status === status);
  return {
    openCount: Number(of("open")?.n ?? 0),
    openCents: Number(of("open")?.updated ?? 0),
    overdueCount: Number(overdue.n),
    overdueCents: Number(overdue.updated),
    settledCount: Number(of("settled")?.n ?? 0),
    settledPaidCents: Number(of("settled")?.paid ?? 0),
  };
}

/** The contract billing that produced a receivable, if any. */
export function billingOf(db: Executor, receivableId: number) {
  return db
    .selectFrom("contract_billings as b")
    .innerJoin("contracts as c", "c.id", "b.contract_id")
    .select(["b.id", "b.period", "b.kind", "c.number as contract_number"])
    .where("b.receivable_id", "=", receivableId)
    .orderBy("b.id")
    .executeTakeFirst();
}
