import { z } from "zod";
import { zPeriodField } from "./calendar.schemas.ts";
import { decimalInt, listQuery } from "./common.schemas.ts";
import {
  optionalField,
  optionalText,
  requiredText,
  zCents,
  zChoice,
  zCsvChoices,
  zDate,
  zExternalId,
} from "./finance.ts";
import { personCode } from "./persons.schemas.ts";
import { workRefinement } from "./reasons/work.ts";

/**
 * Contratos: recurring service contracts and their billings (cobranças), one per period
 * ("YYYY-MM", shown MM/AAAA), fixed or variable; a charged billing links to the receivable it
 * became.
 */

export const CONTRACT_STATUSES = ["active", "suspended", "paralyzed", "ended"] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const BILLING_KINDS = ["fixed", "variable"] as const;
export type BillingKind = (typeof BILLING_KINDS)[number];
export const BILLING_STATUSES = ["charged", "donated", "suspended", "paralyzed", "pending"] as const;
export type BillingStatus = (typeof BILLING_STATUSES)[number];

export const contract = z.object({
  id: z.number().int(),
  externalId: z.string().nullable(),
  person: z.object({ code: z.number().int(), name: z.string() }),
  number: z.string(),
  description: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  billingDay: z.number().int().nullable(),
  status: z.enum(CONTRACT_STATUSES),
  version: z.number().int(),
});
export type Contract = z.infer<typeof contract>;

/** What a billing shows of the receivable it became. */
export const billingReceivable = z.object({
  id: z.number().int(),
  documentNumber: z.string(),
  installment: z.string(),
  dueDate: z.string(),
  status: z.enum(["open", "settled"]),
  amountCents: z.number().int(),
  updatedCents: z.number().int(),
  settledAt: z.string().nullable(),
});

export const contractBilling = z.object({
  id: z.number().int(),
  externalId: z.string().nullable(),
  contract: z.object({
    id: z.number().int(),
    number: z.string(),
    description: z.string(),
    status: z.enum(CONTRACT_STATUSES),
  }),
  period: z.string(),
  kind: z.enum(BILLING_KINDS),
  amountCents: z.number().int(),
  status: z.enum(BILLING_STATUSES),
  description: z.string().nullable(),
  receivable: billingReceivable.nullable(),
  version: z.number().int(),
});
export type ContractBilling = z.infer<typeof contractBilling>;

export const contractBillingDetails = contractBilling.extend({ contractDetails: contract });
export type ContractBillingDetails = z.infer<typeof contractBillingDetails>;

export const billingTotals = z.object({
  count: z.number().int(),
  amountCents: z.number().int(),
  /** Σ of the charged ones among them. */
  chargedCents: z.number().int(),
});

export const contractBillingList = z.object({
  items: z.array(contractBilling),
  nextCursor: z.string().nullable(),
  /** Over every billing of the filter, not only the page. */
  totals: billingTotals,
});
export type ContractBillingList = z.infer<typeof contractBillingList>;

/**
 * Filters are comma-separated lists ("kind=fixed,variable&status=charged,donated"); absent or
 * empty means all. Newest period first.
 */
export const contractBillingsQuery = listQuery.extend({
  kind: zCsvChoices("kind", BILLING_KINDS),
  status: zCsvChoices("status", BILLING_STATUSES),
  contractId: decimalInt().optional(),
  category: decimalInt().optional(),
});
export type ContractBillingsQuery = z.infer<typeof contractBillingsQuery>;

export const personContractsQuery = listQuery.extend({ category: decimalInt().optional() });

// ——— import records (POST /api/import/contracts, /api/import/contract-billings) ———

export const contractImportRecord = z
  .object({
    externalId: zExternalId,
    personCode,
    number: requiredText(60, "informe o número do contrato"),
    description: requiredText(500, "informe a descrição do contrato"),
    startDate: zDate,
    endDate: optionalField(zDate).transform((v) => v ?? null),
    billingDay: optionalField(
      z.preprocess(
        (v) => (typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
        z
          .number({ error: "dia de cobrança: use 1 a 31" })
          .int("dia de cobrança: use 1 a 31")
          .min(1, "use 1 a 31")
          .max(31, "use 1 a 31"),
      ),
    ).transform((v) => v ?? null),
    status: zChoice("status", CONTRACT_STATUSES),
  })
  .superRefine((c, ctx) => {
    if (c.endDate !== null && c.endDate < c.startDate) {
      ctx.addIssue({ code: "custom", path: ["endDate"], ...workRefinement("end_before_start") });
    }
  });
export type ContractImportRecord = z.infer<typeof contractImportRecord>;

export { zPeriodField };

/** `receivableExternalId` links a charged billing to the receivable it became (imported before it). */
export const contractBillingImportRecord = z.object({
  externalId: zExternalId,
  contractExternalId: zExternalId,
  period: zPeriodField,
  kind: zChoice("kind", BILLING_KINDS),
  amountCents: zCents(),
  status: zChoice("status", BILLING_STATUSES),
  description: optionalText(500),
  receivableExternalId: optionalField(zExternalId).transform((v) => v ?? null),
});
export type ContractBillingImportRecord = z.infer<typeof contractBillingImportRecord>;
