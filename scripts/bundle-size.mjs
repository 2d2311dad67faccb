// Prints how much JavaScript a first visit downloads, gzipped: the entry script of
// dist/web/index.html, its modulepreload links, and every chunk they import statically.
// Lazy chunks (admin pages) are left out: they load only when visited. Run after `vite build`.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const dist = path.resolve(import.meta.dirname, "../dist/web");
const indexFile = path.join(dist, "index.html");
if (!fs.existsSync(indexFile)) {
  console.error(`bundle-size: ${path.relative(process.cwd(), indexFile)} not found; run \`npm run build\` first.`);
  process.exit(1);
}
const html = fs.readFileSync(indexFile, "utf8");

const attr = (tag, name) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, "i").exec(tag)?.[1];
const urls = [];
for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
  const src = attr(tag, "src");
  if (src && /type\s*=\s*["']module["']/i.test(tag)) urls.push(src);
}
for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
  const href = attr(tag, "href");
  if (href && /rel\s*=\s*["']modulepreload["']/i.test(tag)) urls.push(href);
}
const cssFiles = [...html.matchAll(/<link\b[^>]*>/gi)]
  .map(([tag]) => (/rel\s*=\s*["']stylesheet["']/i.test(tag) ? attr(tag, "href") : undefined))
  .filter(Boolean);

const toFile = (url) => path.join(dist, new URL(url, "http://x/").pathname);
const gzipped = (file) => gzipSync(fs.readFileSync(file)).length;
const kib = (bytes) => (bytes / 1024).toFixed(1);

// Follow static imports (`import … from "./x.js"`, `import "./x.js"`), not dynamic `import("./x.js")`.
const seen = new Set();
const queue = urls.map(toFile);
while (queue.length > 0) {
  const file = queue.shift();
  if (seen.has(file) || !fs.existsSync(file)) continue;
  seen.add(file);
  const code = fs.readFileSync(file, "utf8");
  for (const match of code.matchAll(
    /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g,
  )) {
    queue.push(path.resolve(path.dirname(file), match[1]));
  }
}

const files = [...seen].map((file) => ({ name: path.relative(dist, file), gz: gzipped(file) }));
const total = files.reduce((sum, f) => sum + f.gz, 0);
const list = files
  .sort((a, b) => b.gz - a.gz)
  .map((f) => `${f.name} ${kib(f.gz)} KiB`)
  .join(", ");
console.log(`first-load JS: ${kib(total)} KiB gzipped (${list})`);
const css = cssFiles.map(toFile).filter((f) => fs.existsSync(f));
if (css.length > 0) {
  const cssTotal = css.reduce((sum, f) => sum + gzipped(f), 0);
  console.log(`first-load CSS: ${kib(cssTotal)} KiB gzipped (${css.map((f) => path.relative(dist, f)).join(", ")})`);
}
