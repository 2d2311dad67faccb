import { daysOverdue, updatedValueCents } from "../../../shared/finance.ts";
import type {
  PersonReceivablesQuery,
  Receivable,
  ReceivableDetails,
  ReceivableList,
  ReceivableStatus,
} from "../../../shared/receivables.schemas.ts";
import { companyToday } from "../../company-time.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { AppError, fail } from "../../errors.ts";
import { decodeCursor, pageOf } from "../../keyset.ts";
import { personByIdForTab, personForTab } from "../access/access.service.ts";
import * as repo from "./receivables.repository.ts";

const receivableNotFound = () => fail("not_found", "receivable_not_found");

/** A stored row as the API shows it, with the values derived for `today` (company time zone). */
export function toReceivable(r: repo.ReceivableRow, today: string): Receivable {
  const money = {
    amountCents: Number(r.amount_cents),
    interestCents: Number(r.interest_cents),
    fineCents: Number(r.fine_cents),
    discountCents: Number(r.discount_cents),
    paidCents: Number(r.paid_cents),
  };
  const status = r.status as ReceivableStatus;
  const days = daysOverdue(r.due_date, today, status === "settled" ? r.settled_at : null);
  return {
    id: r.id,
    externalId: r.external_id,
    person: { code: r.person_code, name: r.person_name },
    documentNumber: r.document_number,
    installment: r.installment,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    ...money,
    updatedCents: updatedValueCents(money),
    settledAt: r.settled_at,
    paymentMethod: r.payment_method,
    status,
    overdue: status === "open" && days > 0,
    daysOverdue: days,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** A Receber of a person: open or settled, a keyset page, and the person's totals. */
export async function listPersonReceivables(
  ctx: AppContext,
  user: AuthUser,
  code: number,
  query: PersonReceivablesQuery,
): Promise<ReceivableList> {
  const { row } = await personForTab(ctx, user, code, "receivables", "read", query.category);
  const tag = query.status === "open" ? "ro" : "rs";
  const after = decodeCursor(query.cursor, tag, ["s", "n"] as const);
  const today = await companyToday(ctx);
  const [rows, totals] = await Promise.all([
    repo.listByPerson(ctx.db, {
      personId: row.id,
      status: query.status,
      after: after ? { due: after[0], id: after[1] } : null,
      limit: query.limit + 1,
    }),
    repo.totalsByPerson(ctx.db, row.id, today),
  ]);
  const page = pageOf(rows, query.limit, tag, (r) => [r.due_date, r.id]);
  return { items: page.rows.map((r) => toReceivable(r, today)), nextCursor: page.nextCursor, totals, today };
}

/**
 * A receivable's details: visible with the A receber grant on its person (404 when the person is
 * invisible or the receivable does not exist, 403 without the tab).
 */
export async function getReceivable(ctx: AppContext, user: AuthUser, id: number): Promise<ReceivableDetails> {
  const row = await repo.findById(ctx.db, id);
  if (!row) throw receivableNotFound();
  await personByIdForTab(ctx, user, row.person_id, "receivables", "read").catch((error: unknown) => {
    throw error instanceof AppError && error.code === "not_found" ? receivableNotFound() : error;
  });
  const [today, billing] = await Promise.all([companyToday(ctx), repo.billingOf(ctx.db, id)]);
  return {
    ...toReceivable(row, today),
    billing: billing
      ? { id: billing.id, period: billing.period, kind: billing.kind, contractNumber: billing.contract_number }
      : null,
    today,
  };
}
