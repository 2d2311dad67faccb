import { z } from "zod";
import { decimalInt, listQuery } from "./common.schemas.ts";
import { optionalField, optionalText, requiredText, zCents, zChoice, zDate, zExternalId } from "./finance.ts";
import { personCode } from "./persons.schemas.ts";
import { workRefinement } from "./reasons/work.ts";

/**
 * A Receber: titles (receivables) owed by a person, open (aberto) or settled (baixado).
 *
 * Derived values, computed on the server against "today" in the company's time zone:
 * - updatedCents (valor atualizado) = amount + interest + fine − discount − paid (see finance.ts);
 * - daysOverdue: open → days today is past the due date; settled → days late it was settled; ≥ 0.
 */

export const RECEIVABLE_STATUSES = ["open", "settled"] as const;
export type ReceivableStatus = (typeof RECEIVABLE_STATUSES)[number];
export const receivableStatus = zChoice("status", RECEIVABLE_STATUSES);

const personRef = z.object({ code: z.number().int(), name: z.string() });

export const receivable = z.object({
  id: z.number().int(),
  externalId: z.string().nullable(),
  person: personRef,
  documentNumber: z.string(),
  installment: z.string(),
  /** Calendar dates "YYYY-MM-DD": show them by slicing (formatIsoDate), never through Date. */
  issueDate: z.string(),
  dueDate: z.string(),
  amountCents: z.number().int(),
  interestCents: z.number().int(),
  fineCents: z.number().int(),
  discountCents: z.number().int(),
  paidCents: z.number().int(),
  /** Valor atualizado: amount + interest + fine − discount − paid. */
  updatedCents: z.number().int(),
  settledAt: z.string().nullable(),
  paymentMethod: z.string().nullable(),
  status: z.enum(RECEIVABLE_STATUSES),
  /** Open and past its due date (today in the company's time zone). */
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Receivable = z.infer<typeof receivable>;

/** Details: the receivable and, when a contract billing produced it, that billing. */
export const receivableDetails = receivable.extend({
  billing: z
    .object({
      id: z.number().int(),
      period: z.string(),
      kind: z.string(),
      contractNumber: z.string(),
    })
    .nullable(),
  /** The date the derived values were computed for. */
  today: z.string(),
});
export type ReceivableDetails = z.infer<typeof receivableDetails>;

/** Totals of the person's receivables, the same whichever status is listed. */
export const receivableTotals = z.object({
  openCount: z.number().int(),
  /** Σ valor atualizado of the open receivables. */
  openCents: z.number().int(),
  overdueCount: z.number().int(),
  /** Σ valor atualizado of the open receivables due before today. */
  overdueCents: z.number().int(),
  settledCount: z.number().int(),
  /** Σ paid of the settled receivables. */
  settledPaidCents: z.number().int(),
});
export type ReceivableTotals = z.infer<typeof receivableTotals>;

export const receivableList = z.object({
  items: z.array(receivable),
  nextCursor: z.string().nullable(),
  totals: receivableTotals,
  /** "Today" in the company's time zone, the date daysOverdue was computed for. */
  today: z.string(),
});
export type ReceivableList = z.infer<typeof receivableList>;

/** Open ones oldest due date first (the most urgent on top); settled ones newest due date first. */
export const personReceivablesQuery = listQuery.extend({
  status: receivableStatus.default("open"),
  category: decimalInt().optional(),
});
export type PersonReceivablesQuery = z.infer<typeof personReceivablesQuery>;

// ——— import record (POST /api/import/receivables, vinculo import receivables) ———

/**
 * One receivable as the ERP sends it (JSON line or CSV row; numbers may come as text, empty
 * cells mean "not given"). Errors name the field in pt-BR. Settled ⇔ settledAt is given.
 */
export const receivableImportRecord = z
  .object({
    externalId: zExternalId,
    personCode,
    documentNumber: requiredText(60, "informe o número do documento"),
    installment: requiredText(20, "informe a parcela, ex.: 1/3"),
    issueDate: zDate,
    dueDate: zDate,
    amountCents: zCents(),
    interestCents: optionalField(zCents()).transform((v) => v ?? 0),
    fineCents: optionalField(zCents()).transform((v) => v ?? 0),
    discountCents: optionalField(zCents()).transform((v) => v ?? 0),
    paidCents: optionalField(zCents()).transform((v) => v ?? 0),
    settledAt: optionalField(zDate).transform((v) => v ?? null),
    paymentMethod: optionalText(60),
  })
  .superRefine((r, ctx) => {
    if (r.dueDate < r.issueDate) {
      ctx.addIssue({ code: "custom", path: ["dueDate"], ...workRefinement("due_before_issue") });
    }
    if (r.settledAt !== null && r.settledAt < r.issueDate) {
      ctx.addIssue({ code: "custom", path: ["settledAt"], ...workRefinement("settled_before_issue") });
    }
  });
export type ReceivableImportRecord = z.infer<typeof receivableImportRecord>;
