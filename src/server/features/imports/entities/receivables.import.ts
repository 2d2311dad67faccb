import { type ReceivableImportRecord, receivableImportRecord } from "../../../../shared/receivables.schemas.ts";
import { type Column, personIdsByCode, type Value } from "../bulk.ts";
import { emptyOutcome, type Importer, reject } from "../importer.ts";
import { upsertByExternalId } from "./upsert.ts";

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
    const rows: { line: number; values: Value[] }[] = [];
    for (const { line, record } of items) {
      const personId = persons.get(record.personCode);
      if (personId === undefined) {
        outcome.rejected.push(reject(line, "personCode", `pessoa ${record.personCode} não encontrada`));
        continue;
      }
      rows.push({ line, values: valuesOf(record, personId) });
    }
    return { ...(await upsertByExternalId(ctx, trx, "receivables", COLUMNS, rows, now)), rejected: outcome.rejected };
  },
};
