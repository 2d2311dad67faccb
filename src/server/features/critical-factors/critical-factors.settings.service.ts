import type { CriticalRule } from "../../../shared/critical-factors.rule.ts";
import type {
  CriticalFactorSettings,
  UpdateCriticalFactorSettingsBody,
} from "../../../shared/critical-factors.schemas.ts";
import { companyTimeZone } from "../../company-time.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import type { Executor } from "../../db/types.ts";
import { fail, fieldError } from "../../errors.ts";
import { inTransaction, recordChange } from "../audit/journal.ts";
import * as repo from "./critical-factors.repository.ts";

type StoredRule = CriticalRule & { version: number; updatedAt: string };

const parseIds = (json: string): number[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is number => Number.isSafeInteger(v)) : [];
  } catch {
    return [];
  }
};

/** The stored rule; the defaults of DESIGN.md if the row went missing (a hand-edited copy). */
export async function loadRule(db: Executor): Promise<StoredRule> {
  const row = await repo.settingsRow(db);
  if (!row) {
    return {
      thresholdDays: 5,
      warnDays: 2,
      includeTypeIds: [],
      excludeTypeIds: [],
      version: 0,
      updatedAt: new Date(0).toISOString(),
    };
  }
  return {
    thresholdDays: row.threshold_days,
    warnDays: row.warn_days,
    includeTypeIds: parseIds(row.include_type_ids),
    excludeTypeIds: parseIds(row.exclude_type_ids),
    version: Number(row.version),
    updatedAt: row.updated_at,
  };
}

export async function getCriticalSettings(ctx: AppContext): Promise<CriticalFactorSettings> {
  const [rule, timeZone] = await Promise.all([loadRule(ctx.db), companyTimeZone(ctx.db)]);
  return { ...rule, includeTypeIds: [...rule.includeTypeIds], excludeTypeIds: [...rule.excludeTypeIds], timeZone };
}

const stale = (currentVersion: number) => fail("stale_version", "settings_changed", undefined, { currentVersion });

/**
 * Changes N, M and the type lists (administrators). Every id must be a ticket type; a type may not
 * be both included and excluded. Nothing changes on a refusal.
 */
export async function updateCriticalSettings(
  ctx: AppContext,
  user: AuthUser,
  body: UpdateCriticalFactorSettingsBody,
): Promise<CriticalFactorSettings> {
  await inTransaction(ctx, async (trx) => {
    const current = await loadRule(trx);
    // A missing row (version 0) is put back by any save.
    if (current.version !== 0 && current.version !== body.version) throw stale(current.version);
    const include = body.includeTypeIds ?? current.includeTypeIds;
    const exclude = body.excludeTypeIds ?? current.excludeTypeIds;
    const known = new Set(await repo.allTypeIds(trx));
    for (const [field, ids] of [
      ["includeTypeIds", body.includeTypeIds],
      ["excludeTypeIds", body.excludeTypeIds],
    ] as const) {
      const unknown = (ids ?? []).filter((id) => !known.has(id));
      if (unknown.length) throw fieldError(field, "unknown_ticket_types", { ids: unknown.join(", ") });
    }
    const both = include.filter((id) => exclude.includes(id));
    if (both.length) {
      // Name the list the request changed (the other one is what it collides with).
      const field = body.excludeTypeIds !== undefined ? "excludeTypeIds" : "includeTypeIds";
      throw fieldError(field, "type_in_both_lists", { ids: both.join(", ") });
    }
    const values = {
      threshold_days: body.thresholdDays ?? current.thresholdDays,
      warn_days: body.warnDays ?? current.warnDays,
      include_type_ids: JSON.stringify(include),
      exclude_type_ids: JSON.stringify(exclude),
      updated_at: ctx.now().toISOString(),
      updated_by: user.id,
      version: current.version + 1,
    };
    recordChange(trx, ctx, {
      entity: "critical_factor_settings",
      id: 1,
      action: "update",
      before: {
        thresholdDays: current.thresholdDays,
        warnDays: current.warnDays,
        includeTypeIds: current.includeTypeIds,
        excludeTypeIds: current.excludeTypeIds,
      },
      after: {
        thresholdDays: values.threshold_days,
        warnDays: values.warn_days,
        includeTypeIds: include,
        excludeTypeIds: exclude,
      },
      events: [{ type: "settings.changed", area: "settings", refs: {} }],
    });
    if (current.version === 0) {
      await repo.insertSettings(trx, values);
      return;
    }
    if (!(await repo.updateSettings(trx, current.version, values))) throw stale(current.version);
  });
  return getCriticalSettings(ctx);
}
