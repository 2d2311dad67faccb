import { fieldError } from "./errors.ts";

/**
 * Keyset pagination, one codec for every list (tickets, notes, appointments, critical factors,
 * mail, receivables, contracts, current account): a page is fetched with one extra row, and the
 * next page's cursor is the sort key of the last row shown, opaque to clients. Each list tags its
 * cursors, so a cursor of one list (or of another status of the same list) is refused by another.
 */

type CursorValue = string | number;
type Kind = "s" | "n";
type KeyOf<K extends readonly Kind[]> = { [I in keyof K]: K[I] extends "s" ? string : number };

export function encodeCursor(tag: string, key: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify([tag, ...key])).toString("base64url");
}

/**
 * The sort key of a cursor made by encodeCursor with this tag and these value kinds ("s" text,
 * "n" integer), or null when there is no cursor; anything else is a 400 naming `cursor`.
 */
export function decodeCursor<const K extends readonly Kind[]>(
  cursor: string | undefined,
  tag: string,
  kinds: K,
): KeyOf<K> | null {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && v[0] === tag && v.length === kinds.length + 1) {
      const key = v.slice(1);
      const ok = kinds.every((k, i) =>
        k === "s" ? typeof key[i] === "string" && key[i].length <= 100 : Number.isSafeInteger(key[i]),
      );
      if (ok) return key as KeyOf<K>;
    }
  } catch {
    // falls through to the 400
  }
  throw fieldError("cursor", "invalid_cursor");
}

/** One page of `rows` (fetched with `limit + 1`): the first `limit`, and the cursor after the last one. */
export function pageOf<R>(
  rows: R[],
  limit: number,
  tag: string,
  keyOf: (row: R) => readonly CursorValue[],
): { rows: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(tag, keyOf(last)) : null };
}
