import { todayIsoDate } from "../../../shared/brazil.ts";
import type { AppContext } from "../../context.ts";
import { badRequest } from "../../errors.ts";
import { getCompanySettings } from "../settings/company.service.ts";

/**
 * Helpers the three money features share (A receber, Conta corrente, Contratos): opaque keyset
 * cursors and "today" where the company is.
 */

type CursorValue = string | number;

/** An opaque cursor: a tag (so a cursor of one list is refused by another) and the sort key. */
export function encodeCursor(tag: string, key: CursorValue[]): string {
  return Buffer.from(JSON.stringify([tag, ...key])).toString("base64url");
}

/**
 * The sort key of a cursor made by encodeCursor with this tag and these value kinds, or null
 * when there is no cursor; anything else is a 400 naming `cursor`.
 */
export function decodeCursor<const K extends readonly ("s" | "n")[]>(
  cursor: string | undefined,
  tag: string,
  kinds: K,
): { [I in keyof K]: K[I] extends "s" ? string : number } | null {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && v[0] === tag && v.length === kinds.length + 1) {
      const key = v.slice(1);
      const ok = kinds.every((k, i) =>
        k === "s" ? typeof key[i] === "string" && key[i].length <= 100 : Number.isSafeInteger(key[i]),
      );
      if (ok) return key as { [I in keyof K]: K[I] extends "s" ? string : number };
    }
  } catch {
    // fall through
  }
  throw badRequest("cursor", "cursor inválido");
}

/**
 * Today's calendar date in the company's time zone (settings; São Paulo by default): the day
 * against which receivables are overdue. A due date is compared as text, never as an instant.
 */
export async function companyToday(ctx: AppContext): Promise<string> {
  const { timeZone } = await getCompanySettings(ctx.db);
  try {
    return todayIsoDate(ctx.now(), timeZone);
  } catch {
    // A zone the runtime does not know (a hand-edited row) must not take the tab down.
    return todayIsoDate(ctx.now());
  }
}
