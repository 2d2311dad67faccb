import { z } from "zod";
import { decimalInt, listQuery } from "./common.schemas.ts";
import {
  optionalField,
  optionalText,
  requiredText,
  zCents,
  zChoice,
  zDate,
  zExternalId,
  zQuantity,
  zRatePercent,
} from "./finance.ts";
import { personCode } from "./persons.schemas.ts";
import { workRefinement } from "./reasons/work.ts";

/**
 * Conta corrente: a seller's (employee or representative) commission and pass-through entries.
 *
 * - Enabled only for a user linked to a person (users.person_id) with a category whose role is
 *   employee or representative; otherwise every endpoint answers 403 `current_account_disabled`
 *   with the reason in pt-BR, so the tab can show it.
 * - mode "seller": the focused person is a seller (the selected category's role, or any of its
 *   categories when none is selected) → that seller's account;
 *   mode "customer": otherwise → the logged-in seller's own entries coming from the focused person.
 * - status: pending = generated, not yet due (e.g. its invoice is unpaid); open = due, not in a
 *   closing; closed = part of a closing. A closed entry is never edited: corrections are new entries.
 * - amountCents is signed: a credit to the seller is positive, a debit negative.
 * - rate is a percent (5.25 = 5,25 %), exact to four decimals; quantity exact to three.
 */

export const ENTRY_KINDS = ["commission", "passThrough", "adjustment"] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const ENTRY_STATUSES = ["pending", "open", "closed"] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export const CURRENT_ACCOUNT_VIEWS = ["entry", "item"] as const;
export type CurrentAccountView = (typeof CURRENT_ACCOUNT_VIEWS)[number];
export const CURRENT_ACCOUNT_MODES = ["seller", "customer"] as const;
export type CurrentAccountMode = (typeof CURRENT_ACCOUNT_MODES)[number];

/** The error code (403) when the logged-in user has no current account; the message says why. */
export const CURRENT_ACCOUNT_DISABLED = "current_account_disabled";

const personRef = z.object({ code: z.number().int(), name: z.string() });

export const closingSummary = z.object({
  id: z.number().int(),
  externalId: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  closedOn: z.string(),
});
export type ClosingSummary = z.infer<typeof closingSummary>;

export const commissionEntry = z.object({
  id: z.number().int(),
  externalId: z.string().nullable(),
  seller: personRef,
  /** The customer it comes from; null for an entry of no customer (e.g. an adjustment). */
  person: personRef.nullable(),
  date: z.string(),
  kind: z.enum(ENTRY_KINDS),
  /** From the sign of amountCents. */
  direction: z.enum(["credit", "debit"]),
  originDocument: z.string().nullable(),
  description: z.string().nullable(),
  baseCents: z.number().int(),
  /** Percent (5.25 = 5,25 %); null when the amount is not a rate of the base. */
  rate: z.number().nullable(),
  amountCents: z.number().int(),
  status: z.enum(ENTRY_STATUSES),
  closing: closingSummary.nullable(),
  itemCount: z.number().int(),
  version: z.number().int(),
});
export type CommissionEntry = z.infer<typeof commissionEntry>;

export const commissionItem = z.object({
  id: z.number().int(),
  product: z.string(),
  quantity: z.number(),
  baseCents: z.number().int(),
  rate: z.number().nullable(),
  amountCents: z.number().int(),
});
export type CommissionItem = z.infer<typeof commissionItem>;

/** One line of the "by item" view: the item and what it needs of its entry. */
export const commissionItemRow = commissionItem.extend({
  entryId: z.number().int(),
  date: z.string(),
  kind: z.enum(ENTRY_KINDS),
  status: z.enum(ENTRY_STATUSES),
  person: personRef.nullable(),
  originDocument: z.string().nullable(),
});
export type CommissionItemRow = z.infer<typeof commissionItemRow>;

export const commissionEntryDetails = commissionEntry.extend({ items: z.array(commissionItem) });
export type CommissionEntryDetails = z.infer<typeof commissionEntryDetails>;

/** Sums over every entry of the filter (not only the page). */
export const currentAccountTotals = z.object({
  count: z.number().int(),
  creditCents: z.number().int(),
  /** Σ of the debits, as a positive number. */
  debitCents: z.number().int(),
  /** credit − debit. */
  balanceCents: z.number().int(),
});
export type CurrentAccountTotals = z.infer<typeof currentAccountTotals>;

const listHead = {
  mode: z.enum(CURRENT_ACCOUNT_MODES),
  /** Whose account is shown. */
  seller: personRef,
  /** In "customer" mode, the focused person the entries come from; null in "seller" mode. */
  customer: personRef.nullable(),
  nextCursor: z.string().nullable(),
  totals: currentAccountTotals,
};

export const currentAccountList = z.discriminatedUnion("view", [
  z.object({ view: z.literal("entry"), items: z.array(commissionEntry), ...listHead }),
  z.object({ view: z.literal("item"), items: z.array(commissionItemRow), ...listHead }),
]);
export type CurrentAccountList = z.infer<typeof currentAccountList>;

/**
 * `closingId` lists that closing's entries (they are all closed, so status defaults to closed and
 * any other status is a 400).
 */
export const currentAccountQuery = listQuery.extend({
  view: zChoice("view", CURRENT_ACCOUNT_VIEWS).default("entry"),
  status: zChoice("status", ENTRY_STATUSES).optional(),
  closingId: decimalInt({ message: "fechamento inválido" }).optional(),
  category: decimalInt().optional(),
});
export type CurrentAccountQuery = z.infer<typeof currentAccountQuery>;

export const closingListItem = closingSummary.extend({
  entryCount: z.number().int(),
  /** Σ amountCents of its entries (of the focused customer, in "customer" mode). */
  totalCents: z.number().int(),
});
export type ClosingListItem = z.infer<typeof closingListItem>;

export const closingList = z.object({
  mode: z.enum(CURRENT_ACCOUNT_MODES),
  seller: personRef,
  customer: personRef.nullable(),
  items: z.array(closingListItem),
  nextCursor: z.string().nullable(),
});
export type ClosingList = z.infer<typeof closingList>;

export const closingsQuery = listQuery.extend({ category: decimalInt().optional() });

// ——— import record (POST /api/import/commission-entries) ———

const closingImport = z
  .object({
    externalId: zExternalId,
    periodStart: zDate,
    periodEnd: zDate,
    /** Default: periodEnd. */
    closedOn: optionalField(zDate).transform((v) => v ?? null),
  })
  .superRefine((c, ctx) => {
    if (c.periodEnd < c.periodStart) {
      ctx.addIssue({ code: "custom", path: ["periodEnd"], ...workRefinement("period_end_before_start") });
    }
  });

const itemImport = z.object({
  product: requiredText(200, "informe o produto"),
  quantity: zQuantity,
  baseCents: zCents(),
  rate: optionalField(zRatePercent).transform((v) => v ?? null),
  /** Signed like the entry's amount. */
  amountCents: zCents({ signed: true }),
});

/**
 * One entry as the ERP sends it. status "closed" needs `closing` (and `closing` needs "closed").
 * Items, when given, replace the entry's items. A stored closed entry is never changed by an
 * import: a line that differs from it is rejected (corrections are new entries).
 */
export const commissionEntryImportRecord = z
  .object({
    externalId: zExternalId,
    sellerCode: personCode,
    personCode: optionalField(personCode).transform((v) => v ?? null),
    date: zDate,
    kind: zChoice("kind", ENTRY_KINDS),
    originDocument: optionalText(60),
    description: optionalText(500),
    baseCents: zCents(),
    rate: optionalField(zRatePercent).transform((v) => v ?? null),
    amountCents: zCents({ signed: true }),
    status: zChoice("status", ENTRY_STATUSES),
    closing: optionalField(closingImport).transform((v) => v ?? null),
    items: optionalField(z.array(itemImport).max(1000, "no máximo 1000 itens")).transform((v) => v ?? []),
  })
  .superRefine((e, ctx) => {
    if (e.status === "closed" && !e.closing) {
      ctx.addIssue({ code: "custom", path: ["closing"], ...workRefinement("closed_entry_needs_closing") });
    }
    if (e.status !== "closed" && e.closing) {
      ctx.addIssue({ code: "custom", path: ["status"], ...workRefinement("closing_needs_closed_status") });
    }
  });
export type CommissionEntryImportRecord = z.infer<typeof commissionEntryImportRecord>;
