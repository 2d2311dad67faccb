import { z } from "zod";

/**
 * How long the journal keeps what it wrote (Configurações › Retenção): the audit log (LGPD; five
 * years by default, the usual horizon of tax and civil claims) and the access log (Marco Civil da
 * Internet, art. 15: at least six months, the default). A daily job removes what is older.
 */
export const retentionSettings = z.object({
  auditLogMonths: z.number().int(),
  accessLogMonths: z.number().int(),
  version: z.number().int(),
});
export type RetentionSettings = z.infer<typeof retentionSettings>;

export const updateRetentionBody = z.object({
  auditLogMonths: z.number().int().min(1).max(1200).optional(),
  // The law asks six months at least; an administrator may keep more, never less.
  accessLogMonths: z.number().int().min(6).max(1200).optional(),
  version: z.number().int().min(0),
});
export type UpdateRetentionBody = z.infer<typeof updateRetentionBody>;
