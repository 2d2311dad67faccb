import { prng } from "../src/server/seed/names.ts";
import { normalizeSearchText } from "../src/shared/search-text.ts";

/**
 * The labelled queries of bench/search-quality.ts, made from the scale seed's names
 * (src/server/seed/names.ts) with a fixed seed, so every run asks the same ones.
 */

export type Kind =
  | "one typo"
  | "swapped letters"
  | "two typos"
  | "spelling variant"
  | "two words, one misspelled"
  | "document"
  | "code";

export type Labelled = {
  kind: Kind;
  q: string;
  /** Word queries: the words as spelled right; a result is relevant when its name has them all. */
  intended?: string[];
  /** Document and code queries: the digits typed; a result without them is a false match. */
  digits?: string;
};

const PARTICLES = new Set(["da", "de", "do", "das", "dos", "e"]);
const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: "sq",
  b: "vn",
  c: "xv",
  d: "sf",
  e: "wr",
  f: "dg",
  g: "fh",
  h: "gj",
  i: "uo",
  j: "hk",
  k: "jl",
  l: "kç",
  m: "n",
  n: "bm",
  o: "ip",
  p: "o",
  q: "wa",
  r: "et",
  s: "ad",
  t: "ry",
  u: "yi",
  v: "cb",
  w: "qe",
  x: "zc",
  y: "tu",
  z: "x",
};

/** The name words of a person, normalized, without particles. */
const wordsOf = (name: string) =>
  normalizeSearchText(name)
    .split(/[\s-]+/)
    .filter((w) => /^[a-z]+$/.test(w) && !PARTICLES.has(w));

/** Spelling variants a Brazilian might write (the rules the search folds), first that applies. */
const VARIANTS: [RegExp, string][] = [
  [/z/, "s"],
  [/(?<=[aeiou])s(?=[aeiou])/, "z"],
  [/^([aeiou])/, "h$1"],
  [/t/, "th"],
  [/i/, "y"],
  [/f/, "ph"],
  [/li(?=[aeiou])/, "lh"],
  [/ll/, "l"],
  [/(?<=[aeiou])([lmnrt])(?=[aeiou])/, "$1$1"],
  [/ss/, "s"],
  [/c(?=[aou])/, "ss"],
];

export function labelledSet(
  persons: { code: number; name: string; short_name: string | null; document: string | null }[],
  vocabulary: Set<string>,
): Labelled[] {
  const rand = prng(21);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)] as T;
  const vocab = [...vocabulary];
  // A typo is only a typo when the search cannot take it as a word or the start of one.
  const isTypo = (w: string) => w.length >= 4 && !vocab.some((v) => v.startsWith(w));
  const edit = (w: string): string => {
    const i = 1 + Math.floor(rand() * (w.length - 1));
    const c = w[i] as string;
    const r = rand();
    if (r < 0.4)
      return w.slice(0, i) + pick([...(KEYBOARD_NEIGHBOURS[c] ?? "e")].filter((x) => x !== "ç")) + w.slice(i + 1);
    if (r < 0.7) return w.slice(0, i) + w.slice(i + 1);
    return w.slice(0, i) + pick([...(KEYBOARD_NEIGHBOURS[c] ?? "e")].filter((x) => x !== "ç")) + w.slice(i);
  };
  const swap = (w: string): string => {
    const i = 1 + Math.floor(rand() * (w.length - 2));
    return w.slice(0, i) + (w[i + 1] as string) + (w[i] as string) + w.slice(i + 2);
  };
  const out: Labelled[] = [];
  const seen = new Set<string>();
  const add = (l: Labelled) => {
    if (seen.has(l.q)) return;
    seen.add(l.q);
    out.push(l);
  };
  const words = persons.flatMap((p) => wordsOf(`${p.name} ${p.short_name ?? ""}`));
  const wanted: [Kind, number, (w: string) => string | null, (w: string) => boolean][] = [
    ["one typo", 60, edit, (w) => w.length >= 4],
    ["swapped letters", 40, swap, (w) => w.length >= 4],
    ["two typos", 40, (w) => edit(edit(w)), (w) => w.length >= 8],
    [
      "spelling variant",
      40,
      (w) => {
        const rules = VARIANTS.filter(([re]) => re.test(w));
        return rules.length ? w.replace(...pick(rules)) : null;
      },
      (w) => w.length >= 4,
    ],
  ];
  for (const [kind, count, make, fits] of wanted) {
    let made = 0;
    for (let tries = 0; made < count && tries < count * 200; tries++) {
      const word = pick(words);
      if (!fits(word)) continue;
      const typed = make(word);
      if (!typed || typed === word || !isTypo(typed)) continue;
      if (kind === "two typos" && typed.length < 8) continue;
      const before = out.length;
      add({ kind, q: typed, intended: [word] });
      if (out.length > before) made++;
    }
  }
  // First name and a surname, one of them with one typo.
  for (let made = 0, tries = 0; made < 40 && tries < 8000; tries++) {
    const p = pick(persons);
    const w = wordsOf(p.name);
    if (w.length < 2) continue;
    const pair = [w[0] as string, w.at(-1) as string];
    const i = rand() < 0.5 ? 0 : 1;
    const typed = (rand() < 0.5 ? swap : edit)(pair[i] as string);
    if (typed === pair[i] || !isTypo(typed) || (pair[i] as string).length < 4) continue;
    const before = out.length;
    add({
      kind: "two words, one misspelled",
      q: pair.map((x, j) => (j === i ? typed : x)).join(" "),
      intended: pair,
    });
    if (out.length > before) made++;
  }
  // CPFs (masked and bare) and codes with one digit changed: nobody else's may come back.
  const digitTypo = (s: string) => {
    const i = Math.floor(rand() * s.length);
    return s.slice(0, i) + String((Number(s[i]) + 1 + Math.floor(rand() * 8)) % 10) + s.slice(i + 1);
  };
  const cpfs = persons.map((p) => p.document).filter((d): d is string => d !== null && /^\d{11}$/.test(d));
  for (let i = 0; i < 20 && cpfs.length; i++) {
    const typed = digitTypo(pick(cpfs));
    const masked = `${typed.slice(0, 3)}.${typed.slice(3, 6)}.${typed.slice(6, 9)}-${typed.slice(9)}`;
    add({ kind: "document", q: i % 2 ? masked : typed, digits: typed });
  }
  for (let i = 0; i < 20; i++) {
    const typed = digitTypo(String(pick(persons).code).padStart(6, "0"));
    add({ kind: "code", q: typed, digits: typed });
  }
  return out;
}

/** A result is relevant when every intended word starts one of its name or short-name words. */
