import { type ContractImportRecord, contractImportRecord } from "../../../../shared/contracts.schemas.ts";
import { type Column, personIdsByCode, upsertRows, type Value } from "../bulk.repository.ts";
import { emptyOutcome, type Importer, reject } from "../importer.ts";
import { collector, journalWritten } from "../imports.journal.ts";

/** contracts: what the import writes, in this order. */
const COLUMNS: Column[] = [
  { name: "external_id", pg: "text" },
  { name: "person_id", pg: "int4" },
  { name: "number", pg: "text" },
  { name: "description", pg: "text" },
  { name: "start_date", pg: "text" },
  { name: "end_date", pg: "text" },
  { name: "billing_day", pg: "int4" },
  { name: "status", pg: "text" },
];

export const contractsImporter: Importer<ContractImportRecord> = {
  schema: contractImportRecord,
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
    for (const { line, record: r } of items) {
      const personId = persons.get(r.personCode);
      if (personId === undefined) {
        outcome.rejected.push(reject(line, "personCode", "import_unknown_person", { code: r.personCode }));
        continue;
      }
      rows.push([r.externalId, personId, r.number, r.description, r.startDate, r.endDate, r.billingDay, r.status]);
    }
    const written = collector();
    const counts = await upsertRows(ctx, trx, "contracts", COLUMNS, rows, now, written);
    await journalWritten(ctx, trx, written, {
      entity: "contract",
      columns: COLUMNS,
      personAt: [1],
      events: { inserted: "contract.imported", updated: "contract.changed", area: "contracts" },
    });
    return { ...counts, rejected: outcome.rejected };
  },
};
