import { DEFAULT_TIME_ZONE, isTimeZone, todayInZone } from "../shared/time-zone.ts";
import type { AppContext } from "./context.ts";
import type { Executor } from "./db/types.ts";
import { getCompanySettings } from "./features/settings/company.service.ts";

/**
 * The company's time zone (Configurações › Empresa), read through the settings service, for the
 * features that date or time something where the company is: due days, agenda windows, digests,
 * messages, the calendar feed. The default zone when the row holds a zone this runtime does not
 * know (a hand-edited copy): a screen must not fail over it.
 */
export async function companyTimeZone(db: Executor): Promise<string> {
  const { timeZone } = await getCompanySettings(db);
  return timeZone && isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
}

/** Today's calendar date where the company is (receivables fall due by it, as text, never as an instant). */
export async function companyToday(ctx: AppContext, db: Executor = ctx.db): Promise<string> {
  return todayInZone(ctx.now(), await companyTimeZone(db));
}
