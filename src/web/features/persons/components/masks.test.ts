import { describe, expect, it } from "vitest";
import { formatDocument, formatPhone } from "../../../../shared/brazil.ts";
import { formatStoredDocument } from "../../../app/document-mask.ts";
import { formatPersonCode, parsePersonCode } from "../../../app/paths.ts";
import { maskCep, maskDocument, maskPhone } from "./masks.ts";

describe("masks while typing", () => {
  it("CEP: 00000-000, digits only, 8 at most", () => {
    expect(maskCep("0131")).toBe("0131");
    expect(maskCep("013101")).toBe("01310-1");
    expect(maskCep("01310100")).toBe("01310-100");
    expect(maskCep("01.310-1009")).toBe("01310-100");
  });

  it("CPF for Física, digits only", () => {
    expect(maskDocument("529", "individual")).toBe("529");
    expect(maskDocument("5299", "individual")).toBe("529.9");
    expect(maskDocument("52998224725", "individual")).toBe("529.982.247-25");
    expect(maskDocument("529a98224725", "individual")).toBe("529.982.247-25");
  });

  it("CNPJ for Jurídica, letters accepted and upper-cased (alphanumeric CNPJ)", () => {
    expect(maskDocument("11222333000181", "company")).toBe("11.222.333/0001-81");
    expect(maskDocument("12abc34501de35", "company")).toBe("12.ABC.345/01DE-35");
    expect(maskDocument("12.ABC", "company")).toBe("12.ABC");
    expect(maskDocument("12abc345", "company")).toBe("12.ABC.345");
    expect(maskDocument("12abc3450", "company")).toBe("12.ABC.345/0");
  });

  it("phones: mobile, landline, 0800, nationwide and pasted E.164", () => {
    expect(maskPhone("1")).toBe("(1");
    expect(maskPhone("11")).toBe("(11");
    expect(maskPhone("119123")).toBe("(11) 9123");
    expect(maskPhone("1134567890")).toBe("(11) 3456-7890");
    expect(maskPhone("11912345678")).toBe("(11) 91234-5678");
    expect(maskPhone("5511912345678")).toBe("(11) 91234-5678");
    expect(maskPhone("08001234567")).toBe("0800 123 4567");
    expect(maskPhone("40041234")).toBe("4004-1234");
    expect(maskPhone("+55 11 91234-5678")).toBe("+55 11 91234-5678");
  });

  it("a masked phone reads the same as the stored one formatted", () => {
    for (const stored of ["5511912345678", "551134567890", "08001234567", "40041234"]) {
      expect(maskPhone(stored)).toBe(formatPhone(stored));
    }
  });
});

describe("stored documents in the first-load search", () => {
  it("matches formatDocument of the shared rules", () => {
    for (const v of ["52998224725", "11222333000181", "12ABC34501DE35", "123", "", "ABC"]) {
      expect(formatStoredDocument(v)).toBe(formatDocument(v));
    }
  });
});

describe("person codes in the URL", () => {
  it("zero-pads to 6 digits and accepts unpadded codes", () => {
    expect(formatPersonCode(42)).toBe("000042");
    expect(formatPersonCode(1234567)).toBe("1234567");
    expect(parsePersonCode("000042")).toBe(42);
    expect(parsePersonCode("42")).toBe(42);
    expect(parsePersonCode(" 42 ")).toBe(42);
  });

  it("refuses anything that is not a positive code", () => {
    for (const v of ["0", "000000", "abc", "-1", "1.5", "", undefined, null, "99999999999"]) {
      expect(parsePersonCode(v)).toBeNull();
    }
  });
});
