import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import {
  detectDelimiter,
  ImportFormatError,
  ImportTooLargeError,
  type RawRecord,
  readRecords,
} from "./record-reader.ts";

/** The streaming reader alone: line numbers, chunk boundaries, encodings, limits. */
async function read(chunks: (string | Buffer)[], format: "ndjson" | "csv", options = {}): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const group of readRecords(Readable.from(chunks), format, options)) out.push(...group);
  return out;
}

describe("record reader", () => {
  it("JSON lines: physical line numbers, CRLF, a BOM, blank lines, lines cut across chunks", async () => {
    const records = await read(['\uFEFF{"a":1}\r\n\r\n{"a"', ':2}\n  \n{"a":"ç"}'], "ndjson");
    expect(records).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 3, value: { a: 2 } },
      { line: 5, value: { a: "ç" } },
    ]);
    // A multi-byte character split between two chunks survives.
    const bytes = Buffer.from('{"nome":"João"}\n');
    const split = bytes.indexOf(0xc3) + 1;
    expect(await read([bytes.subarray(0, split), bytes.subarray(split)], "ndjson")).toEqual([
      { line: 1, value: { nome: "João" } },
    ]);
  });

  it("JSON lines: a line that is not JSON stops the reading with its number", async () => {
    await expect(read(['{"a":1}\n{"a":\n'], "ndjson")).rejects.toMatchObject({ line: 2 });
    await expect(read(['{"a":1}\n{"a":\n'], "ndjson")).rejects.toBeInstanceOf(ImportFormatError);
  });

  it("CSV: the header first, records by column name, the line where a quoted record starts", async () => {
    const records = await read(['a;b\n1;"x\ny"\n\n2;', "z\n"], "csv");
    expect(records).toEqual([
      { line: 1, value: { __header: ["a", "b"] } },
      { line: 2, value: { a: "1", b: "x\ny" } },
      { line: 5, value: { a: "2", b: "z" } },
    ]);
    await expect(read(['a,b\n1,2\n3,"4\n'], "csv")).rejects.toMatchObject({ line: 3 });
  });

  it("picks the delimiter from the header, ignoring quoted ones", () => {
    expect(detectDelimiter("a,b,c")).toBe(",");
    expect(detectDelimiter('"a,b";c;d')).toBe(";");
    expect(detectDelimiter("a\tb")).toBe("\t");
  });

  it("decodes Latin-1, and stops past the byte limit", async () => {
    const latin = Buffer.from("nome\nJoão\n", "latin1");
    expect(await read([latin], "csv", { encoding: "windows-1252" })).toEqual([
      { line: 1, value: { __header: ["nome"] } },
      { line: 2, value: { nome: "João" } },
    ]);
    await expect(read(['{"a":1}\n', '{"a":2}\n'], "ndjson", { maxBytes: 10 })).rejects.toBeInstanceOf(
      ImportTooLargeError,
    );
  });
});
