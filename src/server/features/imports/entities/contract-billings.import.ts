import { type ContractBillingImportRecord, contractBillingImportRecord } from "../../../../shared/contracts.schemas.ts";
import { type Column, selectByKeys, type Value } from "../bulk.ts";
import { emptyOutcome, type Importer, reject } from "../importer.ts";
import { upsertByExternalId } from "./upsert.ts";

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
    const rows: { line: number; values: Value[] }[] = [];
    for (const { line, record: r } of items) {
      const contract = contracts.get(r.contractExternalId);
      if (!contract) {
        outcome.rejected.push(reject(line, "contractExternalId", `contrato ${r.contractExternalId} não encontrado`));
        continue;
      }
      const receivable = r.receivableExternalId === null ? null : receivables.get(r.receivableExternalId);
      if (receivable === undefined) {
        outcome.rejected.push(reject(line, "receivableExternalId", `título ${r.receivableExternalId} não encontrado`));
        continue;
      }
      rows.push({
        line,
        values: [
          r.externalId,
          Number(contract.id),
          Number(contract.person_id),
          r.period,
          r.kind,
          r.amountCents,
          r.status,
          r.description,
          receivable === null ? null : Number(receivable.id),
        ],
      });
    }
    return {
      ...(await upsertByExternalId(ctx, trx, "contract_billings", COLUMNS, rows, now)),
      rejected: outcome.rejected,
    };
  },
};
