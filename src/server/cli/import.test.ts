import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { categoryIds, makePerson } from "../test/factories.ts";
import { closeDatabases, freshDatabase } from "./cli-harness.ts";

afterEach(closeDatabases);

describe("vinculo import", { timeout: 120_000 }, () => {
  it("imports a file with a summary, idempotently; rejected lines to a file; malformed file fails", async () => {
    const db = await freshDatabase();
    const setup = await db.openApp();
    let code: number;
    try {
      const cats = await categoryIds(setup.ctx);
      code = (await makePerson(setup.ctx, { categoryIds: [cats.Cliente], name: "Cliente da Linha de Comando" })).code;
    } finally {
      await setup.close();
    }
    const receivable = (externalId: string, over: Record<string, unknown> = {}) =>
      JSON.stringify({
        externalId,
        personCode: code,
        documentNumber: "NF 10",
        installment: "1/1",
        issueDate: "2026-01-01",
        dueDate: "2026-02-01",
        amountCents: 1000,
        ...over,
      });
    const file = path.join(db.dataDir, "titulos.ndjson");
    fs.writeFileSync(
      file,
      `${[receivable("CLI-1"), receivable("CLI-2"), receivable("CLI-3", { dueDate: "2026-02-30" })].join("\n")}\n`,
    );
    const rejectedFile = path.join(db.dataDir, "recusadas.csv");

    const first = await db.cli(["import", "receivables", file, "--rejected", rejectedFile]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("3 linhas lidas; inseridos 2, atualizados 0, inalterados 0, recusados 1");
    expect(first.stderr).toContain("linha 3, dueDate: data inválida");
    expect(fs.readFileSync(rejectedFile, "utf8")).toMatch(/^linha,campo,erro\n3,dueDate,/);

    const again = await db.cli(["import", "receivables", file]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("inseridos 0, atualizados 0, inalterados 2, recusados 1");

    const csvFile = path.join(db.dataDir, "titulos.csv");
    fs.writeFileSync(
      csvFile,
      `externalId;personCode;documentNumber;installment;issueDate;dueDate;amountCents\nCLI-4;${code};NF 11;1/1;2026-01-01;2026-02-01;2500\n`,
    );
    const csvRun = await db.cli(["import", "receivables", csvFile]);
    expect(csvRun.code, csvRun.stderr).toBe(0);
    expect(csvRun.stdout).toContain("inseridos 1");

    const broken = path.join(db.dataDir, "quebrado.ndjson");
    fs.writeFileSync(broken, `${receivable("CLI-5")}\n{"externalId": \n`);
    const failed = await db.cli(["import", "receivables", broken]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("linha 2");
    expect(failed.stderr).toContain("nada foi importado");

    const unknown = await db.cli(["import", "invoices", file]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("entidade desconhecida");
    const missing = await db.cli(["import", "receivables", path.join(db.dataDir, "nao-existe.ndjson")]);
    expect(missing.code).toBe(2);
    const noFormat = await db.cli(["import", "receivables", rejectedFile.replace(".csv", ".txt")]);
    expect(noFormat.code).toBe(2);

    const check = await db.openApp();
    try {
      const rows = await check.ctx.db.selectFrom("receivables").select("external_id").orderBy("external_id").execute();
      expect(rows.map((r) => r.external_id)).toEqual(["CLI-1", "CLI-2", "CLI-4"]);
      const runs = await check.ctx.db.selectFrom("import_runs").select(["source", "status"]).orderBy("id").execute();
      expect(runs.map((r) => `${r.source}:${r.status}`)).toEqual(["cli:done", "cli:done", "cli:done", "cli:failed"]);
    } finally {
      await check.close();
    }
  });
});
