import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const script = path.resolve(import.meta.dirname, "../../scripts/bundle-size.mjs");

type Chunk = {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
};

/** Runs the budget check over a made-up build: its manifest and the chunk files (name → content). */
function measure(manifest: Record<string, Chunk>, files: Record<string, string | Buffer>) {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "bundle-size-"));
  fs.mkdirSync(path.join(dist, ".vite"));
  fs.writeFileSync(path.join(dist, ".vite/manifest.json"), JSON.stringify(manifest));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    fs.writeFileSync(path.join(dist, file), content);
  }
  const run = spawnSync(process.execPath, [script], { encoding: "utf8", env: { ...process.env, VINCULO_DIST: dist } });
  fs.rmSync(dist, { recursive: true, force: true });
  return { status: run.status, out: run.stdout + run.stderr };
}

/** An entry, the two first screens' lazy chunks, a chunk the frame imports and a page loaded later. */
const manifest = (frameImports: string[]): Record<string, Chunk> => ({
  "index.html": {
    file: "assets/index.js",
    isEntry: true,
    dynamicImports: ["features/auth/components/login-page.tsx", "app/layout/app-layout.tsx", "app/later.tsx"],
  },
  "features/auth/components/login-page.tsx": { file: "assets/login.js", isDynamicEntry: true, imports: ["index.html"] },
  "app/layout/app-layout.tsx": {
    file: "assets/frame.js",
    isDynamicEntry: true,
    imports: ["index.html", ...frameImports],
  },
  "_shared.js": { file: "assets/shared.js" },
  "app/later.tsx": { file: "assets/later.js", isDynamicEntry: true },
});
const code = (text: string) => `export const x = ${JSON.stringify(text)};\n`;

describe("scripts/bundle-size.mjs", () => {
  it("counts each first screen's static imports, not the chunks loaded later, and passes under the budget", () => {
    const r = measure(manifest(["_shared.js"]), {
      "assets/index.js": code("entry"),
      "assets/login.js": code("login"),
      "assets/frame.js": code("frame"),
      "assets/shared.js": code("shared"),
      "assets/later.js": randomBytes(300 * 1024),
    });
    expect(r.status).toBe(0);
    const home = r.out.split("\n").find((line) => line.startsWith("first-load JS, home:")) ?? "";
    expect(home).toContain("assets/shared.js");
    expect(home).not.toContain("assets/later.js");
    expect(r.out).toMatch(/first-load JS, login: \d+\.\d KiB gzipped \(budget 180;/);
  });

  it("fails when a first screen is over the budget, and says which", () => {
    const r = measure(manifest(["_shared.js"]), {
      "assets/index.js": code("entry"),
      "assets/login.js": code("login"),
      "assets/frame.js": code("frame"),
      // Random bytes do not compress: ~190 KiB gzipped on the home screen only.
      "assets/shared.js": randomBytes(190 * 1024),
      "assets/later.js": code("later"),
    });
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/first-load JS, home: 19\d\.\d KiB gzipped \(OVER the 180 KiB budget/);
    expect(r.out).toMatch(/first-load JS, login: 0\.\d KiB gzipped \(budget 180;/);
  });

  it("fails when a screen's module is no lazy chunk any more, instead of measuring the wrong thing", () => {
    const m = manifest([]);
    delete m["app/layout/app-layout.tsx"];
    const r = measure(m, { "assets/index.js": code("entry"), "assets/login.js": code("login") });
    expect(r.status).toBe(1);
    expect(r.out).toContain("app/layout/app-layout.tsx is no lazy chunk of its own");
  });
});
