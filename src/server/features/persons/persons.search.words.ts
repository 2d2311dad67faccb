import type { Dialect, Executor } from "../../db/types.ts";
import { wordsWithPrefix } from "./persons.vocabulary.repository.ts";

/**
 * The word-index queries of the quick search, as FTS5 match strings (SQLite) and tsqueries on
 * persons.name_words (PostgreSQL). A typed piece is a word prefix; where scanning by prefix is
 * slow it becomes the vocabulary's name words that start with it, looked up exactly:
 * - FTS5 keeps prefix indexes up to INDEXED_PREFIX characters; a longer prefix would merge the list
 *   of every token that starts with it (e-mail tokens such as "nascimento123456" are one per person);
 * - a tsquery prefix (`joao:*`) makes GIN gather every row of every matching word before it can
 *   intersect (~7 ms for "joao" at a million persons), while exact words are intersected by skipping.
 */

/** Word pieces of a term as FTS5 and to_tsquery split them (letters and digits). */
export const wordTokens = (term: string) => term.split(/[^\p{L}\p{N}]+/u).filter((t) => t !== "");

/** The word index keeps prefixes of up to this many characters (FTS5 `prefix='1 2 3 4 5 6'`). */
export const INDEXED_PREFIX = 6;

/** A prefix standing for more vocabulary words than this is left to the index's prefix scan. */
const MAX_EXPANSION = 200;

/** What a piece stands for: these exact words, or (too many to list) the prefix itself. */
export type Expansion = { words: string[] } | { prefix: string };

/** Expansions already looked up in this request (the corrected search asks again for the same words). */
export type Expansions = Map<string, Expansion | null>;

/** The vocabulary words starting with an a–z piece of 2–30 letters; null when no name has one. */
export async function expandPrefix(db: Executor, piece: string, memo?: Expansions): Promise<Expansion | null> {
  const known = memo?.get(piece);
  if (known !== undefined) return known;
  const words = await wordsWithPrefix(db, piece, MAX_EXPANSION);
  const expansion = !words.length ? null : words.length > MAX_EXPANSION ? { prefix: piece } : { words };
  memo?.set(piece, expansion);
  return expansion;
}

const isVocabularyPiece = (piece: string) => /^[a-z]{2,30}$/.test(piece);

/** The filter of the word index, with the terms to check again with LIKE (SQLite). */
export type WordsMatch = { match: string; recheck: string[] };

/** FTS5 and tsquery spellings of one group of alternatives, ORed. */
export const ftsAlternatives = (prefixes: string[], words: string[]) =>
  `(${[...prefixes.map((p) => `"${p.slice(0, INDEXED_PREFIX)}"*`), ...words.map((w) => `"${w}"`)].join(" OR ")})`;
export const tsAlternatives = (prefixes: string[], words: string[]) =>
  `(${[...prefixes.map((p) => `${p}:*`), ...words].join(" | ")})`;

/**
 * Every piece of every term must start a word. null: some piece cannot (an a–z piece no name
 * starts with; on PostgreSQL, whose word index holds only name words, any piece with a digit or
 * a letter outside a–z), so only the trigram index can find the term.
 */
export async function wordsMatch(
  db: Executor,
  dialect: Dialect,
  terms: string[],
  memo?: Expansions,
): Promise<WordsMatch | null> {
  const parts: string[] = [];
  const recheck = new Set(dialect === "sqlite" ? terms.filter((t) => wordTokens(t).join(" ") !== t) : []);
  const alternatives = dialect === "sqlite" ? ftsAlternatives : tsAlternatives;
  for (const term of terms) {
    for (const piece of wordTokens(term)) {
      if (dialect === "sqlite" && piece.length <= INDEXED_PREFIX) {
        parts.push(alternatives([piece], []));
        continue;
      }
      if (!isVocabularyPiece(piece)) {
        if (dialect === "postgres" && piece.length > 1) return null;
        parts.push(alternatives([piece], []));
        if (piece.length > INDEXED_PREFIX) recheck.add(term);
        continue;
      }
      const expansion = await expandPrefix(db, piece, memo);
      if (!expansion) return null;
      if ("words" in expansion) parts.push(alternatives([], expansion.words));
      else {
        parts.push(alternatives([piece], []));
        if (dialect === "sqlite") recheck.add(term);
      }
    }
  }
  return { match: parts.join(dialect === "sqlite" ? " AND " : " & "), recheck: [...recheck] };
}

/** Every piece as a prefix (FTS5: cut to the indexed length and rechecked): a later page whose words left the vocabulary. */
export const prefixesOnly = (dialect: Dialect, terms: string[]): WordsMatch =>
  dialect === "sqlite"
    ? {
        match: terms
          .flatMap(wordTokens)
          .map((w) => ftsAlternatives([w], []))
          .join(" AND "),
        recheck: terms.filter((t) => wordTokens(t).join(" ") !== t || t.length > INDEXED_PREFIX),
      }
    : {
        match: terms
          .flatMap(wordTokens)
          .map((w) => tsAlternatives([w], []))
          .join(" & "),
        recheck: [],
      };
