// How much JavaScript each first screen downloads, gzipped, and a failure when one is over the
// budget. A first screen is what a visit shows before the user does anything: the entry script of
// dist/web/index.html with every chunk it imports statically, plus the lazy chunks (and their static
// imports) that screen renders before it is usable — the login page for a visitor, the logged-in
// frame for a user with a session. What loads after it shows (notifications, the home's ticket
// list, admin pages, the person screen) is left out. Run after `vite build` (which writes the
// manifest this reads); VINCULO_DIST measures another build folder (`vite build --outDir …`).
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** Gzipped KiB of first-screen JS (issue 13: 180, from 200), so the next features have headroom. */
const BUDGET_KIB = 180;

/** Each first screen and the modules it loads lazily before it shows, as the manifest names them (from src/web). */
const SCREENS = {
  login: ["features/auth/components/login-page.tsx"],
  home: ["app/layout/app-layout.tsx"],
};

const dist = path.resolve(process.env.VINCULO_DIST ?? path.join(import.meta.dirname, "../dist/web"));
const manifestFile = path.join(dist, ".vite/manifest.json");
if (!fs.existsSync(manifestFile)) {
  console.error(`bundle-size: ${path.relative(process.cwd(), manifestFile)} not found; run \`npm run build\` first.`);
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
if (entries.length !== 1) {
  console.error(`bundle-size: expected one entry in the manifest, found ${entries.length}.`);
  process.exit(1);
}

/** The chunk of a manifest key and everything it imports statically (not `import()`), as file names. */
function closure(keys, js = new Set(), css = new Set()) {
  for (const key of keys) {
    const chunk = manifest[key];
    if (js.has(chunk.file)) continue;
    js.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    closure(chunk.imports ?? [], js, css);
  }
  return { js, css };
}

const sizes = new Map();
const gzipped = (file) => {
  if (!sizes.has(file)) sizes.set(file, gzipSync(fs.readFileSync(path.join(dist, file))).length);
  return sizes.get(file);
};
const kib = (bytes) => (bytes / 1024).toFixed(1);
const sum = (files) => [...files].reduce((total, file) => total + gzipped(file), 0);

let over = false;
for (const [screen, modules] of Object.entries(SCREENS)) {
  const missing = modules.filter((key) => !manifest[key]?.isDynamicEntry);
  if (missing.length > 0) {
    // Imported statically somewhere now (or renamed): its bytes would be counted elsewhere or not at all.
    console.error(
      `bundle-size: ${missing.join(", ")} is no lazy chunk of its own; update SCREENS in scripts/bundle-size.mjs.`,
    );
    process.exit(1);
  }
  const { js, css } = closure([...entries, ...modules]);
  const total = sum(js);
  const list = [...js]
    .sort((a, b) => gzipped(b) - gzipped(a))
    .map((file) => `${file} ${kib(gzipped(file))}`)
    .join(", ");
  const verdict = total > BUDGET_KIB * 1024 ? `OVER the ${BUDGET_KIB} KiB budget` : `budget ${BUDGET_KIB}`;
  console.log(`first-load JS, ${screen}: ${kib(total)} KiB gzipped (${verdict}; ${list})`);
  console.log(`first-load CSS, ${screen}: ${kib(sum(css))} KiB gzipped (${[...css].join(", ")})`);
  if (total > BUDGET_KIB * 1024) over = true;
}
if (over) {
  console.error(`bundle-size: a first screen is over ${BUDGET_KIB} KiB of gzipped JS; split what it does not need.`);
  process.exit(1);
}
