import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it } from "vitest";
import { closeDatabases, freshDatabase } from "../../cli/cli-harness.ts";

afterEach(closeDatabases);

/**
 * Issue 12, defect 6: the CLI's `--rejected` CSV wrote its cells verbatim, so a field name that
 * came from the import file (`=HYPERLINK(…)`) opened in Excel as a formula. The cell must come
 * out as text: a leading `'` (csv-cell.ts), and the file still reads back as CSV.
 */
describe("defect 6: CSV injection in the CLI's --rejected file", { timeout: 120_000 }, () => {
  it("a rejected field that starts with = is written with a leading ', and the good line still imports", async () => {
    const db = await freshDatabase();
    const formula = '=HYPERLINK("http://example.com/x","clique")';
    const file = path.join(db.dataDir, "pessoas.ndjson");
    fs.writeFileSync(
      file,
      `${[
        JSON.stringify({ externalId: "CSV-1", kind: "individual", name: "Pessoa Boa", categories: ["Cliente"] }),
        JSON.stringify({ [formula]: "a\u0000b" }),
      ].join("\n")}\n`,
    );
    const rejectedFile = path.join(db.dataDir, "recusadas.csv");
    const run = await db.cli(["import", "persons", file, "--rejected", rejectedFile]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("inseridos 1");

    const text = fs.readFileSync(rejectedFile, "utf8");
    const rows = parse(text) as string[][];
    expect(rows[0]).toEqual(["linha", "campo", "erro"]);
    expect(rows[1]?.[0]).toBe("2");
    expect(rows[1]?.[1]).toBe(`'${formula}`);
    for (const row of rows) for (const cell of row) expect(cell, `cell ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
  });
});
