/**
 * The string rules of typo tolerance (README "Quick search"), pure so they are unit-tested alone.
 *
 * A typed word is compared with the vocabulary's words (the distinct name and short-name words of
 * every person, kept by triggers: migration 0014-search-vocabulary) two ways:
 * - spelled: Damerau-Levenshtein distance (optimal string alignment: a swap of two neighbouring
 *   letters is one edit), within 1 for words of 4–7 letters and 2 for 8 or more;
 * - by sound: the same distance between sound keys, which fold the Brazilian spelling variants
 *   (ph/f, th/t, lh/li, nh/ni, a silent h, y/i, z/s, doubled letters; ss/ç is one letter apart
 *   once doubles fold, as "ç" is already "c" in the search text), so "Thyago" and "Tiago" are
 *   the same word and "Phelippe" is found by "felipe" although four edits apart.
 *
 * Candidates come from a symmetric-delete index (every word and its sound key with up to 1 letter
 * deleted, 2 for 8+ letters): two words within distance d share a string obtained by deleting up
 * to d letters from each, so the typed word's deletions find them with one indexed lookup.
 * The SQL that fills that index in the migration applies exactly these rules; a test compares them.
 */

/**
 * Sound-key steps, in order, each a plain replace-all (as SQL `replace()` does, so the migration's
 * SQL gives the same keys): "ch" is set aside before the silent h goes, doubled letters last.
 */
export const SOUND_STEPS: readonly (readonly [string, string])[] = [
  ["ph", "f"],
  ["th", "t"],
  ["lh", "li"],
  ["nh", "ni"],
  ["ch", "#"],
  ["h", ""],
  ["#", "ch"],
  ["y", "i"],
  ["z", "s"],
  ..."abcdefghijklmnopqrstuvwxyz".split("").map((c) => [c + c, c] as const),
];

export function soundKey(word: string): string {
  let s = word;
  for (const [from, to] of SOUND_STEPS) s = s.replaceAll(from, to);
  return s;
}

/** A vocabulary word: letters a–z only, 2 to 30 of them (what the migration's triggers keep). */
export const isVocabularyWord = (w: string) => /^[a-z]{2,30}$/.test(w);

/** Edits forgiven in a typed word of this length: none up to 3 letters, 1 up to 7, 2 from 8. */
export const typoBudget = (length: number) => (length >= 8 ? 2 : length >= 4 ? 1 : 0);

/** Shorter pieces than this are not indexed: no typed word that is corrected deletes down to them. */
export const MIN_VARIANT = 3;

/** The word and every string made by deleting up to `upTo` letters (at least MIN_VARIANT long). */
export function deletions(word: string, upTo: number): Set<string> {
  const out = new Set<string>([word]);
  let layer = [word];
  for (let d = 0; d < upTo; d++) {
    const next: string[] = [];
    for (const w of layer) {
      for (let i = 0; i < w.length; i++) {
        const v = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    }
    layer = next;
  }
  for (const v of out) if (v.length < MIN_VARIANT) out.delete(v);
  return out;
}

/** What the index holds for one vocabulary word: its deletions and its sound key's (2 from 8 letters). */
export function indexedVariants(word: string): Set<string> {
  const sound = soundKey(word);
  const all = deletions(word, word.length >= 8 ? 2 : 1);
  for (const v of deletions(sound, sound.length >= 8 ? 2 : 1)) all.add(v);
  return all;
}

/** The lookups for one typed word: its deletions within its budget, and its sound key's. */
export function queryVariants(typed: string): Set<string> {
  const sound = soundKey(typed);
  const all = deletions(typed, typoBudget(typed.length));
  for (const v of deletions(sound, typoBudget(sound.length))) all.add(v);
  return all;
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), stopping past `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] as number;
}

/**
 * How far a vocabulary word is from a typed one, or null when it is not near enough: 0.5 for a
 * spelling variant (same sound key), else the edits (spelled or by sound, +0.5 for the latter), so
 * variants rank above one typo and one typo above two.
 */
export function correctionCost(typed: string, word: string): number | null {
  const typedSound = soundKey(typed);
  const wordSound = soundKey(word);
  if (typedSound === wordSound) return typed === word ? 0 : 0.5;
  const budget = typoBudget(typed.length);
  const soundBudget = typoBudget(typedSound.length);
  const spelled = editDistance(typed, word, budget);
  const bySound = editDistance(typedSound, wordSound, soundBudget);
  const costs: number[] = [];
  if (spelled <= budget) costs.push(spelled);
  if (bySound <= soundBudget) costs.push(bySound + 0.5);
  return costs.length ? Math.min(...costs) : null;
}
