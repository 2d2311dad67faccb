/** A query string without the empty values; lists (["fixed", "variable"]) joined by commas. */
export function searchParams(entries: Record<string, string | number | readonly string[] | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(entries)) {
    if (value === null || value === undefined) continue;
    const text = Array.isArray(value) ? value.join(",") : String(value);
    if (text !== "") search.set(key, text);
  }
  return search.toString();
}

/**
 * The picked values in their canonical order, unknown ones dropped: a checkbox group hands them
 * back in click order, and the same filter must make the same request (and the same cache key).
 */
export const ordered = <T extends string>(all: readonly T[], picked: readonly string[]): T[] =>
  all.filter((v) => picked.includes(v));
