import { describe, expect, it } from "vitest";
import {
  correctionCost,
  deletions,
  editDistance,
  indexedVariants,
  queryVariants,
  soundKey,
  typoBudget,
} from "./persons.search.typos.ts";

describe("typo rules", () => {
  it("counts a swap of neighbouring letters as one edit", () => {
    expect(editDistance("jaoo", "joao")).toBe(1);
    expect(editDistance("sivla", "silva")).toBe(1);
    expect(editDistance("silvq", "silva")).toBe(1);
    expect(editDistance("joao", "joao")).toBe(0);
    expect(editDistance("nascimneto", "nascimento")).toBe(1);
    expect(editDistance("abc", "cba")).toBe(2);
    expect(editDistance("kitten", "sitting")).toBe(3);
    // Stops past the bound it was given.
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });

  it("forgives nothing up to 3 letters, one edit up to 7, two from 8", () => {
    expect([3, 4, 7, 8, 12].map(typoBudget)).toEqual([0, 1, 1, 2, 2]);
    expect(correctionCost("silvq", "silva")).toBe(1);
    expect(correctionCost("slvq", "silva")).toBeNull(); // 2 edits in a 4-letter word
    expect(correctionCost("nacsimetno", "nascimento")).toBe(2);
    expect(correctionCost("nacsimetnu", "nascimento")).toBeNull(); // 3 edits
    expect(correctionCost("ama", "ana")).toBeNull(); // 3 letters: no typo forgiven
  });

  it("folds the Brazilian spelling variants into one sound key", () => {
    const same = [
      ["souza", "sousa"],
      ["luiz", "luis"],
      ["thiago", "tiago"],
      ["thyago", "tiago"],
      ["raphael", "rafael"],
      ["phelippe", "felipe"],
      ["ysabel", "isabel"],
      ["emilha", "emilia"],
      ["antonho", "antonio"],
      ["mattos", "matos"],
      ["helena", "elena"],
      ["gonssalves", "gonsalves"],
    ];
    for (const [a, b] of same) expect(soundKey(a as string), `${a} ~ ${b}`).toBe(soundKey(b as string));
    // "ch" is not a silent h.
    expect(soundKey("chico")).toBe("chico");
    expect(soundKey("carla")).not.toBe(soundKey("sarla"));
  });

  it("ranks a variant above one typo, and one typo above two", () => {
    const variant = correctionCost("sousa", "souza") as number;
    const oneTypo = correctionCost("souzq", "souza") as number;
    const twoTypos = correctionCost("nacsimetno", "nascimento") as number;
    expect(variant).toBe(0.5);
    expect(variant).toBeLessThan(oneTypo);
    expect(oneTypo).toBeLessThan(twoTypos);
    // Variants count however many edits apart they are spelled.
    expect(correctionCost("felipe", "phelippe")).toBe(0.5);
    expect(correctionCost("ana", "anna")).toBe(0.5);
    // ss/ç is one letter apart once doubles fold ("gonçalves" is "goncalves" in the search text).
    expect(correctionCost("gonssalves", "goncalves")).not.toBeNull();
  });

  it("keeps deletions of at least 3 letters, up to the count asked", () => {
    expect([...deletions("joao", 1)].sort()).toEqual(["jao", "joa", "joao", "joo", "oao"]);
    expect(deletions("ana", 1)).toEqual(new Set(["ana"]));
    expect(deletions("abcdefgh", 2).size).toBe(1 + 8 + 28);
  });

  it("finds every word within reach through a shared variant (the symmetric-delete property)", () => {
    const words = ["joao", "silva", "nascimento", "conceicao", "goncalves", "felipe", "phelippe", "ana", "anna"];
    const typos: [string, string][] = [
      ["jaoo", "joao"],
      ["sivla", "silva"],
      ["silvq", "silva"],
      ["nacsimetno", "nascimento"],
      ["nascimentoo", "nascimento"],
      ["nascimnto", "nascimento"],
      ["conseissao", "conceicao"],
      ["gonsalvez", "goncalves"],
      ["felipe", "phelippe"],
      ["phelippe", "felipe"],
      ["ana", "anna"],
    ];
    for (const [typed, word] of typos) {
      expect(words).toContain(word);
      const shared = [...queryVariants(typed)].filter((v) => indexedVariants(word).has(v));
      expect(shared.length, `${typed} → ${word}`).toBeGreaterThan(0);
      expect(correctionCost(typed, word), `${typed} → ${word}`).not.toBeNull();
    }
  });
});
