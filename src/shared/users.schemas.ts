import { z } from "zod";
import { decimalInt } from "./common.schemas.ts";

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "o usuário deve ter pelo menos 2 caracteres")
  .max(50, "o usuário deve ter no máximo 50 caracteres")
  .regex(/^[a-z0-9._-]+$/, "use apenas letras sem acento, números, ponto, hífen ou sublinhado");

export const password = z
  .string()
  .min(8, "a senha deve ter pelo menos 8 caracteres")
  .max(200, "a senha deve ter no máximo 200 caracteres");

export const createUserBody = z.object({
  username,
  name: z.string().trim().min(1, "informe o nome").max(200),
  email: z.email("e-mail inválido").max(254),
  password,
  isAdmin: z.boolean().default(false),
  accessProfileIds: z.array(z.number().int().positive()).max(100).default([]),
  /** The person this user is (a seller's Representante record, an employee's Funcionário record). */
  personCode: decimalInt().nullish(),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const userRow = z.object({
  id: z.number().int(),
  username: z.string(),
  name: z.string(),
  email: z.string(),
  isAdmin: z.boolean(),
  isActive: z.boolean(),
  createdAt: z.string(),
  accessProfileIds: z.array(z.number().int()),
  person: z.object({ code: z.number().int(), name: z.string() }).nullable(),
  version: z.number().int(),
});
export type UserRow = z.infer<typeof userRow>;

export const updateUserBody = z.object({
  name: z.string().trim().min(1, "informe o nome").max(200).optional(),
  email: z.email("e-mail inválido").max(254).optional(),
  isAdmin: z.boolean().optional(),
  isActive: z.boolean().optional(),
  accessProfileIds: z.array(z.number().int().positive()).max(100).optional(),
  personCode: decimalInt().nullish(),
  version: z.number().int().positive(),
});
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const resetPasswordBody = z.object({ password });
