import { z } from "zod";
import { decimalInt } from "./common.schemas.ts";
import { workRefinement } from "./reasons/work.ts";
import { priority, ticketArea } from "./tickets.schemas.ts";

/** See critical-factors.rule.ts for the rule these settings feed. */
export const CRITICAL_DAYS_MAX = 365;
export const CRITICAL_TYPES_MAX = 200;

const days = (what: string) =>
  z
    .number({ message: `informe ${what} em dias (número inteiro)` })
    .int("número inteiro de dias")
    .min(0, "no mínimo 0 dias")
    .max(CRITICAL_DAYS_MAX, `no máximo ${CRITICAL_DAYS_MAX} dias`);

const typeIds = z
  .array(z.number().int().positive("id de tipo de atendimento inválido"))
  .max(CRITICAL_TYPES_MAX, `no máximo ${CRITICAL_TYPES_MAX} tipos`)
  .transform((ids) => [...new Set(ids)].sort((a, b) => a - b));

export const criticalFactorSettings = z.object({
  /** N: a ticket more than N days past due is critical. */
  thresholdDays: z.number().int(),
  /** M: a ticket due within the next M days (or overdue by N days or fewer) needs attention. */
  warnDays: z.number().int(),
  /** Ticket types that count; empty = all. */
  includeTypeIds: z.array(z.number().int()),
  /** Ticket types that never count. */
  excludeTypeIds: z.array(z.number().int()),
  /** The company's time zone, in which days are counted (Configurações › Empresa). */
  timeZone: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type CriticalFactorSettings = z.infer<typeof criticalFactorSettings>;

export const updateCriticalFactorSettingsBody = z
  .object({
    thresholdDays: days("o limite crítico").optional(),
    warnDays: days("o aviso").optional(),
    includeTypeIds: typeIds.optional(),
    excludeTypeIds: typeIds.optional(),
    version: z.number().int().positive(),
  })
  .refine(
    (b) => Object.keys(b).some((k) => k !== "version" && b[k as keyof typeof b] !== undefined),
    workRefinement("nothing_to_change"),
  );
export type UpdateCriticalFactorSettingsBody = z.infer<typeof updateCriticalFactorSettingsBody>;

export const CRITICAL_LEVELS = ["critical", "attention"] as const;
export const criticalLevel = z.enum(CRITICAL_LEVELS);

const ref = z.object({ id: z.number().int(), name: z.string() });

/** An open ticket that is a critical factor, with what the panel shows. */
export const criticalTicket = z.object({
  id: z.number().int(),
  number: z.number().int(),
  area: ticketArea,
  subject: z.string(),
  person: z.object({ code: z.number().int(), name: z.string() }),
  type: ref,
  sector: ref,
  responsible: ref.nullable(),
  priority,
  openedAt: z.string(),
  dueAt: z.string(),
  /** Calendar days past due in the company's zone (negative: days until due). */
  daysOverdue: z.number().int(),
  level: criticalLevel,
});
export type CriticalTicket = z.infer<typeof criticalTicket>;

export const sectorCounts = z.object({ sector: ref, critical: z.number().int(), attention: z.number().int() });
export type SectorCounts = z.infer<typeof sectorCounts>;

/** The rule as applied to this answer: today and the two due-date limits (see thresholds()). */
export const appliedRule = z.object({
  today: z.string(),
  timeZone: z.string(),
  thresholdDays: z.number().int(),
  warnDays: z.number().int(),
  criticalBefore: z.string(),
  attentionBefore: z.string(),
});

export const personCriticalFactors = z.object({
  critical: z.array(criticalTicket),
  attention: z.array(criticalTicket),
  bySector: z.array(sectorCounts),
  counts: z.object({ critical: z.number().int(), attention: z.number().int() }),
  rule: appliedRule,
});
export type PersonCriticalFactors = z.infer<typeof personCriticalFactors>;

export const personCriticalFactorsQuery = z.object({
  category: decimalInt().optional(),
});

export const companyCriticalFactorsQuery = z.object({
  sectorId: decimalInt().optional(),
  responsibleUserId: decimalInt().optional(),
  limit: decimalInt({ max: 500 }).default(50),
  cursor: z.string().max(500).optional(),
});
export type CompanyCriticalFactorsQuery = z.infer<typeof companyCriticalFactorsQuery>;

/** Across every person the user may see: counts per sector, and a page of tickets by sector, person, due. */
export const companyCriticalFactors = z.object({
  bySector: z.array(sectorCounts),
  counts: z.object({ critical: z.number().int(), attention: z.number().int() }),
  items: z.array(criticalTicket),
  nextCursor: z.string().nullable(),
  rule: appliedRule,
});
export type CompanyCriticalFactors = z.infer<typeof companyCriticalFactors>;
