import type { PersonSearchHit } from "../../../shared/persons.schemas.ts";
import { exactSearchKeys, searchTerms } from "../../../shared/search-text.ts";
import type { AppContext, AuthUser } from "../../context.ts";
import { fieldError } from "../../errors.ts";
import { loadAccess, visibleCategoryIds } from "../access/access.service.ts";
import { toSummary } from "./persons.mapping.ts";
import type { SummaryRow } from "./persons.repository.ts";
import { correctableWords, correctedMatches } from "./persons.search.corrections.ts";
import * as search from "./persons.search.repository.ts";
import type { Expansions } from "./persons.search.words.ts";

/**
 * The quick search: exact code or document first, then keyset pages over the indexes, then — on a
 * first page with fewer than FEW results — persons found through corrected words.
 */

/** Below this many results on a first page, typo tolerance is tried too. */
const FEW = 5;

const encodeCursor = (c: search.SearchCursor) => {
  const index = c.index === "words" ? "w" : c.index === "trigrams" ? "t" : "";
  const body = c.mode === "name" ? ["n", c.name, c.id, index] : ["r", c.id, index];
  return Buffer.from(JSON.stringify(body)).toString("base64url");
};

const indexOf = (v: unknown): search.SearchIndex | undefined =>
  v === "w" ? "words" : v === "t" ? "trigrams" : undefined;

function decodeCursor(cursor: string | undefined): search.SearchCursor | null {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && v[0] === "n" && typeof v[1] === "string" && Number.isInteger(v[2])) {
      return { mode: "name", name: v[1], id: v[2] as number, index: indexOf(v[3]) };
    }
    if (Array.isArray(v) && v[0] === "r" && Number.isInteger(v[1])) {
      return { mode: "recent", id: v[1] as number, index: indexOf(v[2]) };
    }
  } catch {
    // fall through
  }
  throw fieldError("cursor", "invalid_cursor");
}

export async function searchPersons(
  ctx: AppContext,
  user: AuthUser,
  query: {
    q: string;
    category?: number | undefined;
    includeInactive: boolean;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<{ items: PersonSearchHit[]; nextCursor: string | null }> {
  const access = await loadAccess(ctx.db, user);
  const filter: search.SearchFilter = {
    visibleCategoryIds: visibleCategoryIds(access),
    categoryId: query.category,
    includeInactive: query.includeInactive,
  };
  const after = decodeCursor(query.cursor);
  const terms = searchTerms(query.q);

  // Exact code or document goes first, on the first page only.
  let exact: SummaryRow[] = [];
  if (!after && query.q) {
    const keys = exactSearchKeys(query.q);
    exact = await search.findExact(ctx.db, filter, {
      code: keys.code ?? undefined,
      document: keys.document ?? undefined,
    });
  }
  const expansions: Expansions = new Map();
  const { rows, mode, index } = await search.searchPage(ctx.db, ctx.dialect, filter, {
    expansions,
    terms,
    excludeIds: exact.map((r) => r.id),
    after,
    limit: query.limit + 1,
  });
  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const next: search.SearchCursor | null =
    !hasMore || !last
      ? null
      : mode === "name"
        ? { mode, name: last.sort_name, id: last.id, index }
        : { mode, id: last.id, index };
  const found = [...exact, ...page];
  const words = !after && !next && found.length < Math.min(FEW, query.limit) ? correctableWords(terms) : null;
  if (!words) return { items: found.map(toSummary), nextCursor: next ? encodeCursor(next) : null };
  const corrected = await correctedMatches(
    ctx.db,
    ctx.dialect,
    filter,
    words,
    found.map((r) => r.id),
    query.limit - found.length,
    expansions,
  );
  const items: PersonSearchHit[] = [
    ...found.map(toSummary),
    ...corrected.rows.map((r) => ({ ...toSummary(r), corrections: corrected.corrections.get(r.id) ?? [] })),
  ];
  return { items, nextCursor: null };
}
