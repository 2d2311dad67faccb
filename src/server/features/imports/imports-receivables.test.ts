import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testClock } from "../../test/clock.ts";
import { categoryIds, makePerson } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { receivablesImporter } from "./entities/receivables.import.ts";
import { csv, imported, ndjson, postImport } from "./imports-test-helpers.ts";

/** Receivables from the ERP: both formats, idempotent re-runs, rejected lines, malformed files. */
describe("import receivables", () => {
  const clock = testClock("2026-03-02T12:00:00.000Z");
  let t: TestApp;
  let admin: TestUser;
  let codes: [number, number];

  beforeAll(async () => {
    t = await buildTestApp({ now: clock.now });
    admin = await t.user({ isAdmin: true });
    const cats = await categoryIds(t.ctx);
    const a = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Cliente Importado Um" });
    const b = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "Cliente Importado Dois" });
    codes = [a.code, b.code];
  });
  afterAll(() => t.close());

  const receivable = (externalId: string, over: Record<string, unknown> = {}) => ({
    externalId,
    personCode: codes[0],
    documentNumber: "NF 1001",
    installment: "1/2",
    issueDate: "2026-01-10",
    dueDate: "2026-02-10",
    amountCents: 150000,
    ...over,
  });
  const row = (externalId: string) =>
    t.ctx.db.selectFrom("receivables").selectAll().where("external_id", "=", externalId).executeTakeFirstOrThrow();

  it("imports JSON lines, and the same file again changes nothing", async () => {
    const file = ndjson([
      receivable("R-1"),
      receivable("R-2", { personCode: String(codes[1]).padStart(6, "0"), installment: "2/2", interestCents: 120 }),
      receivable("R-3", { paidCents: 150000, settledAt: "2026-02-09", paymentMethod: "PIX" }),
    ]);
    const cacheBefore = t.ctx.handle.sqlite?.pragma("cache_size", { simple: true });
    const first = await imported(t, admin, "receivables", file);
    expect(first).toMatchObject({ entity: "receivables", records: 3, inserted: 3, updated: 0, unchanged: 0 });
    // SQLite's page cache grows only while an import runs.
    expect(t.ctx.handle.sqlite?.pragma("cache_size", { simple: true })).toBe(cacheBefore);
    expect(first.rejected).toEqual([]);
    const stored = await row("R-3");
    expect(stored).toMatchObject({ status: "settled", settled_at: "2026-02-09", paid_cents: 150000, version: 1 });
    expect((await row("R-2")).person_id).not.toBe((await row("R-1")).person_id);

    clock.advance(60_000);
    const again = await imported(t, admin, "receivables", file);
    expect(again).toMatchObject({ records: 3, inserted: 0, updated: 0, unchanged: 3, rejectedTotal: 0 });
    const after = await row("R-3");
    expect(after.version).toBe(1);
    expect(after.updated_at).toBe(stored.updated_at);
  });

  it("a changed line is updated (version + 1), the rest unchanged", async () => {
    const before = await row("R-1");
    clock.advance(60_000);
    const res = await imported(
      t,
      admin,
      "receivables",
      ndjson([
        receivable("R-1", { amountCents: 160000 }),
        receivable("R-2", { personCode: codes[1], installment: "2/2", interestCents: 120 }),
      ]),
    );
    expect(res).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    const after = await row("R-1");
    expect(after).toMatchObject({ amount_cents: 160000, version: before.version + 1 });
    expect(after.updated_at).not.toBe(before.updated_at);
  });

  it("imports CSV (header names the fields; semicolons too), idempotently", async () => {
    const header = [
      "externalId",
      "personCode",
      "documentNumber",
      "installment",
      "issueDate",
      "dueDate",
      "amountCents",
      "settledAt",
    ];
    const file = csv(header, [
      ["C-1", codes[0], "NF 2001, série A", "1/1", "2026-01-05", "2026-02-05", 9990, ""],
      ["C-2", codes[1], "NF 2002", "1/1", "2026-01-05", "2026-02-05", "12345", "2026-02-01"],
    ]);
    const first = await imported(t, admin, "receivables", file, "text/csv");
    expect(first).toMatchObject({ records: 2, inserted: 2, rejectedTotal: 0 });
    expect(await row("C-1")).toMatchObject({ document_number: "NF 2001, série A", amount_cents: 9990, status: "open" });
    expect(await row("C-2")).toMatchObject({ amount_cents: 12345, status: "settled" });
    expect(await imported(t, admin, "receivables", file, "text/csv; charset=utf-8")).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });
    const semicolons = csv(header, [["C-3", codes[0], "NF 2003", "1/1", "2026-01-05", "2026-02-05", 500, ""]], ";");
    expect(await imported(t, admin, "receivables", semicolons, "text/csv")).toMatchObject({ inserted: 1 });
  });

  it("rejects bad lines with their line and field, importing the others", async () => {
    const file = ndjson([
      receivable("B-ok-1"),
      receivable("B-date", { dueDate: "2026-02-30" }),
      receivable("B-neg", { amountCents: -5 }),
      receivable("B-person", { personCode: 999_999 }),
      receivable("B-missing", { documentNumber: undefined }),
      receivable("B-order", { issueDate: "2026-03-01", dueDate: "2026-02-01" }),
      [1, 2, 3],
      receivable("B-ok-2", { personCode: codes[1] }),
    ]);
    const res = await imported(t, admin, "receivables", file);
    expect(res).toMatchObject({ records: 8, inserted: 2, rejectedTotal: 6 });
    expect(res.rejected.map((r) => [r.line, r.field])).toEqual([
      [2, "dueDate"],
      [3, "amountCents"],
      [4, "personCode"],
      [5, "documentNumber"],
      [6, "dueDate"],
      [7, ""],
    ]);
    expect(res.rejected[0]?.error).toContain("data inválida");
    expect(res.rejected[1]?.error).toContain("negativo");
    expect(res.rejected[2]?.error).toBe("pessoa 999999 não encontrada");
    for (const id of ["B-date", "B-neg", "B-person"]) {
      expect(await t.ctx.db.selectFrom("receivables").select("id").where("external_id", "=", id).execute()).toEqual([]);
    }
    expect((await row("B-ok-2")).amount_cents).toBe(150000);
  });

  it("a line that is not JSON is a 400 with the line; nothing of its batch is written", async () => {
    const file = `${JSON.stringify(receivable("J-1"))}\n\n{"externalId": "J-2", oops}\n${JSON.stringify(receivable("J-3"))}\n`;
    const res = await postImport(t, admin, "receivables", file);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.message).toContain("Linha 3");
    expect(body.error.message).toContain("Nada foi importado");
    expect(body.error.details).toMatchObject({ line: 3, committedThroughLine: 0 });
    expect(await t.ctx.db.selectFrom("receivables").select("id").where("external_id", "=", "J-1").execute()).toEqual(
      [],
    );
  });

  it("batches committed before a malformed line stay, and the answer says up to which line", async () => {
    const size = receivablesImporter.batchSize[t.ctx.dialect];
    const lines = Array.from({ length: size + 1 }, (_, i) => JSON.stringify(receivable(`K-${i + 1}`)));
    lines.push("not json");
    const res = await postImport(t, admin, "receivables", `${lines.join("\n")}\n`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject({ line: size + 2, committedThroughLine: size });
    expect(res.json().error.details.summary).toMatchObject({ inserted: size });
    const count = await t.ctx.db
      .selectFrom("receivables")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("external_id", "like", "K-%")
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(size);
  });

  it("malformed CSV is a 400 naming the line; an unknown column too", async () => {
    const header = "externalId,personCode,documentNumber,installment,issueDate,dueDate,amountCents";
    const quote = `${header}\nM-1,${codes[0]},NF 1,1/1,2026-01-01,2026-02-01,100\nM-2,${codes[0]},"NF 2,1/1,2026-01-01,2026-02-01,100\n`;
    const res = await postImport(t, admin, "receivables", quote, "text/csv");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.line).toBe(3);
    const columns = `${header}\nM-3,${codes[0]},NF 3,1/1,2026-01-01,2026-02-01,100,extra\n`;
    const extra = await postImport(t, admin, "receivables", columns, "text/csv");
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error).toMatchObject({ details: { line: 2 } });
    expect(extra.json().error.message).toContain("colunas");
    const typo = await postImport(t, admin, "receivables", `${header},paidCent\n`, "text/csv");
    expect(typo.statusCode).toBe(400);
    expect(typo.json().error.message).toContain("paidCent");
  });

  it("takes a JSON array (small syncs) and Latin-1 CSV", async () => {
    const res = await t.as(admin, {
      method: "POST",
      url: "/api/import/receivables",
      payload: [receivable("A-1"), receivable("A-2", { amountCents: "x" })],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ inserted: 1, rejected: [{ line: 2, field: "amountCents" }] });
    // A JSON body is buffered, so it keeps the API's 1 MiB limit; big files go as JSON lines or CSV.
    const big = await t.as(admin, {
      method: "POST",
      url: "/api/import/receivables",
      payload: Array.from({ length: 9000 }, (_, i) => receivable(`BIG-${i}`)),
    });
    expect(big.statusCode).toBe(413);
    const latin = Buffer.from(
      `externalId,personCode,documentNumber,installment,issueDate,dueDate,amountCents,paymentMethod\nL-1,${codes[0]},NF 9,1/1,2026-01-01,2026-02-01,100,Cartão\n`,
      "latin1",
    );
    await imported(t, admin, "receivables", latin, "text/csv; charset=ISO-8859-1");
    expect((await row("L-1")).payment_method).toBe("Cartão");
  });

  it("only administrators import: anonymous 401, others 403; unknown entity 404; other types 415", async () => {
    const file = ndjson([receivable("X-1")]);
    const anonymous = await t.app.inject({
      method: "POST",
      url: "/api/import/receivables",
      payload: file,
      headers: { "content-type": "application/x-ndjson", origin: "http://localhost:80" },
    });
    expect(anonymous.statusCode).toBe(401);
    const user = await t.user();
    expect((await postImport(t, user, "receivables", file)).statusCode).toBe(403);
    const unknown = await postImport(t, admin, "invoices", file);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain("receivables");
    const xml = await postImport(t, admin, "receivables", "<x/>", "application/xml");
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error.message).toContain("text/csv");
    expect(await t.ctx.db.selectFrom("receivables").select("id").where("external_id", "=", "X-1").execute()).toEqual(
      [],
    );
  });

  it("says why each line was refused, as a reason beside the pt-BR words", async () => {
    const res = await imported(
      t,
      admin,
      "receivables",
      ndjson([receivable("W-person", { personCode: 999_998 }), receivable("W-neg", { amountCents: -5 })]),
    );
    expect(res.rejected).toEqual([
      {
        line: 1,
        field: "personCode",
        error: "pessoa 999998 não encontrada",
        reason: "import_unknown_person",
        params: { code: 999998 },
      },
      // A zod check: its code and params, as the error plugin sends them for a request.
      expect.objectContaining({
        line: 2,
        field: "amountCents",
        reason: "too_small",
        params: expect.objectContaining({ minimum: 0 }),
      }),
    ]);
    const cell = await imported(
      t,
      admin,
      "commission-entries",
      "externalId,sellerCode,date,kind,baseCents,amountCents,status,items\nW-cell,1,2026-01-01,commission,1,1,open,[nao-e-json\n",
      "text/csv",
    );
    expect(cell.rejected).toEqual([
      expect.objectContaining({ line: 2, field: "items", reason: "import_csv_cell_json" }),
    ]);
  });

  it("says why a request or a file was refused, as a reason with its params", async () => {
    const notJson = await postImport(t, admin, "receivables", `${JSON.stringify(receivable("W-1"))}\nnot json\n`);
    expect(notJson.statusCode).toBe(400);
    const error = notJson.json().error;
    expect(error).toMatchObject({ code: "bad_request", reason: "import_malformed", params: { line: 2 } });
    expect(error.params.problem).toMatch(/^não é JSON válido/);
    expect(error.message).toBe(`Linha 2: ${error.params.problem}. Nada foi importado.`);

    const unknown = await postImport(t, admin, "invoices", "");
    expect(unknown.json().error).toMatchObject({
      reason: "unknown_import",
      params: {
        entity: "invoices",
        entities: "receivables, commission-entries, contracts, contract-billings, persons",
      },
    });
    const object = await t.as(admin, {
      method: "POST",
      url: "/api/import/receivables",
      payload: { externalId: "W-2" },
    });
    expect(object.statusCode).toBe(400);
    expect(object.json().error).toMatchObject({ code: "bad_request", reason: "import_json_list" });
    const cursor = await t.as(admin, { method: "GET", url: "/api/import/runs?cursor=abc" });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().error).toMatchObject({ reason: "invalid_cursor", message: "cursor: cursor inválido" });
  });

  it("a malformed line after committed batches: the reason says how far the import went", async () => {
    const size = receivablesImporter.batchSize[t.ctx.dialect];
    const lines = Array.from({ length: size }, (_, i) => JSON.stringify(receivable(`V-${i + 1}`)));
    lines.push("{");
    const res = await postImport(t, admin, "receivables", `${lines.join("\n")}\n`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      reason: "import_malformed_partly",
      params: { line: size + 1, committed: size },
    });
    expect(res.json().error.message).toContain(`As linhas até a ${size} já foram importadas`);
  });

  it("keeps a file name that is not percent-encoded as sent (a stray % is not a 500)", async () => {
    const res = await t.as(admin, {
      method: "POST",
      url: "/api/import/receivables",
      payload: ndjson([receivable("W-name")]),
      headers: { "content-type": "application/x-ndjson", "x-file-name": "100% titulos.jsonl" },
    });
    expect(res.statusCode, res.body).toBe(200);
    const runs = await t.as(admin, { method: "GET", url: "/api/import/runs?limit=1" });
    expect(runs.json().items[0]).toMatchObject({ id: res.json().runId, fileName: "100% titulos.jsonl" });
  });

  it("records each run in the history", async () => {
    const res = await t.as(admin, { method: "GET", url: "/api/import/runs?limit=2" });
    expect(res.statusCode).toBe(200);
    const [last, previous] = res.json().items;
    expect(last).toMatchObject({ entity: "receivables", source: "api", status: "done", username: admin.username });
    expect(previous.id).toBeLessThan(last.id);
    expect(res.json().nextCursor).toBe(String(previous.id));
    const failed = await t.ctx.db.selectFrom("import_runs").selectAll().where("status", "=", "failed").execute();
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]?.error).toContain("linha");
  });
});
