import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const script = path.resolve(import.meta.dirname, "../../scripts/check-layers.mjs");

/** Runs the layer check over a small tree of files (path → content). */
function check(files: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "layers-"));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  const run = spawnSync(process.execPath, [script, root], { encoding: "utf8" });
  fs.rmSync(root, { recursive: true, force: true });
  return { status: run.status, out: run.stderr + run.stdout };
}

describe("scripts/check-layers.mjs", () => {
  it("passes a tree that keeps the rules", () => {
    const r = check({
      "src/server/features/a/a.repository.ts": 'export const q = (db: any) => db.selectFrom("t");\n',
      "src/server/features/a/a.service.ts":
        'import { q } from "./a.repository.ts";\n// selectFrom( in a comment is fine\nexport const s = q;\n',
      "src/server/features/b/b.service.ts": 'import { s } from "../a/a.service.ts";\nexport const t = s;\n',
      "src/web/features/x/x.tsx": 'import { y } from "../../app/y.ts";\nexport const x = y;\n',
      "src/web/app/y.ts": "export const y = 1;\n",
    });
    expect(r.out).toContain("0 violations");
    expect(r.status).toBe(0);
  });

  it("names file and line of each kind of violation", () => {
    const r = check({
      "src/server/features/a/a.repository.ts": "export const r = 1;\n",
      "src/server/features/a/a.service.ts": 'export const s = (db: any) =>\n  db.selectFrom("t");\n',
      "src/server/features/b/b.service.ts": 'import { r } from "../a/a.repository.ts";\nexport const t = r;\n',
      "src/server/features/b/b.routes.ts": "export const u = (db: any) => db.transaction();\n",
      "src/server/features/b/b.errors.ts": 'export const e = () => new AppError("x", "y");\n',
      "src/web/features/x/x.ts": 'import { z } from "../z/z.ts";\nexport const x = z;\n',
      "src/web/features/z/z.ts": "export const z = 1;\n",
      "src/shared/one.ts": 'import { two } from "./two.ts";\nexport const one = two;\n',
      "src/shared/two.ts": 'import { one } from "./one.ts";\nexport const two = () => one;\n',
    });
    expect(r.status).toBe(1);
    expect(r.out).toContain("src/server/features/a/a.service.ts:2 sql-outside-repository");
    expect(r.out).toContain("src/server/features/b/b.service.ts:1 foreign-repository");
    expect(r.out).toContain("src/server/features/b/b.routes.ts:1 transaction-in-route");
    expect(r.out).toContain("src/server/features/b/b.errors.ts:1 error-without-reason");
    expect(r.out).toContain("src/web/features/x/x.ts:1 web-feature-import");
    expect(r.out).toMatch(
      /src\/shared\/one\.ts:1 import-cycle — src\/shared\/one\.ts → src\/shared\/two\.ts → src\/shared\/one\.ts/,
    );
  });
});
