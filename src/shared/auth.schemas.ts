import { z } from "zod";

export const loginBody = z.object({
  username: z.string().trim().min(1, "informe o usuário").max(100),
  password: z.string().min(1, "informe a senha").max(1000),
});
export type LoginBody = z.infer<typeof loginBody>;

export const userSummary = z.object({
  id: z.number().int(),
  username: z.string(),
  name: z.string(),
  email: z.string(),
  isAdmin: z.boolean(),
});
export type UserSummary = z.infer<typeof userSummary>;

export const meResponse = z.object({
  user: userSummary,
  /** Filled by the persons feature: the person this user is linked to. */
  person: z.object({ code: z.number().int(), name: z.string() }).nullable(),
  grants: z.array(z.object({ categoryId: z.number().int(), tab: z.string(), level: z.enum(["read", "write"]) })),
  currentAccountEnabled: z.boolean(),
});
export type MeResponse = z.infer<typeof meResponse>;

export const loginResponse = z.object({ user: userSummary });

export const apiToken = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  userId: z.number().int(),
  username: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;

export const createApiTokenBody = z.object({
  userId: z.number().int().positive(),
  name: z.string().trim().min(1, "informe um nome para o token").max(100),
});
/** The secret is shown once, in this response, and never again. */
export const createdApiToken = apiToken.extend({ token: z.string() });
