import { z } from "zod";
import { normalizeCep, normalizeDocument, zDocument, zPhone, zUf } from "./brazil.ts";
import { decimalInt } from "./common.schemas.ts";
import { type PersonsReason, personsRefinement } from "./reasons/persons.ts";

export const PERSON_KINDS = ["individual", "company"] as const;
export const personKind = z.enum(PERSON_KINDS);
export type PersonKind = (typeof PERSON_KINDS)[number];

export const ADDRESS_TYPES = ["main", "delivery", "billing", "other"] as const;
export const addressType = z.enum(ADDRESS_TYPES);

/** Person codes arrive as "000123" or 123. */
export const personCode = decimalInt({ max: 2_000_000_000, message: "código de pessoa inválido" });
export const personCodeParam = z.object({ code: personCode });

const text = (max: number) => z.string().trim().max(max, `no máximo ${max} caracteres`);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** A custom issue for one of the persons reasons, at `path` (below the checked value) when given. */
const issue = (reason: PersonsReason, path?: PropertyKey[]) => ({
  code: "custom" as const,
  ...personsRefinement(reason),
  ...(path ? { path } : {}),
});

/**
 * Documents, phones and UFs follow the rules of the brazil.ts kit (zDocument, zPhone, zUf: what is
 * valid and how it is stored); the API keeps its own words, which the forms and the e2e journeys
 * show, and names the reason (shared/reasons/persons.ts) so the web can say it in English.
 * The kit's CEP rule (zCep) is not used: it refuses "00000000", the placeholder ERPs send for an
 * unknown CEP, which persons have always accepted.
 * `byKit` is a transform that checks and stores by the kit's rule, refusing with this API's reason.
 */
function byKit<T>(rule: z.ZodType<T, string>, reasonOf: (input: string) => PersonsReason) {
  return (input: string, ctx: z.RefinementCtx): T => {
    const result = rule.safeParse(input);
    if (result.success) return result.data;
    ctx.addIssue(issue(reasonOf(input)));
    return z.NEVER;
  };
}

/** Why a document is refused: not the shape of a CPF or CNPJ, or (the right shape) its check digits. */
const documentRule = byKit(zDocument, (input) => {
  const doc = normalizeDocument(input);
  return !doc ? "document_shape" : doc.kind === "cpf" ? "invalid_cpf" : "invalid_cnpj";
});

export const documentInput = z
  .string()
  .trim()
  .max(30)
  .nullish()
  .transform((v, ctx) => (v ? documentRule(v, ctx) : null));

export const emailInput = z.object({
  address: z.email("e-mail inválido").max(254).trim().toLowerCase(),
  isMain: z.boolean().optional(),
});

export const phoneInput = z.object({
  number: z
    .string()
    .max(30)
    .transform(byKit(zPhone, () => "invalid_phone")),
  isMain: z.boolean().optional(),
});

export const cepInput = z.string().transform((v, ctx) => {
  const cep = normalizeCep(v);
  if (!/^\d{8}$/.test(cep)) {
    ctx.addIssue(issue("invalid_cep"));
    return z.NEVER;
  }
  return cep;
});

export const ufInput = z.string().transform(byKit(zUf, () => "invalid_uf"));

/** Address fields without defaults: what a PATCH may carry (a default there would overwrite the stored value). */
const addressFields = {
  type: addressType,
  zip: cepInput,
  street: text(200).min(1, "informe o logradouro"),
  number: text(20).min(1, 'informe o número (ou "S/N")'),
  complement: optionalText(100),
  district: text(100).min(1, "informe o bairro"),
  city: text(100).min(1, "informe o município"),
  ibgeCode: z
    .string()
    .regex(/^\d{7}$/, "código IBGE tem 7 dígitos")
    .nullish()
    .transform((v) => v ?? null),
  state: ufInput,
  country: text(60),
  reference: optionalText(200),
  isMain: z.boolean().optional(),
};
export const addressInput = z.object({
  ...addressFields,
  type: addressType.default("main"),
  country: text(60).default("Brasil"),
});
export type AddressInput = z.infer<typeof addressInput>;
export const updateAddressBody = z.object(addressFields).partial().extend({ version: z.number().int().positive() });

/** Exactly one main: none flagged makes the first one main; two flagged is an error. */
function oneMain(field: "emails" | "phones") {
  return (list: { isMain?: boolean | undefined }[] | undefined, ctx: z.RefinementCtx) => {
    if (list && list.filter((i) => i.isMain).length > 1) ctx.addIssue(issue("one_main", [field]));
  };
}

const personFields = {
  kind: personKind,
  name: text(200).min(1, "informe o nome"),
  shortName: optionalText(100),
  document: documentInput,
  categoryIds: z.array(z.number().int().positive()).min(1, "escolha ao menos uma categoria").max(50),
  characteristicIds: z.array(z.number().int().positive()).max(100).default([]),
  emails: z.array(emailInput).max(20).default([]),
  phones: z.array(phoneInput).max(20).default([]),
  notes: optionalText(4000),
};

/** The reason a document does not fit the kind (a CPF for an individual, a CNPJ for a company), or null. */
export function documentKindProblem(kind: PersonKind, document: string): PersonsReason | null {
  if ((kind === "individual") === (document.length === 11)) return null;
  return kind === "individual" ? "individual_uses_cpf" : "company_uses_cnpj";
}

export function checkDocumentKind(
  v: { kind?: PersonKind | undefined; document?: string | null | undefined },
  ctx: z.RefinementCtx,
) {
  if (!v.document || !v.kind) return;
  const problem = documentKindProblem(v.kind, v.document);
  if (problem) ctx.addIssue(issue(problem, ["document"]));
}

export const createPersonBody = z
  .object({ ...personFields, addresses: z.array(addressInput).max(20).default([]) })
  .superRefine((v, ctx) => {
    oneMain("emails")(v.emails, ctx);
    oneMain("phones")(v.phones, ctx);
    if (v.addresses.filter((a) => a.isMain).length > 1) ctx.addIssue(issue("one_main", ["addresses"]));
    checkDocumentKind(v, ctx);
  });
export type CreatePersonBody = z.infer<typeof createPersonBody>;

export const updatePersonBody = z
  .object({
    kind: personKind.optional(),
    name: personFields.name.optional(),
    // `.optional()` over the transforms: a field left out stays undefined (kept as stored)
    // instead of becoming null (erased), which only an explicit null does.
    shortName: personFields.shortName.optional(),
    document: personFields.document.optional(),
    categoryIds: personFields.categoryIds.optional(),
    characteristicIds: z.array(z.number().int().positive()).max(100).optional(),
    emails: z.array(emailInput).max(20).optional(),
    phones: z.array(phoneInput).max(20).optional(),
    notes: personFields.notes.optional(),
    isActive: z.boolean().optional(),
    version: z.number().int().positive(),
  })
  .superRefine((v, ctx) => {
    oneMain("emails")(v.emails, ctx);
    oneMain("phones")(v.phones, ctx);
    checkDocumentKind(v, ctx);
  });
export type UpdatePersonBody = z.infer<typeof updatePersonBody>;

export const personCategory = z.object({ id: z.number().int(), name: z.string(), role: z.string() });
export const personCharacteristic = z.object({ id: z.number().int(), name: z.string(), color: z.string() });
export const personEmail = z.object({ id: z.number().int(), address: z.string(), isMain: z.boolean() });
export const personPhone = z.object({ id: z.number().int(), number: z.string(), isMain: z.boolean() });

export const person = z.object({
  code: z.number().int(),
  kind: personKind,
  name: z.string(),
  shortName: z.string().nullable(),
  document: z.string().nullable(),
  isActive: z.boolean(),
  notes: z.string().nullable(),
  categories: z.array(personCategory),
  characteristics: z.array(personCharacteristic),
  emails: z.array(personEmail),
  phones: z.array(personPhone),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Person = z.infer<typeof person>;

export const personSummary = z.object({
  code: z.number().int(),
  kind: personKind,
  name: z.string(),
  shortName: z.string().nullable(),
  document: z.string().nullable(),
  isActive: z.boolean(),
  mainEmail: z.string().nullable(),
  mainPhone: z.string().nullable(),
});
export type PersonSummary = z.infer<typeof personSummary>;

/** A typed word the quick search corrected ("jaoo" → "João"), or left out (word null). */
export const searchCorrection = z.object({ typed: z.string(), word: z.string().nullable() });
export type SearchCorrection = z.infer<typeof searchCorrection>;

/** A quick-search result: `corrections` only when the person was found through corrected words. */
export const personSearchHit = personSummary.extend({ corrections: z.array(searchCorrection).optional() });
export type PersonSearchHit = z.infer<typeof personSearchHit>;

export const personSearchQuery = z.object({
  q: z.string().trim().max(200).default(""),
  category: decimalInt().optional(),
  includeInactive: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  limit: decimalInt({ max: 500 }).default(50),
  cursor: z.string().max(200).optional(),
});

export const address = z.object({
  id: z.number().int(),
  personCode: z.number().int(),
  type: addressType,
  zip: z.string(),
  street: z.string(),
  number: z.string(),
  complement: z.string().nullable(),
  district: z.string(),
  city: z.string(),
  ibgeCode: z.string().nullable(),
  state: z.string(),
  country: z.string(),
  reference: z.string().nullable(),
  isMain: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Address = z.infer<typeof address>;

export const relatedPerson = z.object({
  id: z.number().int(),
  /** outgoing: this person → related ("is Representante of"); incoming: the other side. */
  direction: z.enum(["outgoing", "incoming"]),
  typeId: z.number().int(),
  label: z.string(),
  person: personSummary,
  createdAt: z.string(),
});
export type RelatedPerson = z.infer<typeof relatedPerson>;
export const relatedQuery = z.object({ q: z.string().trim().max(200).default("") });
export const createRelatedBody = z.object({ relatedCode: personCode, typeId: z.number().int().positive() });

export const categoryQuery = z.object({ category: decimalInt().optional() });
