import { z } from "zod";
import { listQuery } from "./common.schemas.ts";
import {
  addressInput,
  checkDocumentKind,
  documentInput,
  emailInput,
  personCode,
  personKind,
  phoneInput,
} from "./persons.schemas.ts";
import { personsRefinement } from "./reasons/persons.ts";

/**
 * Imports from the ERP (`POST /api/import/{entity}`, `vinculo import`): the entities, the answer,
 * the persons record and the history of runs. The finance records' schemas live with their
 * features (receivables, current-account, contracts schemas).
 */
export const IMPORT_ENTITIES = [
  "receivables",
  "commission-entries",
  "contracts",
  "contract-billings",
  "persons",
] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];
export const importEntity = z.enum(IMPORT_ENTITIES, {
  error: `entidade desconhecida: use ${IMPORT_ENTITIES.join(", ")}`,
});
export const importEntityParam = z.object({ entity: z.string() });

export const IMPORT_FORMATS = ["ndjson", "csv"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** At most this many rejected lines travel in an HTTP answer; `rejectedTotal` counts them all. */
export const REJECTED_IN_ANSWER = 1000;

export const rejectedLine = z.object({
  /** Line of the file (1 = the first line; in CSV the header is line 1). */
  line: z.number().int(),
  /** The record's field at fault ("personCode", "items.0.rate"), or "" for the whole line. */
  field: z.string(),
  error: z.string(),
  /** Why, as a stable code (shared/reasons/, or a zod issue code), so the web can say it in English. */
  reason: z.string().optional(),
  /** The values the reason's message is made from. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type RejectedLine = z.infer<typeof rejectedLine>;

export const importSummary = z.object({
  entity: z.enum(IMPORT_ENTITIES),
  /** Records read (lines with data; blank lines and the CSV header not counted). */
  records: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  /** Records equal to what was already stored: nothing written, no version bump. */
  unchanged: z.number().int(),
  /** The first REJECTED_IN_ANSWER rejected lines, in line order. */
  rejected: z.array(rejectedLine),
  rejectedTotal: z.number().int(),
  /** The import run in the history (GET /api/import/runs). */
  runId: z.number().int().nullable(),
});
export type ImportSummary = z.infer<typeof importSummary>;

const text = (max: number) => z.string().trim().max(max, `no máximo ${max} caracteres`);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** A category by id or by name (case and accents ignored): "Cliente", 1. */
const categoryRef = z.union([z.number().int().positive(), text(100).min(1)]);

/**
 * A person from the ERP. Merged by document (CPF/CNPJ) or externalId: an existing person gets the
 * fields given (categories, characteristics, e-mails, phones and addresses are added, never removed);
 * otherwise a new person is created, with `code` when the ERP numbers persons itself. `kind` may be
 * left out when the document tells it (11 digits: individual).
 */
export const importPersonRecord = z
  .object({
    externalId: text(100).min(1, "externalId vazio").optional(),
    code: personCode.optional(),
    kind: personKind.optional(),
    name: text(200).min(1, "informe o nome").optional(),
    shortName: optionalText(100).optional(),
    document: documentInput,
    categories: z.array(categoryRef).max(50).default([]),
    categoryIds: z.array(z.number().int().positive()).max(50).default([]),
    characteristicIds: z.array(z.number().int().positive()).max(100).default([]),
    email: emailInput.shape.address.optional(),
    emails: z.array(emailInput).max(20).default([]),
    phone: phoneInput.shape.number.optional(),
    phones: z.array(phoneInput).max(20).default([]),
    addresses: z.array(addressInput).max(20).default([]),
    notes: optionalText(4000).optional(),
    isActive: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.document && !v.externalId) {
      ctx.addIssue({ code: "custom", path: ["document"], ...personsRefinement("import_person_key") });
    }
    checkDocumentKind(v, ctx);
  });
export type ImportPersonRecord = z.infer<typeof importPersonRecord>;

export const importRun = z.object({
  id: z.number().int(),
  entity: z.string(),
  format: z.string(),
  /** "api" (the endpoint, the web page) or "cli" (`vinculo import`). */
  source: z.string(),
  fileName: z.string().nullable(),
  username: z.string().nullable(),
  /** "running", "done" or "failed" (a malformed file or a fatal error stopped it). */
  status: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  records: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  error: z.string().nullable(),
});
export type ImportRun = z.infer<typeof importRun>;
export const importRunsQuery = listQuery;
