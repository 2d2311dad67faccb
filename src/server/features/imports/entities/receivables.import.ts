import { type ReceivableImportRecord, receivableImportRecord } from "../../../../shared/receivables.schemas.ts";
import { type Column, personIdsByCode, upsertRows, type Value } from "../bulk.repository.ts";
import { emptyOutcome, type Importer, reject } from "../importer.ts";
import { collector, journalWritten } from "../imports.journal.ts";

/** receivables: what the import writes, in this order (the stored row is compared on the same). */
const COLUMNS: Column[] = [
  { name: "external_id", pg: "text" },
  { name: "person_id", pg: "int4" },
  { name: "document_number", pg: "text" },
  { name: "installment", pg: "text" },
  { name: "issue_date", pg: "text" },
  { name: "due_date", pg: "text" },
  { name: "amount_cents", pg: "int8" },
  { name: "interest_cents", pg: "int8" },
  { name: "fine_cents", pg: "int8" },
  { name: "discount_cents", pg: "int8" },
  { name: "paid_cents", pg: "int8" },
  { name: "settled_at", pg: "text" },
  { name: "payment_method", pg: "text" },
  { name: "status", pg: "text" },
];

const valuesOf = (r: ReceivableImportRecord, personId: number): Value[] => [
  r.externalId,
  personId,
  r.documentNumber,
  r.installment,
  r.issueDate,
  r.dueDate,
  r.amountCents,
  r.interestCents,
  r.fineCents,
  r.discountCents,
  r.paidCents,
  r.settledAt,
  r.paymentMethod,
  // Settled exactly when the ERP says when (the schema's rule).
  r.settledAt === null ? "open" : "settled",
];

export const receivablesImporter: Importer<ReceivableImportRecord> = {
  schema: receivableImportRecord,
  batchSize: { sqlite: 20_000, postgres: 5000 },
  keys: (r) => [r.externalId],
  async writeBatch(ctx, trx, items, now) {
    const outcome = emptyOutcome();
    const persons = await personIdsByCode(
      ctx,
      trx,
      items.map((i) => i.record.personCode),
    );
    const rows: Value[][] = [];
    for (const { line, record } of items) {
      const personId = persons.get(record.personCode);
      if (personId === undefined) {
        outcome.rejected.push(reject(line, "personCode", "import_unknown_person", { code: record.personCode }));
        continue;
      }
      rows.push(valuesOf(record, personId));
    }
    const written = collector();
    const counts = await upsertRows(ctx, trx, "receivables", COLUMNS, rows, now, written);
    await journalWritten(ctx, trx, written, {
      entity: "receivable",
      columns: COLUMNS,
      personAt: [1],
      events: { inserted: "receivable.imported", updated: "receivable.changed", area: "receivables" },
    });
    return { ...counts, rejected: outcome.rejected };
  },
};
