import { z } from "zod";
import { isValidCnpj, isValidCpf, normalizeCep, normalizeDocument, normalizePhone, UFS } from "./brazil.ts";

export const PERSON_KINDS = ["individual", "company"] as const;
export const personKind = z.enum(PERSON_KINDS);
export type PersonKind = (typeof PERSON_KINDS)[number];

export const ADDRESS_TYPES = ["main", "delivery", "billing", "other"] as const;
export const addressType = z.enum(ADDRESS_TYPES);

/** Person codes arrive as "000123" or 123. */
export const personCode = z.coerce
  .number({ message: "código de pessoa inválido" })
  .int("código de pessoa inválido")
  .positive("código de pessoa inválido")
  .max(2_000_000_000);
export const personCodeParam = z.object({ code: personCode });

const text = (max: number) => z.string().trim().max(max, `no máximo ${max} caracteres`);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const documentInput = z
  .string()
  .trim()
  .max(30)
  .nullish()
  .transform((v, ctx) => {
    if (!v) return null;
    const doc = normalizeDocument(v);
    if (!doc) {
      ctx.addIssue({ code: "custom", message: "CPF deve ter 11 dígitos e CNPJ 14 caracteres" });
      return z.NEVER;
    }
    const valid = doc.kind === "cpf" ? isValidCpf(doc.value) : isValidCnpj(doc.value);
    if (!valid) {
      ctx.addIssue({
        code: "custom",
        message: `${doc.kind === "cpf" ? "CPF" : "CNPJ"} inválido: dígitos verificadores não conferem`,
      });
      return z.NEVER;
    }
    return doc.value;
  });

export const emailInput = z.object({
  address: z.email("e-mail inválido").max(254).trim().toLowerCase(),
  isMain: z.boolean().optional(),
});

export const phoneInput = z.object({
  number: z
    .string()
    .max(30)
    .transform((v, ctx) => {
      const n = normalizePhone(v);
      if (!n) {
        ctx.addIssue({ code: "custom", message: "telefone inválido: use DDD e número, ex. (11) 91234-5678" });
        return z.NEVER;
      }
      return n;
    }),
  isMain: z.boolean().optional(),
});

export const cepInput = z.string().transform((v, ctx) => {
  const cep = normalizeCep(v);
  if (!/^\d{8}$/.test(cep)) {
    ctx.addIssue({ code: "custom", message: "CEP deve ter 8 dígitos" });
    return z.NEVER;
  }
  return cep;
});

export const ufInput = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v): v is (typeof UFS)[number] => (UFS as readonly string[]).includes(v), {
    message: "UF inválida: use a sigla de um dos 27 estados, ex. SP",
  });

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
    if (list && list.filter((i) => i.isMain).length > 1) {
      ctx.addIssue({ code: "custom", path: [field], message: "apenas um pode ser o principal" });
    }
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

function checkDocumentKind(
  v: { kind?: PersonKind | undefined; document?: string | null | undefined },
  ctx: z.RefinementCtx,
) {
  if (!v.document || !v.kind) return;
  const isCpf = v.document.length === 11;
  if (v.kind === "individual" && !isCpf)
    ctx.addIssue({ code: "custom", path: ["document"], message: "pessoa física usa CPF" });
  if (v.kind === "company" && isCpf)
    ctx.addIssue({ code: "custom", path: ["document"], message: "pessoa jurídica usa CNPJ" });
}

export const createPersonBody = z
  .object({ ...personFields, addresses: z.array(addressInput).max(20).default([]) })
  .superRefine((v, ctx) => {
    oneMain("emails")(v.emails, ctx);
    oneMain("phones")(v.phones, ctx);
    if (v.addresses.filter((a) => a.isMain).length > 1)
      ctx.addIssue({ code: "custom", path: ["addresses"], message: "apenas um pode ser o principal" });
    checkDocumentKind(v, ctx);
  });
export type CreatePersonBody = z.infer<typeof createPersonBody>;

export const updatePersonBody = z
  .object({
    kind: personKind.optional(),
    name: personFields.name.optional(),
    shortName: personFields.shortName,
    document: personFields.document,
    categoryIds: personFields.categoryIds.optional(),
    characteristicIds: z.array(z.number().int().positive()).max(100).optional(),
    emails: z.array(emailInput).max(20).optional(),
    phones: z.array(phoneInput).max(20).optional(),
    notes: personFields.notes,
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

export const personSearchQuery = z.object({
  q: z.string().trim().max(200).default(""),
  category: z.coerce.number().int().positive().optional(),
  includeInactive: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
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

export const categoryQuery = z.object({ category: z.coerce.number().int().positive().optional() });
