import {
  type CommissionEntryImportRecord,
  commissionEntryImportRecord,
} from "../../../../shared/current-account.schemas.ts";
import { percentToPpm, quantityToMilli } from "../../../../shared/finance.ts";
import type { AppContext } from "../../../context.ts";
import type { Trx } from "../../../db/types.ts";
import {
  type Column,
  existingByExternalId,
  insertPlainRows,
  insertRows,
  personIdsByCode,
  sameValues,
  updateRows,
  type Value,
  type WrittenRow,
} from "../bulk.repository.ts";
import { emptyOutcome, type Importer, type ImportItem, reject } from "../importer.ts";
import { collector, journalWritten } from "../imports.journal.ts";
import * as repo from "./commission-entries.repository.ts";

const ENTRY_COLUMNS: Column[] = [
  { name: "external_id", pg: "text" },
  { name: "seller_person_id", pg: "int4" },
  { name: "person_id", pg: "int4" },
  { name: "date", pg: "text" },
  { name: "kind", pg: "text" },
  { name: "origin_document", pg: "text" },
  { name: "base_cents", pg: "int8" },
  { name: "rate_ppm", pg: "int4" },
  { name: "amount_cents", pg: "int8" },
  { name: "status", pg: "text" },
  { name: "closing_id", pg: "int4" },
  { name: "description", pg: "text" },
  { name: "item_count", pg: "int4" },
];
const CLOSING_AT = 10;
const STATUS_AT = 9;

const CLOSING_COLUMNS: Column[] = [
  { name: "external_id", pg: "text" },
  { name: "seller_person_id", pg: "int4" },
  { name: "period_start", pg: "text" },
  { name: "period_end", pg: "text" },
  { name: "closed_on", pg: "text" },
];

const ITEM_COLUMNS: Column[] = [
  { name: "entry_id", pg: "int4" },
  { name: "position", pg: "int4" },
  { name: "product", pg: "text" },
  { name: "quantity_milli", pg: "int8" },
  { name: "base_cents", pg: "int8" },
  { name: "rate_ppm", pg: "int4" },
  { name: "amount_cents", pg: "int8" },
];

/** The stored items of these entries, as the values compared (position order), by entry id. */
async function storedItems(trx: Trx, entryIds: number[]): Promise<Map<number, Value[][]>> {
  const out = new Map<number, Value[][]>();
  if (!entryIds.length) return out;
  for (const r of await repo.itemsOfEntries(trx, entryIds)) {
    const list = out.get(r.entry_id) ?? [];
    list.push([r.product, Number(r.quantity_milli), Number(r.base_cents), r.rate_ppm, Number(r.amount_cents)]);
    out.set(r.entry_id, list);
  }
  return out;
}

const itemValues = (r: CommissionEntryImportRecord): Value[][] =>
  r.items.map((i) => [
    i.product,
    quantityToMilli(i.quantity),
    i.baseCents,
    i.rate === null ? null : percentToPpm(i.rate),
    i.amountCents,
  ]);

const sameItems = (a: Value[][], b: Value[][]) =>
  a.length === b.length && a.every((row, i) => sameValues(row, b[i] ?? []));

type Prepared = { line: number; values: Value[]; items: Value[][]; closingKey: string | null };

/** Closings named by the batch's entries: stored ones by external id, the batch's own version of each. */
async function prepareClosings(ctx: AppContext, trx: Trx, items: ImportItem<CommissionEntryImportRecord>[]) {
  const keys = items.flatMap((i) => (i.record.closing ? [i.record.closing.externalId] : []));
  return existingByExternalId(ctx, trx, "commission_closings", CLOSING_COLUMNS, keys);
}

/**
 * Entries with their closing (upserted by its external id, for the entry's seller) and their items
 * (the line's list replaces the stored one). A stored closed entry is never changed: a line that
 * differs from it is rejected, since corrections are new entries.
 */
export const commissionEntriesImporter: Importer<CommissionEntryImportRecord> = {
  schema: commissionEntryImportRecord,
  batchSize: { sqlite: 5000, postgres: 2000 },
  keys: (r) => [r.externalId],
  async writeBatch(ctx, trx, items, now) {
    const outcome = emptyOutcome();
    const codes = items.flatMap((i) =>
      i.record.personCode === null ? [i.record.sellerCode] : [i.record.sellerCode, i.record.personCode],
    );
    const persons = await personIdsByCode(ctx, trx, codes);
    const sellers = await repo.sellersAmong(trx, [...persons.values()]);
    const storedClosings = await prepareClosings(ctx, trx, items);
    const batchClosings = new Map<string, Value[]>();

    const accepted: Prepared[] = [];
    for (const { line, record: r } of items) {
      const sellerId = persons.get(r.sellerCode);
      if (sellerId === undefined) {
        outcome.rejected.push(reject(line, "sellerCode", "import_unknown_seller", { code: r.sellerCode }));
        continue;
      }
      if (!sellers.has(sellerId)) {
        outcome.rejected.push(reject(line, "sellerCode", "import_not_a_seller", { code: r.sellerCode }));
        continue;
      }
      const personId = r.personCode === null ? null : persons.get(r.personCode);
      if (personId === undefined) {
        outcome.rejected.push(reject(line, "personCode", "import_unknown_person", { code: String(r.personCode) }));
        continue;
      }
      let closingKey: string | null = null;
      if (r.closing) {
        const c = r.closing;
        const values: Value[] = [c.externalId, sellerId, c.periodStart, c.periodEnd, c.closedOn ?? c.periodEnd];
        const stored = storedClosings.get(c.externalId);
        if (stored && stored.values[1] !== sellerId) {
          outcome.rejected.push(
            reject(line, "closing.externalId", "import_closing_of_other_seller", { externalId: c.externalId }),
          );
          continue;
        }
        const earlier = batchClosings.get(c.externalId);
        if (earlier && !sameValues(earlier, values)) {
          outcome.rejected.push(reject(line, "closing", "import_closing_differs", { externalId: c.externalId }));
          continue;
        }
        batchClosings.set(c.externalId, values);
        closingKey = c.externalId;
      }
      const values: Value[] = [
        r.externalId,
        sellerId,
        personId,
        r.date,
        r.kind,
        r.originDocument,
        r.baseCents,
        r.rate === null ? null : percentToPpm(r.rate),
        r.amountCents,
        r.status,
        // The closing's id: the stored one, or (new closing) settled after it is written.
        closingKey === null ? null : (storedClosings.get(closingKey)?.id ?? -1),
        r.description,
        r.items.length,
      ];
      accepted.push({ line, values, items: itemValues(r), closingKey });
    }

    const existing = await existingByExternalId(
      ctx,
      trx,
      "commission_entries",
      ENTRY_COLUMNS,
      accepted.map((a) => a.values[0] as string),
    );
    const existingItems = await storedItems(
      trx,
      [...existing.values()].map((e) => e.id),
    );
    const inserts: Prepared[] = [];
    const updates: { id: number; row: Prepared; itemsChanged: boolean }[] = [];
    for (const row of accepted) {
      const stored = existing.get(row.values[0] as string);
      if (!stored) {
        inserts.push(row);
        continue;
      }
      const itemsChanged = !sameItems(existingItems.get(stored.id) ?? [], row.items);
      if (!itemsChanged && sameValues(stored.values, row.values)) outcome.unchanged += 1;
      else if (stored.values[STATUS_AT] === "closed") {
        outcome.rejected.push(reject(row.line, "externalId", "import_closed_entry"));
      } else updates.push({ id: stored.id, row, itemsChanged });
    }

    // Closings first (the entries point to them), only those of lines that will be written.
    const used = new Set(
      [...inserts, ...updates.map((u) => u.row)].flatMap((r) => (r.closingKey ? [r.closingKey] : [])),
    );
    const closingInserts: Value[][] = [];
    const closingUpdates: { id: number; values: Value[] }[] = [];
    for (const key of used) {
      const values = batchClosings.get(key) as Value[];
      const stored = storedClosings.get(key);
      if (!stored) closingInserts.push(values);
      else if (!sameValues(stored.values, values)) closingUpdates.push({ id: stored.id, values });
    }
    const newClosings = await insertRows(ctx, trx, "commission_closings", CLOSING_COLUMNS, closingInserts, now);
    await updateRows(ctx, trx, "commission_closings", CLOSING_COLUMNS, closingUpdates, now);
    for (const r of [...inserts, ...updates.map((u) => u.row)]) {
      if (r.closingKey && r.values[CLOSING_AT] === -1) r.values[CLOSING_AT] = newClosings.get(r.closingKey) ?? null;
    }

    const newIds = await insertRows(
      ctx,
      trx,
      "commission_entries",
      ENTRY_COLUMNS,
      inserts.map((r) => r.values),
      now,
    );
    await updateRows(
      ctx,
      trx,
      "commission_entries",
      ENTRY_COLUMNS,
      updates.map((u) => ({ id: u.id, values: u.row.values })),
      now,
    );
    const replaced = updates.filter((u) => u.itemsChanged).map((u) => u.id);
    await repo.deleteItemsOfEntries(trx, replaced);
    const itemRows: Value[][] = [];
    const addItems = (entryId: number | undefined, list: Value[][]) => {
      if (entryId === undefined) return;
      list.forEach((item, position) => {
        itemRows.push([entryId, position, ...item]);
      });
    };
    for (const r of inserts) addItems(newIds.get(r.values[0] as string), r.items);
    for (const u of updates) if (u.itemsChanged) addItems(u.id, u.row.items);
    await insertPlainRows(ctx, trx, "commission_items", ITEM_COLUMNS, itemRows);

    const closingsWritten = collector();
    const entriesWritten = collector();
    if (closingsWritten && entriesWritten) {
      for (const values of closingInserts) {
        closingsWritten.push({ id: newClosings.get(values[0] as string) as number, before: null, after: values });
      }
      for (const c of closingUpdates) {
        closingsWritten.push({
          id: c.id,
          before: storedClosings.get(c.values[0] as string)?.values ?? null,
          after: c.values,
        });
      }
      for (const r of inserts) {
        entriesWritten.push({ id: newIds.get(r.values[0] as string) as number, before: null, after: r.values });
      }
      for (const u of updates) {
        const before = existing.get(u.row.values[0] as string)?.values ?? null;
        entriesWritten.push({ id: u.id, before, after: u.row.values });
      }
    }
    const itemsOf = new Map<number, { before: Value[][] | null; after: Value[][] }>();
    for (const r of inserts) itemsOf.set(newIds.get(r.values[0] as string) as number, { before: null, after: r.items });
    for (const u of updates) {
      if (u.itemsChanged) itemsOf.set(u.id, { before: existingItems.get(u.id) ?? [], after: u.row.items });
    }
    const withItems = (w: WrittenRow) => {
      const items = itemsOf.get(w.id);
      if (!items) return {};
      return { ...(items.before ? { before: { items: items.before } } : {}), after: { items: items.after } };
    };
    await journalWritten(ctx, trx, closingsWritten, {
      entity: "commission_closing",
      columns: CLOSING_COLUMNS,
      personAt: [1],
      events: { inserted: "commission.imported", updated: "commission.changed", area: "currentAccount" },
    });
    // An entry is on its seller's account and, when it comes from a customer, on that customer's screen.
    await journalWritten(ctx, trx, entriesWritten, {
      entity: "commission_entry",
      columns: ENTRY_COLUMNS,
      personAt: [1, 2],
      events: { inserted: "commission.imported", updated: "commission.changed", area: "currentAccount" },
      extra: withItems,
    });

    outcome.inserted = inserts.length;
    outcome.updated = updates.length;
    return outcome;
  },
};
