import type {
  ClosingSummary,
  CommissionEntry,
  CommissionItem,
  CommissionItemRow,
  EntryKind,
  EntryStatus,
} from "../../../shared/current-account.schemas.ts";
import { milliToQuantity, ppmToPercent } from "../../../shared/finance.ts";
import type { ClosingRow, EntryRow, ItemRow } from "./current-account.repository.ts";

const rate = (ppm: number | null) => (ppm === null ? null : ppmToPercent(Number(ppm)));

export function toClosing(c: ClosingRow): ClosingSummary {
  return {
    id: c.id,
    externalId: c.external_id,
    periodStart: c.period_start,
    periodEnd: c.period_end,
    closedOn: c.closed_on,
  };
}

export function toEntry(e: EntryRow): CommissionEntry {
  const amountCents = Number(e.amount_cents);
  return {
    id: e.id,
    externalId: e.external_id,
    seller: { code: e.seller_code, name: e.seller_name },
    person: e.person_code !== null && e.person_name !== null ? { code: e.person_code, name: e.person_name } : null,
    date: e.date,
    kind: e.kind as EntryKind,
    direction: amountCents < 0 ? "debit" : "credit",
    originDocument: e.origin_document,
    description: e.description,
    baseCents: Number(e.base_cents),
    rate: rate(e.rate_ppm),
    amountCents,
    status: e.status as EntryStatus,
    closing:
      e.closing_id !== null && e.closing_period_start !== null
        ? {
            id: e.closing_id,
            externalId: e.closing_external_id,
            periodStart: e.closing_period_start,
            periodEnd: e.closing_period_end ?? "",
            closedOn: e.closing_closed_on ?? "",
          }
        : null,
    itemCount: e.item_count,
    version: e.version,
  };
}

export function toItem(i: ItemRow): CommissionItem {
  return {
    id: i.id,
    product: i.product,
    quantity: milliToQuantity(Number(i.quantity_milli)),
    baseCents: Number(i.base_cents),
    rate: rate(i.rate_ppm),
    amountCents: Number(i.amount_cents),
  };
}

type JoinedItem = EntryRow & {
  item_id: number;
  item_product: string;
  item_quantity_milli: number;
  item_base_cents: number;
  item_rate_ppm: number | null;
  item_amount_cents: number;
};

export function toItemRow(r: JoinedItem): CommissionItemRow {
  return {
    ...toItem({
      id: r.item_id,
      entry_id: r.id,
      position: 0,
      product: r.item_product,
      quantity_milli: r.item_quantity_milli,
      base_cents: r.item_base_cents,
      rate_ppm: r.item_rate_ppm,
      amount_cents: r.item_amount_cents,
    }),
    entryId: r.id,
    date: r.date,
    kind: r.kind as EntryKind,
    status: r.status as EntryStatus,
    person: r.person_code !== null && r.person_name !== null ? { code: r.person_code, name: r.person_name } : null,
    originDocument: r.origin_document,
  };
}
