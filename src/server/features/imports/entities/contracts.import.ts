import { type ContractImportRecord, contractImportRecord } from "../../../../shared/contracts.schemas.ts";
import { type Column, personIdsByCode, type Value } from "../bulk.ts";
import { emptyOutcome, type Importer, reject } from "../importer.ts";
import { upsertByExternalId } from "./upsert.ts";

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
    const rows: { line: number; values: Value[] }[] = [];
    for (const { line, record: r } of items) {
      const personId = persons.get(r.personCode);
      if (personId === undefined) {
        outcome.rejected.push(reject(line, "personCode", `pessoa ${r.personCode} não encontrada`));
        continue;
      }
      rows.push({
        line,
        values: [r.externalId, personId, r.number, r.description, r.startDate, r.endDate, r.billingDay, r.status],
      });
    }
    return { ...(await upsertByExternalId(ctx, trx, "contracts", COLUMNS, rows, now)), rejected: outcome.rejected };
  },
};
