import { sql } from "kysely";
import type { Dialect, Executor } from "../../db/types.ts";
import { type PersonsEb, type SummaryRow, summariesByIds, summaryColumns } from "./persons.repository.ts";
import {
  type Expansions,
  ftsAlternatives,
  prefixesOnly,
  tsAlternatives,
  type WordsMatch,
  wordsMatch,
} from "./persons.search.words.ts";

/**
 * The SQL of the quick search (README "Quick search"): visibility, exact hits, and pages over the
 * word and trigram indexes, with the SQLite and PostgreSQL branches side by side.
 */

export type SearchFilter = {
  /** null = every category (administrator) */
  visibleCategoryIds: number[] | null;
  categoryId?: number | undefined;
  includeInactive: boolean;
};

function visibility(eb: PersonsEb, f: SearchFilter) {
  const conds = [];
  if (!f.includeInactive) conds.push(eb("p.is_active", "=", 1));
  const cats =
    f.categoryId !== undefined
      ? f.visibleCategoryIds === null || f.visibleCategoryIds.includes(f.categoryId)
        ? [f.categoryId]
        : []
      : f.visibleCategoryIds;
  if (cats !== null) {
    if (!cats.length) return eb.lit(false);
    conds.push(
      eb.exists(
        eb
          .selectFrom("person_categories as pc")
          .select(eb.lit(1).as("one"))
          .whereRef("pc.person_id", "=", "p.id")
          .where("pc.category_id", "in", cats),
      ),
    );
  }
  return eb.and(conds);
}

/** Exact hits (code or document) that go first on the first page. */
export async function findExact(
  db: Executor,
  f: SearchFilter,
  exact: { code?: number | undefined; document?: string | undefined },
): Promise<SummaryRow[]> {
  if (exact.code === undefined && exact.document === undefined) return [];
  return (await db
    .selectFrom("persons as p")
    .select(summaryColumns)
    .where((eb) => {
      const ors = [];
      if (exact.code !== undefined) ors.push(eb("p.code", "=", exact.code));
      if (exact.document !== undefined) ors.push(eb("p.document", "=", exact.document));
      return eb.and([eb.or(ors), visibility(eb, f)]);
    })
    .orderBy("p.code")
    .limit(5)
    .execute()) as SummaryRow[];
}

/** Up to this many matches are sorted by name in memory; past it, pages follow the index (newest first). */
export const SORTED_LIMIT = 500;

/** Where a page starts: after a (name, id) in name order, or below an id in newest-first order. */
export type SearchIndex = "words" | "trigrams";
export type SearchCursor = ({ mode: "name"; name: string; id: number } | { mode: "recent"; id: number }) & {
  /** Which index served the first page; the following pages use the same one. */
  index?: SearchIndex;
};

type PageQuery = {
  terms: string[];
  excludeIds: number[];
  after: SearchCursor | null;
  limit: number;
  /** Vocabulary lookups of this request, kept for the corrected search. */
  expansions?: Expansions;
};

const likeAll = (terms: string[]) => (eb: PersonsEb) => eb.and(terms.map((t) => eb("p.search_text", "like", `%${t}%`)));

/**
 * The indexed filter. Trigrams: FTS5 `trigram` on SQLite, pg_trgm GIN (LIKE) on
 * PostgreSQL — any substring. Words: FTS5 `unicode61` with prefix indexes on
 * SQLite, a `simple` tsvector GIN on PostgreSQL — each term as a word prefix.
 */
function indexedQuery(
  db: Executor,
  dialect: Dialect,
  f: SearchFilter,
  q: PageQuery,
  index: SearchIndex,
  words: WordsMatch | null,
) {
  const long = q.terms.filter((t) => t.length >= 3);
  const short = q.terms.filter((t) => t.length < 3);
  const byWords = index === "words" ? (words ?? prefixesOnly(dialect, q.terms)) : null;
  if (dialect === "sqlite") {
    const table = index === "words" ? "persons_words" : "persons_fts";
    const match = byWords ? byWords.match : long.map((t) => `"${t.replaceAll('"', '""')}"`).join(" AND ");
    // A join (not IN): FTS5 then yields rows lazily and LIMIT stops it early.
    let query = db
      .selectFrom(sql<{ rowid: number }>`${sql.table(table)}`.as("f"))
      .innerJoin("persons as p", (join) => join.on(sql<boolean>`p.id = f.rowid`))
      .where(sql<boolean>`${sql.table(table)} match ${match}`)
      .where((eb) => visibility(eb as unknown as PersonsEb, f));
    const recheck = byWords ? byWords.recheck : short;
    if (recheck.length) query = query.where((eb) => likeAll(recheck)(eb as unknown as PersonsEb));
    if (q.excludeIds.length) query = query.where("p.id", "not in", q.excludeIds);
    return query;
  }
  let query = db.selectFrom("persons as p").where((eb) => visibility(eb, f));
  if (byWords) {
    query = query.where(sql<boolean>`p.name_words @@ to_tsquery('simple', ${byWords.match})`);
  } else {
    query = query.where(likeAll([...long, ...short]));
  }
  if (q.excludeIds.length) query = query.where("p.id", "not in", q.excludeIds);
  return query;
}

const byNameThenId = (a: { sort_name: string; id: number }, b: { sort_name: string; id: number }) =>
  a.sort_name < b.sort_name ? -1 : a.sort_name > b.sort_name ? 1 : a.id - b.id;

export type SearchPage = { rows: SummaryRow[]; mode: SearchCursor["mode"]; index?: SearchIndex };

/**
 * One page of matches, whatever the query's selectivity:
 * - no term, or only short ones (1–2 characters): the name index, in name order
 *   (a prefix range for short terms);
 * - up to SORTED_LIMIT matches: the trigram index finds them all, sorted by name in memory;
 * - more ("ltda", "silva"): in trigram-index order, newest first, which stops as soon
 *   as a page is full. Sorting them all by name would cost time proportional to the
 *   matches (seconds at a million persons) for a list nobody reads past page one.
 */
export async function searchPage(db: Executor, dialect: Dialect, f: SearchFilter, q: PageQuery): Promise<SearchPage> {
  const long = q.terms.filter((t) => t.length >= 3);
  const short = q.terms.filter((t) => t.length < 3);
  const after = q.after;
  if (!long.length) {
    const prefix = short.join(" ");
    let query = db
      .selectFrom("persons as p")
      .select(summaryColumns)
      .where((eb) => visibility(eb, f));
    if (prefix) query = query.where("p.sort_name", ">=", prefix).where("p.sort_name", "<", `${prefix}\uffff`);
    if (q.excludeIds.length) query = query.where("p.id", "not in", q.excludeIds);
    if (after?.mode === "name") {
      query = query.where((eb) =>
        eb.or([
          eb("p.sort_name", ">", after.name),
          eb.and([eb("p.sort_name", "=", after.name), eb("p.id", ">", after.id)]),
        ]),
      );
    }
    const rows = (await query.orderBy("p.sort_name").orderBy("p.id").limit(q.limit).execute()) as SummaryRow[];
    return { rows, mode: "name" };
  }

  // Words when every term has a letter (names, e-mails); trigrams for digits and
  // for substrings inside a word, tried when words find nothing.
  const wordy = q.terms.every((t) => /\p{L}/u.test(t));
  const words = wordy && after?.index !== "trigrams" ? await wordsMatch(db, dialect, q.terms, q.expansions) : null;
  if (after?.index) return pageFrom(db, dialect, f, q, after.index, words);
  // words null: some piece starts no word the index holds, so only trigrams can find it.
  if (words) {
    const page = await pageFrom(db, dialect, f, q, "words", words);
    if (page.rows.length || !long.length) return page;
  }
  return pageFrom(db, dialect, f, q, "trigrams", null);
}

async function pageFrom(
  db: Executor,
  dialect: Dialect,
  f: SearchFilter,
  q: PageQuery,
  index: SearchIndex,
  words: WordsMatch | null,
): Promise<SearchPage> {
  const after = q.after;
  if (after?.mode !== "recent") {
    const candidates = await indexedQuery(db, dialect, f, q, index, words)
      .select(["p.id", "p.sort_name"])
      .limit(SORTED_LIMIT + 1)
      .execute();
    if (candidates.length <= SORTED_LIMIT) {
      const page = candidates
        .filter((c) => after?.mode !== "name" || byNameThenId(c, { sort_name: after.name, id: after.id }) > 0)
        .sort(byNameThenId)
        .slice(0, q.limit);
      return {
        rows: await summariesByIds(
          db,
          page.map((c) => c.id),
        ),
        mode: "name",
        index,
      };
    }
  }
  // On SQLite order by FTS5's own rowid, which it walks backwards natively; by p.id it would sort every match.
  const idRef = dialect === "sqlite" ? sql<number>`f.rowid` : sql<number>`p.id`;
  let recent = indexedQuery(db, dialect, f, q, index, words).select("p.id");
  if (after?.mode === "recent") recent = recent.where(idRef, "<", after.id);
  const ids = await recent.orderBy(idRef, "desc").limit(q.limit).execute();
  return {
    rows: await summariesByIds(
      db,
      ids.map((r) => r.id),
    ),
    mode: "recent",
    index,
  };
}

// ——— corrected matches (typo tolerance) ———

/**
 * One typed word of the corrected search: matched as these prefixes (the typed word itself when
 * the vocabulary has too many words starting with it) or as one of these exact words.
 */
export type WordAlternatives = { prefixes: string[]; words: string[] };

/** A candidate with what the result list shows, and what its ranking needs. */
export type CorrectedCandidate = SummaryRow & { search_text: string; updated_at: string };

/**
 * The newest `limit` persons whose words match every group (the typed word as a prefix, or one of
 * its corrections), through the word index in id order, which stops as soon as `limit` are found.
 * FTS5 prefixes are cut to the indexed length, so the service rechecks the rows.
 */
export async function correctedCandidates(
  db: Executor,
  dialect: Dialect,
  f: SearchFilter,
  groups: WordAlternatives[],
  excludeIds: number[],
  limit: number,
): Promise<CorrectedCandidate[]> {
  // The summary in the same query: one round trip less on the path that runs after two others.
  const columns = (eb: PersonsEb) => [...summaryColumns(eb), "p.search_text", "p.updated_at"] as const;
  if (dialect === "sqlite") {
    const match = groups.map((g) => ftsAlternatives(g.prefixes, g.words)).join(" AND ");
    let query = db
      .selectFrom(sql<{ rowid: number }>`persons_words`.as("f"))
      .innerJoin("persons as p", (join) => join.on(sql<boolean>`p.id = f.rowid`))
      .select((eb) => columns(eb as unknown as PersonsEb))
      .where(sql<boolean>`persons_words match ${match}`)
      .where((eb) => visibility(eb as unknown as PersonsEb, f));
    if (excludeIds.length) query = query.where("p.id", "not in", excludeIds);
    return (await query.orderBy(sql`f.rowid`, "desc").limit(limit).execute()) as CorrectedCandidate[];
  }
  const tsquery = groups.map((g) => tsAlternatives(g.prefixes, g.words)).join(" & ");
  let query = db
    .selectFrom("persons as p")
    .select(columns)
    .where(sql<boolean>`p.name_words @@ to_tsquery('simple', ${tsquery})`)
    .where((eb) => visibility(eb, f));
  if (excludeIds.length) query = query.where("p.id", "not in", excludeIds);
  return (await query.orderBy("p.id", "desc").limit(limit).execute()) as CorrectedCandidate[];
}
