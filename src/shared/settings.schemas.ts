import { z } from "zod";
import { priority, ticketArea } from "./tickets.schemas.ts";

export const CATEGORY_ROLES = ["customer", "supplier", "employee", "representative", "carrier", "other"] as const;
export const categoryRole = z.enum(CATEGORY_ROLES);
export type CategoryRole = (typeof CATEGORY_ROLES)[number];

const name = z.string().trim().min(1, "informe o nome").max(100, "no máximo 100 caracteres");
const version = z.number().int().positive();

export const category = z.object({
  id: z.number().int(),
  name: z.string(),
  role: categoryRole,
  isActive: z.boolean(),
  version: z.number().int(),
});
export type Category = z.infer<typeof category>;
export const createCategoryBody = z.object({ name, role: categoryRole });
export const updateCategoryBody = z.object({
  name: name.optional(),
  role: categoryRole.optional(),
  isActive: z.boolean().optional(),
  version,
});

export const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "cor no formato #RRGGBB");
export const characteristic = z.object({
  id: z.number().int(),
  name: z.string(),
  color: z.string(),
  isActive: z.boolean(),
  version: z.number().int(),
});
export type Characteristic = z.infer<typeof characteristic>;
export const createCharacteristicBody = z.object({ name, color: hexColor });
export const updateCharacteristicBody = z.object({
  name: name.optional(),
  color: hexColor.optional(),
  isActive: z.boolean().optional(),
  version,
});

export const relationshipType = z.object({
  id: z.number().int(),
  name: z.string(),
  inverseName: z.string().nullable(),
  isActive: z.boolean(),
  version: z.number().int(),
});
export type RelationshipType = z.infer<typeof relationshipType>;
export const createRelationshipTypeBody = z.object({ name, inverseName: name.nullish() });
export const updateRelationshipTypeBody = z.object({
  name: name.optional(),
  inverseName: name.nullish(),
  isActive: z.boolean().optional(),
  version,
});

/** Tipos de atendimento: the area says which tab (Atendimentos or Produção) their tickets live in. */
export const daysToDue = z
  .number()
  .int("número inteiro de dias")
  .min(0, "no mínimo 0 dias")
  .max(3650, "no máximo 3650 dias");
export const ticketType = z.object({
  id: z.number().int(),
  name: z.string(),
  area: ticketArea,
  daysToDue: z.number().int(),
  defaultPriority: priority,
  isActive: z.boolean(),
  version: z.number().int(),
});
export type TicketType = z.infer<typeof ticketType>;
export const createTicketTypeBody = z.object({
  name,
  area: ticketArea,
  daysToDue,
  defaultPriority: priority.default("normal"),
});
export const updateTicketTypeBody = z.object({
  name: name.optional(),
  area: ticketArea.optional(),
  daysToDue: daysToDue.optional(),
  defaultPriority: priority.optional(),
  isActive: z.boolean().optional(),
  version,
});

/** Setores and produtos: a name that can be deactivated. */
export const namedSetting = z.object({
  id: z.number().int(),
  name: z.string(),
  isActive: z.boolean(),
  version: z.number().int(),
});
export type Sector = z.infer<typeof namedSetting>;
export type Product = z.infer<typeof namedSetting>;
export const createNamedSettingBody = z.object({ name });
export const updateNamedSettingBody = z.object({ name: name.optional(), isActive: z.boolean().optional(), version });
