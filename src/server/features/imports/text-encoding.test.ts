import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { type RawRecord, readRecords } from "./record-reader.ts";
import { textEncodingOf } from "./text-encoding.ts";

/**
 * Issue 12, defect 3: a file sent without a charset is read by what its bytes are — UTF-8 when
 * they are UTF-8, else Windows-1252 (what Brazilian ERPs and Excel export) — so "José" never
 * becomes "Jos�". A file that mixes UTF-8 with stray bytes keeps U+FFFD, which the import then
 * rejects line by line (imports.service.ts), instead of guessing.
 */
async function names(chunks: (string | Buffer)[]): Promise<unknown[]> {
  const out: RawRecord[] = [];
  for await (const group of readRecords(Readable.from(chunks), "csv")) out.push(...group);
  return out.slice(1).map((r) => (r.value as { nome: string }).nome);
}

const latin = (text: string) => Buffer.from(text, "latin1");
const utf8 = (text: string) => Buffer.from(text, "utf8");

describe("import text encoding, no charset given", () => {
  it("a Content-Type without charset is decided by the bytes; a charset is obeyed", () => {
    expect(textEncodingOf("text/csv")).toBe("auto");
    expect(textEncodingOf("text/csv; charset=ISO-8859-1")).toBe("windows-1252");
    expect(textEncodingOf("text/csv; charset=utf-8")).toBe("utf-8");
  });

  it("UTF-8 (with a BOM, a character cut between two chunks) is read as UTF-8", async () => {
    const bytes = utf8("\uFEFFnome\nJosé Latín\nCoração\n");
    const cut = bytes.indexOf(0xc3) + 1;
    expect(await names([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(["José Latín", "Coração"]);
  });

  it("Latin-1 is read as Windows-1252, also when its first chunk is only ASCII", async () => {
    expect(await names([latin("nome\nJosé Latín\nAção nº 2\n")])).toEqual(["José Latín", "Ação nº 2"]);
    expect(await names([latin("nome\nAna\n"), latin("João\n"), latin("Conceição\n")])).toEqual([
      "Ana",
      "João",
      "Conceição",
    ]);
  });

  it("Windows-1252's own characters (en dash, curly quotes) decode as Windows-1252, not Latin-1 controls", async () => {
    const bytes = Buffer.from([...Buffer.from("nome\nA"), 0x96, ...Buffer.from(" B"), 0x93, 0x94, 0x0a]);
    expect(await names([bytes])).toEqual(["A– B“”"]);
  });

  it("UTF-8 with a stray byte is not re-read as Latin-1 (that would turn é into Ã©): the bad line keeps U+FFFD", async () => {
    const bytes = Buffer.concat([utf8("nome\nJosé\n"), latin("Lat\xedn\n"), utf8("Coração\n")]);
    expect(await names([bytes])).toEqual(["José", "Lat\uFFFDn", "Coração"]);
    // The same when the UTF-8 came in an earlier chunk.
    expect(await names([utf8("nome\nJosé\n"), Buffer.concat([latin("Lat\xedn\n"), utf8("Coração\n")])])).toEqual([
      "José",
      "Lat\uFFFDn",
      "Coração",
    ]);
  });
});
