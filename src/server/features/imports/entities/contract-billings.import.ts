import { type ContractBillingImportRecord, contractBillingImportRecord } from "../../../../shared/contracts.schemas.ts";
import { type Column, selectByKeys, upsertRows, type Value } from "../bulk.repository.ts";
import { emptyOutcome, type Importer, reject } from "../importer.ts";
import { collector, journalWritten } from "../imports.journal.ts";

/** contract_billings: what the import writes, in this order. */
const COLUMNS: Column[] = [
  { name: "external_id", pg: "text" },
  { name: "contract_id", pg: "int4" },
  { name: "person_id", pg: "int4" },
  { name: "period", pg: "text" },
  { name: "kind", pg: "text" },
  { name: "amount_cents", pg: "int8" },
  { name: "status", pg: "text" },
  { name: "description", pg: "text" },
  { name: "receivable_id", pg: "int4" },
];

const EXTERNAL_ID: Column = { name: "external_id", pg: "text" };

/**
 * A billing names its contract by the contract's external id (its person comes from the
 * contract) and, when charged, the receivable it became by the receivable's external id; both
 * must have been imported before.
 */
export const contractBillingsImporter: Importer<ContractBillingImportRecord> = {
  schema: contractBillingImportRecord,
  batchSize: { sqlite: 20_000, postgres: 5000 },
  keys: (r) => [r.externalId],
  async writeBatch(ctx, trx, items, now) {
    const outcome = emptyOutcome();
    const contracts = await selectByKeys(
      ctx,
      trx,
      "contracts",
      EXTERNAL_ID,
      ["id", "person_id"],
      items.map((i) => i.record.contractExternalId),
    );
    const receivables = await selectByKeys(
      ctx,
      trx,
      "receivables",
      EXTERNAL_ID,
      ["id"],
      items.map((i) => i.record.receivableExternalId),
    );
    const rows: Value[][] = [];
    for (const { line, record: r } of items) {
      const contract = contracts.get(r.contractExternalId);
      if (!contract) {
        outcome.rejected.push(
          reject(line, "contractExternalId", "import_unknown_contract", { externalId: r.contractExternalId }),
        );
        continue;
      }
      const receivable = r.receivableExternalId === null ? null : receivables.get(r.receivableExternalId);
      if (receivable === undefined) {
        outcome.rejected.push(
          reject(line, "receivableExternalId", "import_unknown_receivable", {
            externalId: String(r.receivableExternalId),
          }),
        );
        continue;
      }
      rows.push([
        r.externalId,
        Number(contract.id),
        Number(contract.person_id),
        r.period,
        r.kind,
        r.amountCents,
        r.status,
        r.description,
        receivable === null ? null : Number(receivable.id),
      ]);
    }
    const written = collector();
    const counts = await upsertRows(ctx, trx, "contract_billings", COLUMNS, rows, now, written);
    // A billing is part of its contract's history: the same events as the contract's.
    await journalWritten(ctx, trx, written, {
      entity: "contract_billing",
      columns: COLUMNS,
      personAt: [2],
      events: { inserted: "contract.imported", updated: "contract.changed", area: "contracts" },
    });
    return { ...counts, rejected: outcome.rejected };
  },
};
