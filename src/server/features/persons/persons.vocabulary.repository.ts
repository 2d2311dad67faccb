import type { Executor } from "../../db/types.ts";

/**
 * The SQL of the quick search's vocabulary: the distinct name and short-name words of the persons
 * and their symmetric-delete index, both kept by triggers (migration 0014-search-vocabulary).
 */

/** The word right after every word that starts with `prefix` (a–z only), in byte order. */
const prefixEnd = (prefix: string) =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/**
 * The vocabulary words that start with `prefix` (a–z only), in order, at most `max + 1`: one more
 * than asked tells the caller there are too many to list.
 */
export async function wordsWithPrefix(db: Executor, prefix: string, max: number): Promise<string[]> {
  const rows = await db
    .selectFrom("search_words")
    .select("word")
    .where("word", ">=", prefix)
    .where("word", "<", prefixEnd(prefix))
    .orderBy("word")
    .limit(max + 1)
    .execute();
  return rows.map((r) => r.word);
}

/** The vocabulary words sharing one of these variants (typed words' deletions), by variant: the candidates. */
export async function wordsByVariants(db: Executor, variants: string[]): Promise<{ variant: string; word: string }[]> {
  if (!variants.length) return [];
  return db.selectFrom("search_word_variants").select(["variant", "word"]).where("variant", "in", variants).execute();
}
