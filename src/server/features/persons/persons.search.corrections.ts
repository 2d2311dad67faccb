import type { SearchCorrection } from "../../../shared/persons.schemas.ts";
import { normalizeSearchText } from "../../../shared/search-text.ts";
import type { Dialect, Executor } from "../../db/types.ts";
import type { SummaryRow } from "./persons.repository.ts";
import type { WordAlternatives } from "./persons.search.repository.ts";
import * as search from "./persons.search.repository.ts";
import { correctionCost, queryVariants } from "./persons.search.typos.ts";
import { type Expansions, expandPrefix } from "./persons.search.words.ts";
import * as vocabulary from "./persons.vocabulary.repository.ts";

/**
 * Typo tolerance, tried when the exact and prefix search found few persons (README "Quick search"):
 * each typed word is matched as a prefix or as a vocabulary word near it (persons.search.typos.ts);
 * a word in no name at all is left out when other words remain ("fewer words"). Only queries of
 * letters qualify: codes, CPF/CNPJ, e-mails and phones hold digits, "@" or "." and are never
 * corrected, so a typo in a CPF never finds another person's CPF.
 */

/** Corrections kept per typed word, the nearest first. */
const MAX_CORRECTIONS = 8;

/** Matches ranked at least (or a page, if longer): a common correction ("joao") has tens of thousands. */
const CANDIDATES = 50;

export type CorrectedPage = { rows: SummaryRow[]; corrections: Map<number, SearchCorrection[]> };

/** The typed words of a query that may be corrected, or null when some term is not made of letters. */
export function correctableWords(terms: string[]): string[] | null {
  if (!terms.length || !terms.every((t) => /^[a-z]+(?:-[a-z]+)*$/.test(t))) return null;
  return [...new Set(terms.flatMap((t) => t.split("-")))];
}

type WordPlan = { typed: string; corrections: Map<string, number>; prefix: WordAlternatives | null };

/** Each typed word's nearest vocabulary words (one lookup for all of them) and the words it starts. */
async function planWords(db: Executor, words: string[], memo: Expansions): Promise<WordPlan[]> {
  const variantsOf = new Map(
    words.map((typed) => [typed, typed.length >= 3 ? queryVariants(typed) : new Set<string>()]),
  );
  const rows = await vocabulary.wordsByVariants(db, [...new Set([...variantsOf.values()].flatMap((v) => [...v]))]);
  const plans: WordPlan[] = [];
  for (const typed of words) {
    const variants = variantsOf.get(typed) as Set<string>;
    const found = new Map<string, number>();
    for (const { variant, word } of rows) {
      // A word it starts is a prefix match already.
      if (!variants.has(variant) || found.has(word) || word.startsWith(typed)) continue;
      const cost = correctionCost(typed, word);
      if (cost !== null) found.set(word, cost);
    }
    const nearest = [...found].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_CORRECTIONS);
    // The words it starts, as the prefix search took them (exact words, or the prefix itself).
    const expansion = /^[a-z]{2,30}$/.test(typed) ? await expandPrefix(db, typed, memo) : { prefix: typed };
    const prefix = !expansion
      ? null
      : "words" in expansion
        ? { prefixes: [], words: expansion.words }
        : { prefixes: [typed], words: [] };
    plans.push({ typed, corrections: new Map(nearest), prefix });
  }
  return plans;
}

/** The word as the person's name or short name spells it ("joao" → "João"), else as indexed. */
function spelledAs(row: SummaryRow, word: string): string {
  for (const piece of `${row.name} ${row.short_name ?? ""}`.split(/[\s-]+/)) {
    if (normalizeSearchText(piece) === word) return piece.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  }
  return word;
}

type Scored = { row: search.CorrectedCandidate; corrected: { typed: string; word: string }[]; cost: number };

/** How a candidate matched each group: as typed (a prefix) or through its nearest correction. */
function score(c: search.CorrectedCandidate, plans: WordPlan[]): Scored | null {
  const words = c.search_text.split(/[^a-z]+/).filter(Boolean);
  const corrected: { typed: string; word: string }[] = [];
  let cost = 0;
  for (const plan of plans) {
    if (words.some((w) => w.startsWith(plan.typed))) continue;
    let best: [string, number] | null = null;
    for (const w of words) {
      const c2 = plan.corrections.get(w);
      if (c2 !== undefined && (!best || c2 < best[1])) best = [w, c2];
    }
    // FTS5 matched a prefix cut to its indexed length, but the whole typed word is not there.
    if (!best) return null;
    corrected.push({ typed: plan.typed, word: best[0] });
    cost += best[1];
  }
  return { row: c, corrected, cost };
}

/**
 * Ranked: fewer corrected words first, then nearer corrections, then the most recently changed
 * person, among the newest CANDIDATES matches (all of them, unless the correction is a common
 * word: then the newest, which the index yields first and cheaply).
 */
export async function correctedMatches(
  db: Executor,
  dialect: Dialect,
  filter: search.SearchFilter,
  words: string[],
  excludeIds: number[],
  limit: number,
  memo: Expansions = new Map(),
): Promise<CorrectedPage> {
  const empty: CorrectedPage = { rows: [], corrections: new Map() };
  const plans = await planWords(db, words, memo);
  const known = (p: WordPlan) => p.prefix !== null || p.corrections.size > 0;
  const kept = plans.filter(known);
  const left = plans.filter((p) => !known(p));
  // Nothing to correct, or nothing left: the prefix search already said all there is to say.
  if (!kept.length || (!left.length && kept.every((p) => !p.corrections.size))) return empty;
  const groups: WordAlternatives[] = kept.map((p) => ({
    prefixes: p.prefix?.prefixes ?? [],
    words: [...(p.prefix?.words ?? []), ...p.corrections.keys()],
  }));

  const candidates = await search.correctedCandidates(
    db,
    dialect,
    filter,
    groups,
    excludeIds,
    Math.max(CANDIDATES, limit),
  );
  const ranked = candidates
    .map((c) => score(c, kept))
    .filter((s): s is Scored => s !== null)
    .sort(
      (a, b) =>
        a.corrected.length - b.corrected.length ||
        a.cost - b.cost ||
        (a.row.updated_at < b.row.updated_at ? 1 : a.row.updated_at > b.row.updated_at ? -1 : b.row.id - a.row.id),
    )
    .slice(0, limit);
  const corrections = new Map<number, SearchCorrection[]>();
  for (const { row, corrected } of ranked) {
    corrections.set(row.id, [
      ...corrected.map((c) => ({ typed: c.typed, word: spelledAs(row, c.word) })),
      ...left.map((p) => ({ typed: p.typed, word: null })),
    ]);
  }
  const rows = ranked.map((r) => r.row);
  return { rows, corrections };
}
