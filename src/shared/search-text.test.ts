import { describe, expect, it } from "vitest";
import {
  buildPersonSearchText,
  exactSearchKeys,
  NAME_PARTICLES,
  normalizeSearchQuery,
  normalizeSearchText,
  searchTerms,
} from "./search-text.ts";

/** What the repository does with FTS5 trigram / pg_trgm: every term is a substring (AND). */
function finds(searchText: string, query: string): boolean {
  const terms = searchTerms(query);
  return terms.length > 0 && terms.every((term) => searchText.includes(term));
}

describe("normalizeSearchText", () => {
  it.each([
    ["João", "joao"],
    ["Conceição", "conceicao"],
    ["ç", "c"],
    ["ÁÉÍÓÚ âêô ãõ à ü", "aeiou aeo ao a u"],
    ["  MARIA   da\tSilva\n ", "maria da silva"],
    ["D'Ávila", "davila"],
    ["D’Ávila", "davila"],
    ["Souza & Filhos (ME)", "souza filhos me"],
    ["joao.silva+crm@exemplo.com.br", "joao.silva+crm@exemplo.com.br"],
    ["Ana-Maria", "ana-maria"],
    ["Muñoz Strauß", "munoz strauss"],
    ["Rua 1ª, nº 12", "rua 1a no 12"],
    ["ＡＢＣ１２３", "abc123"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeSearchText(input)).toBe(expected);
  });

  it("is idempotent", () => {
    const once = normalizeSearchText("Maria d'Ávila da Conceição <maria@ex.com>");
    expect(normalizeSearchText(once)).toBe(once);
  });
});

describe("normalizeSearchQuery", () => {
  it.each([
    ["529.982.247-25", "52998224725"],
    ["(11) 91234-5678", "11912345678"],
    ["+55 11 91234-5678", "5511912345678"],
    ["01310-100", "01310100"],
    ["11.222.333/0001-81", "11222333000181"],
    ["000042", "000042"],
    ["12.ABC.345/01DE-35", "12abc34501de35"],
    ["12.ABC", "12abc"],
    ["João da Silva", "joao da silva"],
    ["jo.ana", "jo.ana"],
    ["Maria 2", "maria 2"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeSearchQuery(input)).toBe(expected);
  });
});

describe("searchTerms", () => {
  it("drops particles so names are found by their significant parts", () => {
    expect(searchTerms("Maria da Silva de Souza")).toEqual(["maria", "silva", "souza"]);
    expect(searchTerms("silva souza")).toEqual(["silva", "souza"]);
    expect(searchTerms("Silva dos Santos e Souza")).toEqual(["silva", "santos", "souza"]);
    expect([...NAME_PARTICLES].sort()).toEqual(["da", "das", "de", "do", "dos", "e"]);
  });

  it("keeps particles when the query has nothing else", () => {
    expect(searchTerms("de")).toEqual(["de"]);
    expect(searchTerms("da DOS")).toEqual(["da", "dos"]);
  });

  it("drops initials unless they are all there is", () => {
    expect(searchTerms("J Silva")).toEqual(["silva"]);
    expect(searchTerms("j")).toEqual(["j"]);
    expect(searchTerms("Li Wei")).toEqual(["li", "wei"]);
  });

  it("removes duplicates and terms implied by longer ones", () => {
    expect(searchTerms("silva SILVA Sílva")).toEqual(["silva"]);
    expect(searchTerms("silva silvana")).toEqual(["silvana"]);
  });

  it("keeps a document or phone query as one term", () => {
    expect(searchTerms("529.982.247-25")).toEqual(["52998224725"]);
    expect(searchTerms("(11) 91234-5678")).toEqual(["11912345678"]);
  });

  it("caps the number of terms and handles empty queries", () => {
    expect(searchTerms("aa bb cc dd ee ff gg hh ii jj")).toHaveLength(8);
    expect(searchTerms("")).toEqual([]);
    expect(searchTerms("  ,;  ")).toEqual([]);
  });
});

describe("buildPersonSearchText", () => {
  const maria = buildPersonSearchText({
    code: 42,
    name: "Maria da Silva de Souza",
    shortName: "Mariazinha",
    document: "529.982.247-25",
    emails: ["Maria.Souza@Exemplo.com.br"],
    phones: ["5511912345678", "551134567890"],
  });

  it("writes one normalized line with every searchable field", () => {
    expect(maria).toBe(
      "maria da silva de souza mariazinha 42 000042 52998224725 maria.souza@exemplo.com.br 5511912345678 551134567890",
    );
  });

  it.each([
    "silva souza",
    "maria souza",
    "SOUZA",
    "Maria da Silva de Souza",
    "mariazinha",
    "529.982.247-25",
    "52998224725",
    "529982",
    "000042",
    "42",
    "(11) 91234-5678",
    "91234-5678",
    "+55 11 91234-5678",
    "(11) 3456-7890",
    "maria.souza@",
    "EXEMPLO.COM",
  ])("finds Maria by %j", (query) => {
    expect(finds(maria, query)).toBe(true);
  });

  it.each(["silva pereira", "joao", "123.456.789-09", "(21) 91234-5678", "000043"])(
    "does not find Maria by %j",
    (query) => {
      expect(finds(maria, query)).toBe(false);
    },
  );

  it("ignores accents and case both ways", () => {
    const joao = buildPersonSearchText({ code: 7, name: "João Conceição", document: null });
    expect(joao).toBe("joao conceicao 7 000007");
    expect(finds(joao, "joao conceicao")).toBe(true);
    expect(finds(joao, "JOÃO")).toBe(true);
    expect(finds(joao, "conceiçao")).toBe(true);
  });

  it("finds an alphanumeric CNPJ typed with or without the mask", () => {
    const company = buildPersonSearchText({ code: "000123", name: "ABC Ltda.", document: "12.ABC.345/01DE-35" });
    expect(company).toBe("abc ltda. 123 000123 12abc34501de35");
    expect(finds(company, "12.abc.345/01de-35")).toBe(true);
    expect(finds(company, "12ABC345")).toBe(true);
    expect(finds(company, "12.ABC.3")).toBe(true);
  });

  it("finds hyphenated and apostrophe names however they are typed", () => {
    const ana = buildPersonSearchText({ name: "Ana-Maria D'Ávila" });
    expect(finds(ana, "ana maria")).toBe(true);
    expect(finds(ana, "ana-maria")).toBe(true);
    expect(finds(ana, "davila")).toBe(true);
    expect(finds(ana, "D’Ávila")).toBe(true);
  });

  it("keeps an unparseable legacy document searchable, and skips empty fields", () => {
    expect(buildPersonSearchText({ name: "X", document: "RG 12.345.678-9", emails: [null, ""], phones: [] })).toBe(
      "x rg123456789",
    );
    expect(buildPersonSearchText({})).toBe("");
  });
});

describe("exactSearchKeys", () => {
  it("recognizes a code and a valid document", () => {
    expect(exactSearchKeys("000042")).toEqual({ code: 42, document: null });
    expect(exactSearchKeys("42")).toEqual({ code: 42, document: null });
    expect(exactSearchKeys("529.982.247-25")).toEqual({ code: null, document: "52998224725" });
    expect(exactSearchKeys("12.abc.345/01de-35")).toEqual({ code: null, document: "12ABC34501DE35" });
  });

  it("recognizes nothing in names, zero or invalid documents", () => {
    expect(exactSearchKeys("joao")).toEqual({ code: null, document: null });
    expect(exactSearchKeys("0")).toEqual({ code: null, document: null });
    expect(exactSearchKeys("123.456.789-00")).toEqual({ code: null, document: null });
  });
});
