import { z } from "zod";
import { platformRefinement } from "./reasons/platform.ts";

/** The tabs of the person screen; a grant is (category, tab, level). */
export const TABS = [
  "addresses",
  "tickets",
  "production",
  "receivables",
  "currentAccount",
  "contracts",
  "related",
  "appointments",
] as const;
export type Tab = (typeof TABS)[number];
export const tab = z.enum(TABS);

export const LEVELS = ["read", "write"] as const;
export type Level = (typeof LEVELS)[number];
export const level = z.enum(LEVELS);

export const grant = z.object({ categoryId: z.number().int().positive(), tab, level });
export type Grant = z.infer<typeof grant>;

export const accessProfile = z.object({
  id: z.number().int(),
  name: z.string(),
  grants: z.array(grant),
  userCount: z.number().int(),
  version: z.number().int(),
});
export type AccessProfile = z.infer<typeof accessProfile>;

const grantsInput = z
  .array(grant)
  .max(1000)
  .refine(
    (gs) => new Set(gs.map((g) => `${g.categoryId}:${g.tab}`)).size === gs.length,
    platformRefinement("duplicate_grant"),
  );

export const createAccessProfileBody = z.object({
  name: z.string().trim().min(1, "informe o nome do perfil").max(100),
  grants: grantsInput.default([]),
});
export const updateAccessProfileBody = z.object({
  name: z.string().trim().min(1, "informe o nome do perfil").max(100).optional(),
  grants: grantsInput.optional(),
  version: z.number().int().positive(),
});

export const personTab = z.object({ tab, level });
export const personTabsResponse = z.object({ categoryId: z.number().int(), tabs: z.array(personTab) });
