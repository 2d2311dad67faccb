import fc from "fast-check";
import type { Draft } from "./draft.ts";
import type { World } from "./world.ts";

/**
 * Bodies for POST /api/import/{entity}: the document describes no request body there (the route
 * streams CSV or JSON lines itself), so the fuzzer writes files the way an ERP export does —
 * and the ways one goes wrong: broken quoting, Latin-1 without a charset, NUL, JSON sent as CSV.
 */

type Row = Record<string, unknown>;

function records(entity: string, w: World, n: number): fc.Arbitrary<Row[]> {
  const persons = w.pool("persons");
  const code = persons.length ? fc.constantFrom(...persons) : fc.constant(1);
  const ext = fc.integer({ min: 1, max: 30 }).map((i) => `FZ-${entity}-${i}`);
  const money = fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(-1, 0, 1.5));
  const date = fc.constantFrom("2026-01-10", "2026-02-30", "2026-03-01", "10/03/2026", "");
  const record: fc.Arbitrary<Row> = (() => {
    switch (entity) {
      case "persons":
        return fc.record({
          externalId: ext,
          name: fc.constantFrom("José Latín", "Ferragens Importadas Ltda", "A"),
          document: fc.constantFrom(...w.documents, "123"),
          categories: fc.constantFrom(["Cliente"], ["Fornecedor"], ["Inexistente"]),
          email: fc.constantFrom("ana@example.com", "não-é-email"),
        });
      case "receivables":
        return fc.record({
          externalId: ext,
          personCode: code,
          documentNumber: fc.constantFrom("NF 1", "NF 2"),
          installment: fc.constantFrom("1/1", "1/2"),
          issueDate: date,
          dueDate: date,
          amountCents: money,
        });
      case "contracts":
        return fc.record({
          externalId: ext,
          personCode: code,
          number: ext,
          description: fc.constant("Suporte"),
          startDate: date,
          status: fc.constantFrom("active", "ended", "xyz"),
        });
      case "contract-billings":
        return fc.record({
          externalId: ext,
          contractExternalId: fc.constantFrom("FZ-C1", "nao-existe"),
          period: fc.constantFrom("2026-01", "2026-13"),
          kind: fc.constantFrom("fixed", "variable"),
          amountCents: money,
          status: fc.constantFrom("charged", "pending"),
        });
      default:
        return fc.record({
          externalId: ext,
          sellerCode: code,
          personCode: code,
          date,
          kind: fc.constantFrom("commission", "passThrough"),
          amountCents: money,
          status: fc.constantFrom("open", "pending"),
        });
    }
  })();
  return fc.array(record, { minLength: 1, maxLength: n });
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : Array.isArray(v) ? v.join("|") : String(v);
  return /[",;\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

function toCsv(rows: Row[]): string {
  const header = Object.keys(rows[0] ?? { externalId: "" });
  return `${[header.join(","), ...rows.map((r) => header.map((h) => csvCell(r[h])).join(","))].join("\r\n")}\r\n`;
}

const ndjson = (rows: Row[]) => `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`;

/** A valid file (most of the time) in one of the formats the route takes. */
export function importDraft(w: World, entity: string, base: Draft, broken: boolean): fc.Arbitrary<Draft> {
  const valid = fc
    .tuple(records(entity, w, 4), fc.constantFrom("ndjson", "csv", "json"))
    .map(([rows, format]): Draft => {
      if (format === "csv") return { ...base, body: { raw: Buffer.from(toCsv(rows)) }, contentType: "text/csv" };
      if (format === "json") return { ...base, body: { json: rows }, contentType: "application/json" };
      return { ...base, body: { raw: Buffer.from(ndjson(rows)) }, contentType: "application/x-ndjson" };
    });
  if (!broken) return valid;
  const latin1 = (text: string) => Buffer.from(text, "latin1");
  const files: fc.Arbitrary<[string, Buffer]>[] = [
    // csv-parse's INVALID_OPENING_QUOTE and friends: must be a 400 naming the line.
    fc
      .constantFrom('externalId\nab"c"d\n', 'externalId,name\n"abc,x\n', 'externalId\n"a"b\n')
      .map((s) => ["text/csv", Buffer.from(s)]),
    fc.constant(["text/csv", latin1("externalId,name,document\nL-1,José Latín,\n")]),
    fc.constant(["text/csv; charset=windows-1252", latin1("externalId,name\nL-2,Conceição\n")]),
    records(entity, w, 3).map((rows) => ["text/csv", Buffer.from(JSON.stringify(rows))]),
    records(entity, w, 3).map((rows) => ["application/x-ndjson", Buffer.from(toCsv(rows))]),
    records(entity, w, 3).map((rows) => ["application/x-ndjson", Buffer.from(ndjson(rows).replace("FZ", "F\\u0000Z"))]),
    records(entity, w, 3).map((rows) => ["application/x-ndjson", Buffer.from(`${ndjson(rows)}{não é json\n`)]),
    fc.constant(["application/x-ndjson", Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d, 0x0a])]),
    fc.constant(["application/json", Buffer.from('{"externalId":"x"}')]),
    fc.constant(["text/csv", Buffer.alloc(0)]),
    fc.constant(["text/csv", Buffer.from("\uFEFFexternalId\n")]),
    fc.constant(["text/csv", Buffer.from(`externalId,name\n${"x".repeat(200_000)},y\n`)]),
    fc
      .constantFrom("text/plain", "application/xml", "", "text/csv; charset=utf-16")
      .map((t) => [t, Buffer.from("externalId\nx\n")]),
  ];
  return fc.oneof(...files).map(([contentType, raw]) => ({ ...base, body: { raw }, contentType }));
}
