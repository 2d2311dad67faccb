import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
  cnpjProblem,
  cnpjRoot,
  cpfProblem,
  documentProblem,
  formatCep,
  formatCnpj,
  formatCpf,
  formatDocument,
  formatIsoDate,
  formatMoney,
  formatPeriod,
  formatPhone,
  generateCnpj,
  generateCpf,
  isUf,
  isValidCep,
  isValidCnpj,
  isValidCpf,
  isValidDocument,
  isValidIsoDate,
  isValidPeriod,
  isValidPhone,
  normalizeCep,
  normalizeCnpj,
  normalizeCpf,
  normalizeDocument,
  normalizePhone,
  parseBrDate,
  parseMoneyToCents,
  phoneKind,
  phoneTelUri,
  todayIsoDate,
  UF_NAMES,
  UFS,
  zCep,
  zCnpj,
  zCpf,
  zDocument,
  zIsoDate,
  zPeriod,
  zPhone,
  zUf,
} from "./brazil.ts";

/** mulberry32: a tiny seeded PRNG, so generator tests are reproducible. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first issue message of a failed parse, to compare the pt-BR wording. */
function firstMessage(schema: z.ZodType, input: unknown): string | undefined {
  const result = schema.safeParse(input);
  return result.success ? undefined : result.error.issues[0]?.message;
}

const NBSP = "\u00a0";

describe("CPF", () => {
  it.each(["529.982.247-25", "123.456.789-09", "52998224725", "12345678909", " 529 982 247 25 "])(
    "accepts %j",
    (cpf) => {
      expect(isValidCpf(cpf)).toBe(true);
      expect(cpfProblem(cpf)).toBeNull();
    },
  );

  it("rejects eleven equal digits although they pass the arithmetic", () => {
    expect(isValidCpf("111.111.111-11")).toBe(false);
    expect(cpfProblem("111.111.111-11")).toBe("CPF inválido: todos os dígitos são iguais");
    expect(isValidCpf("00000000000")).toBe(false);
  });

  it("rejects wrong check digits", () => {
    expect(isValidCpf("123.456.789-00")).toBe(false);
    expect(cpfProblem("123.456.789-00")).toBe("CPF inválido: dígitos verificadores não conferem");
  });

  it("accepts exactly one pair of check digits for a base", () => {
    const valid = Array.from({ length: 100 }, (_, i) => `529982247${String(i).padStart(2, "0")}`).filter(isValidCpf);
    expect(valid).toEqual(["52998224725"]);
  });

  it("names the problem: letters, length", () => {
    expect(cpfProblem("529.982.247-2A")).toBe("CPF inválido: use apenas números");
    expect(cpfProblem("529.982.247-2")).toBe("CPF inválido: deve ter 11 dígitos (informados: 10)");
    expect(cpfProblem("")).toBe("CPF inválido: deve ter 11 dígitos (informados: 0)");
  });

  it("normalizes without losing leading zeros and keeps stray letters so they fail", () => {
    expect(normalizeCpf("012.345.678-90")).toBe("01234567890");
    expect(normalizeCpf("CPF 529.982.247-25")).toBe("CPF52998224725");
    expect(isValidCpf("CPF 529.982.247-25")).toBe(false);
  });

  it("formats 11 digits and leaves anything else as it was", () => {
    expect(formatCpf("52998224725")).toBe("529.982.247-25");
    expect(formatCpf("529.982.247-25")).toBe("529.982.247-25");
    expect(formatCpf("01234567890")).toBe("012.345.678-90");
    expect(formatCpf("5299822472")).toBe("5299822472");
  });
});

describe("CNPJ", () => {
  it.each(["11.222.333/0001-81", "00.000.000/0001-91", "12.ABC.345/01DE-35", "11222333000181", "12abc34501de35"])(
    "accepts %j",
    (cnpj) => {
      expect(isValidCnpj(cnpj)).toBe(true);
      expect(cnpjProblem(cnpj)).toBeNull();
    },
  );

  it("rejects the invalid vectors with the reason", () => {
    expect(isValidCnpj("00.000.000/0000-00")).toBe(false);
    expect(cnpjProblem("00.000.000/0000-00")).toBe("CNPJ inválido: todos os caracteres são iguais");
    expect(isValidCnpj("12.ABC.345/01DE-36")).toBe(false);
    expect(cnpjProblem("12.ABC.345/01DE-36")).toBe("CNPJ inválido: dígitos verificadores não conferem");
    expect(isValidCnpj("11.222.333/0001-82")).toBe(false);
  });

  it("uses ASCII − 48 for letters (not ASCII − 55): the official example only works that way", () => {
    // Under the "− 7" variant 'A' would be 10 and this CNPJ would need other check digits.
    expect(isValidCnpj("12ABC34501DE35")).toBe(true);
    const valid = Array.from({ length: 100 }, (_, i) => `12ABC34501DE${String(i).padStart(2, "0")}`).filter(
      isValidCnpj,
    );
    expect(valid).toEqual(["12ABC34501DE35"]);
  });

  it("requires numeric check digits, 14 characters and no symbols", () => {
    expect(cnpjProblem("12ABC34501DEA5")).toBe("CNPJ inválido: os dois últimos caracteres devem ser números");
    expect(cnpjProblem("11.222.333/0001-8")).toBe("CNPJ inválido: deve ter 14 caracteres (informados: 13)");
    expect(cnpjProblem("11.222.333/0001-8#")).toBe("CNPJ inválido: use apenas números e letras");
  });

  it("normalizes to upper case without the mask", () => {
    expect(normalizeCnpj(" 12.abc.345/01de-35 ")).toBe("12ABC34501DE35");
  });

  it("formats numeric and alphanumeric CNPJs", () => {
    expect(formatCnpj("11222333000181")).toBe("11.222.333/0001-81");
    expect(formatCnpj("12abc34501de35")).toBe("12.ABC.345/01DE-35");
    expect(formatCnpj("1122233300018")).toBe("1122233300018");
  });

  it("gives the raiz (first 8 characters) that groups branches", () => {
    expect(cnpjRoot("11.222.333/0001-81")).toBe("11222333");
    expect(cnpjRoot("12.abc.345/01DE-35")).toBe("12ABC345");
  });
});

describe("document (CPF or CNPJ)", () => {
  it("classifies by shape", () => {
    expect(normalizeDocument("529.982.247-25")).toEqual({ kind: "cpf", value: "52998224725" });
    expect(normalizeDocument("11.222.333/0001-81")).toEqual({ kind: "cnpj", value: "11222333000181" });
    expect(normalizeDocument("12.abc.345/01de-35")).toEqual({ kind: "cnpj", value: "12ABC34501DE35" });
    // Shape only: wrong check digits still classify; isValidDocument judges.
    expect(normalizeDocument("123.456.789-00")).toEqual({ kind: "cpf", value: "12345678900" });
  });

  it("returns null for anything that is neither", () => {
    expect(normalizeDocument("")).toBeNull();
    expect(normalizeDocument("191")).toBeNull();
    expect(normalizeDocument("5299822472A")).toBeNull();
    expect(normalizeDocument("123456789012")).toBeNull();
    expect(normalizeDocument("12ABC34501DEAB")).toBeNull();
  });

  it("validates with the rule of its kind", () => {
    expect(isValidDocument("529.982.247-25")).toBe(true);
    expect(isValidDocument("12.ABC.345/01DE-35")).toBe(true);
    expect(isValidDocument("123.456.789-00")).toBe(false);
    expect(isValidDocument("12.ABC.345/01DE-36")).toBe(false);
    expect(documentProblem("123.456.789-00")).toBe("CPF inválido: dígitos verificadores não conferem");
    expect(documentProblem("12.ABC.345/01DE-36")).toBe("CNPJ inválido: dígitos verificadores não conferem");
    expect(documentProblem("1234")).toBe("CPF/CNPJ inválido: informe 11 dígitos (CPF) ou 14 caracteres (CNPJ)");
  });

  it("formats by length", () => {
    expect(formatDocument("52998224725")).toBe("529.982.247-25");
    expect(formatDocument("12ABC34501DE35")).toBe("12.ABC.345/01DE-35");
    expect(formatDocument("1234")).toBe("1234");
  });
});

describe("generators", () => {
  it("generate 1000 valid, distinct CPFs, the same ones for the same seed", () => {
    const rand = seeded(20260710);
    const cpfs = Array.from({ length: 1000 }, () => generateCpf(rand));
    expect(cpfs.every((cpf) => /^\d{11}$/.test(cpf) && isValidCpf(cpf))).toBe(true);
    expect(new Set(cpfs).size).toBe(1000);
    const again = seeded(20260710);
    expect(Array.from({ length: 1000 }, () => generateCpf(again))).toEqual(cpfs);
    const other = seeded(1);
    expect(generateCpf(other)).not.toBe(cpfs[0]);
  });

  it("generate 1000 valid, distinct numeric CNPJs", () => {
    const rand = seeded(42);
    const cnpjs = Array.from({ length: 1000 }, () => generateCnpj(rand));
    expect(cnpjs.every((cnpj) => /^\d{14}$/.test(cnpj) && isValidCnpj(cnpj))).toBe(true);
    expect(new Set(cnpjs).size).toBe(1000);
    const again = seeded(42);
    expect(Array.from({ length: 1000 }, () => generateCnpj(again))).toEqual(cnpjs);
  });

  it("generate 1000 valid, distinct alphanumeric CNPJs, each with a letter", () => {
    const rand = seeded(7);
    const cnpjs = Array.from({ length: 1000 }, () => generateCnpj(rand, { alphanumeric: true }));
    expect(cnpjs.every((cnpj) => /^[0-9A-Z]{12}\d{2}$/.test(cnpj) && isValidCnpj(cnpj))).toBe(true);
    expect(cnpjs.every((cnpj) => /[A-Z]/.test(cnpj))).toBe(true);
    expect(new Set(cnpjs).size).toBe(1000);
  });

  it("terminate with a valid document even for a constant rand", () => {
    for (const value of [0, 0.5, 0.999999, 1]) {
      expect(isValidCpf(generateCpf(() => value))).toBe(true);
      expect(isValidCnpj(generateCnpj(() => value))).toBe(true);
      expect(isValidCnpj(generateCnpj(() => value, { alphanumeric: true }))).toBe(true);
    }
  });
});

describe("CEP", () => {
  it("normalizes, validates and formats", () => {
    expect(normalizeCep("01310-100")).toBe("01310100");
    expect(normalizeCep("01.310-100")).toBe("01310100");
    expect(isValidCep("01310-100")).toBe(true);
    expect(isValidCep("01310100")).toBe(true);
    expect(formatCep("01310100")).toBe("01310-100");
  });

  it("rejects wrong lengths, letters and the all-zero placeholder", () => {
    expect(isValidCep("0131010")).toBe(false);
    expect(isValidCep("013101000")).toBe(false);
    expect(isValidCep("01310-10A")).toBe(false);
    expect(isValidCep("00000-000")).toBe(false);
    expect(formatCep("0131010")).toBe("0131010");
  });
});

describe("UF", () => {
  const listed = "AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE TO".split(" ");

  it("has exactly the 27 codes", () => {
    expect(UFS).toHaveLength(27);
    expect([...UFS].sort()).toEqual([...listed].sort());
    expect(Object.keys(UF_NAMES).sort()).toEqual([...listed].sort());
    expect(UF_NAMES.SP).toBe("São Paulo");
  });

  it("isUf accepts stored codes only", () => {
    expect(listed.every(isUf)).toBe(true);
    expect(isUf("sp")).toBe(false);
    expect(isUf("XX")).toBe(false);
    expect(isUf("")).toBe(false);
  });
});

describe("phones", () => {
  it.each([
    ["+55 (11) 91234-5678", "5511912345678"],
    ["(11) 91234-5678", "5511912345678"],
    ["11912345678", "5511912345678"],
    ["5511912345678", "5511912345678"],
    ["+5511912345678", "5511912345678"],
    ["0055 11 91234 5678", "5511912345678"],
    ["011 91234-5678", "5511912345678"],
    ["0xx11 91234-5678", "5511912345678"],
    ["(0XX11) 3456-7890", "551134567890"],
    ["0 15 11 91234-5678", "5511912345678"],
    ["(11) 3456-7890", "551134567890"],
    ["11.3456.7890", "551134567890"],
    ["+55 21 2345 6789", "552123456789"],
    ["55 3222-1234", "555532221234"],
    ["0800 123 4567", "08001234567"],
    ["0800-123-4567", "08001234567"],
    ["0300 789 0000", "03007890000"],
    ["+55 800 123 4567", "08001234567"],
    ["4004-1234", "40041234"],
    ["3003 1234", "30031234"],
    ["4020-0185", "40200185"],
    ["+55 4004-1234", "40041234"],
  ])("normalizes %j to %j", (input, stored) => {
    expect(normalizePhone(input)).toBe(stored);
    expect(isValidPhone(input)).toBe(true);
  });

  it.each([
    "",
    "1234",
    "(11) 8123-4567", // old 8-digit mobile: not silently migrated
    "(11) 1234-5678", // landlines start with 2–5
    "(10) 91234-5678", // no DDD has a 0
    "(01) 91234-5678",
    "(11) 81234-5678", // 9 digits must start with 9
    "+1 212 555 0100", // foreign
    "0044 20 7946 0000",
    "3456-7890", // a landline without DDD
    "0800 123 456",
    "(11) 91234-5678 ramal 12",
    "11 9123a-5678",
  ])("rejects %j", (input) => {
    expect(normalizePhone(input)).toBeNull();
    expect(isValidPhone(input)).toBe(false);
  });

  it("keeps stored forms stable when normalized again", () => {
    for (const stored of ["5511912345678", "551134567890", "08001234567", "40041234", "555532221234"]) {
      expect(normalizePhone(stored)).toBe(stored);
    }
  });

  it("formats every stored kind", () => {
    expect(formatPhone("5511912345678")).toBe("(11) 91234-5678");
    expect(formatPhone("551134567890")).toBe("(11) 3456-7890");
    expect(formatPhone("08001234567")).toBe("0800 123 4567");
    expect(formatPhone("40041234")).toBe("4004-1234");
    expect(formatPhone("12345")).toBe("12345");
  });

  it("knows the kind and the tel: link", () => {
    expect(phoneKind("5511912345678")).toBe("mobile");
    expect(phoneKind("551134567890")).toBe("landline");
    expect(phoneKind("08001234567")).toBe("non-geographic");
    expect(phoneKind("40041234")).toBe("capital");
    expect(phoneKind("(11) 91234-5678")).toBeNull();
    expect(phoneTelUri("5511912345678")).toBe("tel:+5511912345678");
    expect(phoneTelUri("08001234567")).toBe("tel:08001234567");
    expect(phoneTelUri("nope")).toBeNull();
  });
});

describe("money", () => {
  it("formats cents with Intl pt-BR and the non-breaking space after R$", () => {
    expect(formatMoney(123456)).toBe(`R$${NBSP}1.234,56`);
    expect(formatMoney(123456789)).toBe(`R$${NBSP}1.234.567,89`);
    expect(formatMoney(0)).toBe(`R$${NBSP}0,00`);
    expect(formatMoney(5)).toBe(`R$${NBSP}0,05`);
    expect(formatMoney(-123456)).toBe(`-R$${NBSP}1.234,56`);
    expect(formatMoney(123456)).not.toBe("R$ 1.234,56");
  });

  it("is exact at the largest safe amount (no cents / 100 float)", () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER)).toBe(`R$${NBSP}90.071.992.547.409,91`);
  });

  it("refuses non-integer cents", () => {
    expect(() => formatMoney(12.5)).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN)).toThrow(RangeError);
  });

  it.each([
    ["1.234,56", 123456],
    ["R$ 1.234,56", 123456],
    [`R$${NBSP}1.234,56`, 123456],
    ["1234,56", 123456],
    ["1234,5", 123450],
    ["0,05", 5],
    ["1234", 123400],
    ["1.234", 123400],
    ["1.234.567,89", 123456789],
    ["1234.56", 123456],
    ["10.5", 1050],
    ["-1.234,56", -123456],
    ["-R$ 1.234,56", -123456],
    [`-R$${NBSP}1.234,56`, -123456],
    ["R$ -10,00", -1000],
    ["-0,00", 0],
  ])("parses %j to %i cents", (input, cents) => {
    expect(parseMoneyToCents(input)).toBe(cents);
  });

  it.each([
    "",
    "R$",
    "abc",
    "1,234",
    "1,234.56",
    "12.34.56",
    "1.2345",
    "1234.567",
    "1.234,567",
    "--5",
    "-R$-5",
    "(5,00)",
    "1e3",
  ])("rejects %j", (input) => {
    expect(parseMoneyToCents(input)).toBeNull();
  });

  it("never returns -0 and refuses amounts beyond safe integers", () => {
    expect(Object.is(parseMoneyToCents("-0,00"), 0)).toBe(true);
    expect(parseMoneyToCents("999999999999999999,99")).toBeNull();
  });

  it("round-trips what it formats", () => {
    for (const cents of [0, 1, 99, 100, 123456, -987654321, 100000000000]) {
      expect(parseMoneyToCents(formatMoney(cents))).toBe(cents);
    }
  });
});

describe("calendar dates", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each([
    ["2026-07-10", true],
    ["2024-02-29", true],
    ["2000-02-29", true],
    ["2026-12-31", true],
    ["2026-02-30", false],
    ["2025-02-29", false],
    ["1900-02-29", false],
    ["2026-04-31", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-07-00", false],
    ["0000-01-01", false],
    ["2026-7-10", false],
    ["10/07/2026", false],
    ["2026-07-10T00:00:00Z", false],
  ])("isValidIsoDate(%j) is %s", (value, valid) => {
    expect(isValidIsoDate(value)).toBe(valid);
  });

  it("formats without shifting the day (the new Date() pitfall)", () => {
    // What the naive approach shows in São Paulo: midnight UTC is the previous evening there.
    const naive = new Intl.DateTimeFormat("pt-BR", { timeZone: "America/Sao_Paulo" }).format(new Date("2026-07-10"));
    expect(naive).toBe("09/07/2026");
    expect(formatIsoDate("2026-07-10")).toBe("10/07/2026");
    expect(formatIsoDate("2026-01-01")).toBe("01/01/2026");
  });

  it("formats by slicing text, without constructing any Date", () => {
    vi.stubGlobal(
      "Date",
      class {
        constructor() {
          throw new Error("Date must not be used to format a calendar date");
        }
      },
    );
    expect(formatIsoDate("2026-07-10")).toBe("10/07/2026");
    expect(formatPeriod("2026-07")).toBe("07/2026");
  });

  it("leaves invalid dates as they were", () => {
    expect(formatIsoDate("2026-02-30")).toBe("2026-02-30");
  });

  it("parses dd/mm/aaaa", () => {
    expect(parseBrDate("10/07/2026")).toBe("2026-07-10");
    expect(parseBrDate(" 1/7/2026 ")).toBe("2026-07-01");
    expect(parseBrDate("30/02/2026")).toBeNull();
    expect(parseBrDate("10/07/26")).toBeNull();
    expect(parseBrDate("2026-07-10")).toBeNull();
  });

  it("gives today's date in the company's zone, not UTC's", () => {
    expect(todayIsoDate(new Date("2026-07-10T02:59:59Z"))).toBe("2026-07-09");
    expect(todayIsoDate(new Date("2026-07-10T03:00:00Z"))).toBe("2026-07-10");
    expect(todayIsoDate(new Date("2026-07-10T03:30:00Z"), "America/Manaus")).toBe("2026-07-09");
    expect(todayIsoDate(new Date("2026-07-10T03:30:00Z"), "UTC")).toBe("2026-07-10");
  });
});

describe("competence periods", () => {
  it("validates YYYY-MM", () => {
    expect(isValidPeriod("2026-07")).toBe(true);
    expect(isValidPeriod("2026-12")).toBe(true);
    expect(isValidPeriod("2026-13")).toBe(false);
    expect(isValidPeriod("2026-00")).toBe(false);
    expect(isValidPeriod("2026-7")).toBe(false);
    expect(isValidPeriod("0000-07")).toBe(false);
    expect(isValidPeriod("07/2026")).toBe(false);
  });

  it("formats as MM/AAAA", () => {
    expect(formatPeriod("2026-07")).toBe("07/2026");
    expect(formatPeriod("2026-13")).toBe("2026-13");
  });
});

describe("zod helpers", () => {
  it("zCpf normalizes and names what is wrong in pt-BR", () => {
    expect(zCpf.parse("529.982.247-25")).toBe("52998224725");
    expect(firstMessage(zCpf, "123.456.789-00")).toBe("CPF inválido: dígitos verificadores não conferem");
    expect(firstMessage(zCpf, "111.111.111-11")).toBe("CPF inválido: todos os dígitos são iguais");
    expect(firstMessage(zCpf, "123")).toBe("CPF inválido: deve ter 11 dígitos (informados: 3)");
    expect(zCpf.safeParse(52998224725).success).toBe(false);
  });

  it("zCnpj normalizes to upper case", () => {
    expect(zCnpj.parse("12.abc.345/01de-35")).toBe("12ABC34501DE35");
    expect(firstMessage(zCnpj, "12.ABC.345/01DE-36")).toBe("CNPJ inválido: dígitos verificadores não conferem");
  });

  it("zDocument takes either and reports with the right name", () => {
    expect(zDocument.parse("529.982.247-25")).toBe("52998224725");
    expect(zDocument.parse("11.222.333/0001-81")).toBe("11222333000181");
    expect(firstMessage(zDocument, "123.456.789-00")).toBe("CPF inválido: dígitos verificadores não conferem");
    expect(firstMessage(zDocument, "00.000.000/0000-00")).toBe("CNPJ inválido: todos os caracteres são iguais");
    expect(firstMessage(zDocument, "12345")).toBe(
      "CPF/CNPJ inválido: informe 11 dígitos (CPF) ou 14 caracteres (CNPJ)",
    );
  });

  it("zCep, zUf, zPhone normalize to the stored form", () => {
    expect(zCep.parse("01310-100")).toBe("01310100");
    expect(firstMessage(zCep, "0131-010")).toBe("CEP inválido: informe 8 dígitos (ex.: 01310-100)");
    expect(zUf.parse(" sp ")).toBe("SP");
    expect(firstMessage(zUf, "XX")).toBe("UF inválida: use a sigla de um estado ou DF (ex.: SP)");
    expect(zPhone.parse("(11) 91234-5678")).toBe("5511912345678");
    expect(zPhone.parse("0800 123 4567")).toBe("08001234567");
    expect(firstMessage(zPhone, "(11) 8123-4567")).toMatch(/^Telefone inválido/);
  });

  it("zIsoDate and zPeriod reject impossible values", () => {
    expect(zIsoDate.parse("2024-02-29")).toBe("2024-02-29");
    expect(firstMessage(zIsoDate, "2026-02-30")).toMatch(/^Data inválida/);
    expect(zPeriod.parse("2026-07")).toBe("2026-07");
    expect(firstMessage(zPeriod, "2026-13")).toMatch(/^Competência inválida/);
  });

  it("report the field path inside an object", () => {
    const body = z.object({ document: zDocument, zip: zCep });
    const result = body.safeParse({ document: "529.982.247-25", zip: "123" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([["zip"]]);
  });

  it("stay plain strings for JSON Schema (OpenAPI) in both directions", () => {
    for (const schema of [zCpf, zCnpj, zDocument, zCep, zPhone, zIsoDate, zPeriod]) {
      expect(z.toJSONSchema(schema, { io: "input" })).toMatchObject({ type: "string" });
      expect(z.toJSONSchema(schema, { io: "output" })).toMatchObject({ type: "string" });
    }
  });
});
