import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv-cell.ts";

/** Issue 12, defect 6: a cell the product writes to a CSV never runs as a spreadsheet formula. */
describe("csvCell", () => {
  it("neutralises a cell that a spreadsheet would run as a formula: = + - @ tab CR", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+55 11 9999")).toBe("'+55 11 9999");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe('"\'\r=1"');
  });

  it("leaves ordinary text and numbers (a negative amount too) as they are", () => {
    expect(csvCell("dueDate")).toBe("dueDate");
    expect(csvCell("data inválida")).toBe("data inválida");
    expect(csvCell(-150)).toBe("-150");
    expect(csvCell(3)).toBe("3");
    expect(csvCell(null)).toBe("");
  });

  it("quotes what needs it, and the row reads back cell for cell", () => {
    const cells = [7, '=HYPERLINK("http://x","clique")', "a, b; c", 'diz "oi"\nfim'];
    const line = csvRow(cells);
    expect(line).toBe(`7,"'=HYPERLINK(""http://x"",""clique"")","a, b; c","diz ""oi""\nfim"\n`);
    expect(parse(line)).toEqual([["7", `'=HYPERLINK("http://x","clique")`, "a, b; c", 'diz "oi"\nfim']]);
  });
});
