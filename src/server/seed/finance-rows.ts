import { percentToPpm, quantityToMilli } from "../../shared/finance.ts";
import type { Executor } from "../db/types.ts";

/**
 * Row writers for the money tables, used by the demo seed and by the tests (the ERP's data
 * normally arrives through the imports). Values are in API terms (cents, percent, YYYY-MM-DD);
 * defaults keep call sites short.
 */

const NOW = "2026-01-01T00:00:00.000Z";

export type ReceivableInput = {
  personId: number;
  externalId?: string | null;
  documentNumber?: string;
  installment?: string;
  issueDate?: string;
  dueDate: string;
  amountCents: number;
  interestCents?: number;
  fineCents?: number;
  discountCents?: number;
  paidCents?: number;
  settledAt?: string | null;
  paymentMethod?: string | null;
};

export async function insertReceivable(db: Executor, r: ReceivableInput, now = NOW): Promise<number> {
  const { id } = await db
    .insertInto("receivables")
    .values({
      external_id: r.externalId ?? null,
      person_id: r.personId,
      document_number: r.documentNumber ?? "NF 1000",
      installment: r.installment ?? "1/1",
      issue_date: r.issueDate ?? r.dueDate,
      due_date: r.dueDate,
      amount_cents: r.amountCents,
      interest_cents: r.interestCents ?? 0,
      fine_cents: r.fineCents ?? 0,
      discount_cents: r.discountCents ?? 0,
      paid_cents: r.paidCents ?? 0,
      settled_at: r.settledAt ?? null,
      payment_method: r.paymentMethod ?? null,
      status: r.settledAt ? "settled" : "open",
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertClosing(
  db: Executor,
  c: { sellerId: number; periodStart: string; periodEnd: string; closedOn?: string; externalId?: string | null },
  now = NOW,
): Promise<number> {
  const { id } = await db
    .insertInto("commission_closings")
    .values({
      external_id: c.externalId ?? null,
      seller_person_id: c.sellerId,
      period_start: c.periodStart,
      period_end: c.periodEnd,
      closed_on: c.closedOn ?? c.periodEnd,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export type EntryInput = {
  sellerId: number;
  personId?: number | null;
  date: string;
  kind?: "commission" | "passThrough" | "adjustment";
  status: "pending" | "open" | "closed";
  closingId?: number | null;
  amountCents: number;
  baseCents?: number;
  /** Percent (5.25 = 5,25 %). */
  rate?: number | null;
  originDocument?: string | null;
  description?: string | null;
  externalId?: string | null;
  items?: { product: string; quantity: number; baseCents: number; rate?: number | null; amountCents: number }[];
};

const ppm = (rate: number | null | undefined) => (rate == null ? null : percentToPpm(rate));

export async function insertEntry(db: Executor, e: EntryInput, now = NOW): Promise<number> {
  const items = e.items ?? [];
  const { id } = await db
    .insertInto("commission_entries")
    .values({
      external_id: e.externalId ?? null,
      seller_person_id: e.sellerId,
      person_id: e.personId ?? null,
      date: e.date,
      kind: e.kind ?? "commission",
      origin_document: e.originDocument ?? null,
      description: e.description ?? null,
      base_cents: e.baseCents ?? 0,
      rate_ppm: ppm(e.rate),
      amount_cents: e.amountCents,
      status: e.status,
      closing_id: e.closingId ?? null,
      item_count: items.length,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (items.length) {
    await db
      .insertInto("commission_items")
      .values(
        items.map((item, i) => ({
          entry_id: id,
          position: i + 1,
          product: item.product,
          quantity_milli: quantityToMilli(item.quantity) ?? 0,
          base_cents: item.baseCents,
          rate_ppm: ppm(item.rate),
          amount_cents: item.amountCents,
        })),
      )
      .execute();
  }
  return id;
}

export async function insertContract(
  db: Executor,
  c: {
    personId: number;
    number: string;
    description: string;
    startDate: string;
    endDate?: string | null;
    billingDay?: number | null;
    status?: "active" | "suspended" | "paralyzed" | "ended";
    externalId?: string | null;
  },
  now = NOW,
): Promise<number> {
  const { id } = await db
    .insertInto("contracts")
    .values({
      external_id: c.externalId ?? null,
      person_id: c.personId,
      number: c.number,
      description: c.description,
      start_date: c.startDate,
      end_date: c.endDate ?? null,
      billing_day: c.billingDay ?? null,
      status: c.status ?? "active",
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertBilling(
  db: Executor,
  b: {
    contractId: number;
    period: string;
    kind?: "fixed" | "variable";
    amountCents: number;
    status: "charged" | "donated" | "suspended" | "paralyzed" | "pending";
    receivableId?: number | null;
    description?: string | null;
    externalId?: string | null;
  },
  now = NOW,
): Promise<number> {
  const contract = await db
    .selectFrom("contracts")
    .select("person_id")
    .where("id", "=", b.contractId)
    .executeTakeFirstOrThrow();
  const { id } = await db
    .insertInto("contract_billings")
    .values({
      external_id: b.externalId ?? null,
      contract_id: b.contractId,
      person_id: contract.person_id,
      period: b.period,
      kind: b.kind ?? "fixed",
      amount_cents: b.amountCents,
      status: b.status,
      description: b.description ?? null,
      receivable_id: b.receivableId ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** The internal id of a person, by code (tests and seeds hold Person objects, which carry the code). */
export async function personIdOf(db: Executor, code: number): Promise<number> {
  const row = await db.selectFrom("persons").select("id").where("code", "=", code).executeTakeFirstOrThrow();
  return row.id;
}
