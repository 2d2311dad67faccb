// `npm test` step 1b: the house rules of ARCHITECTURE.md, checked instead of hoped for.
//   1. SQL (Kysely query building, `sql` templates) only in repositories, db/, seed/ and tests.
//   2. A server feature never imports another feature's repository: it calls that feature's service.
//   3. A route never opens a transaction: the service holds it.
//   4. A web feature never imports another web feature: features meet through app/ and shared/.
//   5. No import cycle (value imports; `import type` costs nothing at run time).
//   6. Errors are made from reasons: `new AppError(` only in src/server/errors.ts (services use
//      fail()/fieldError(), so every refusal carries a reason the web can translate).
// Prints every violation as `file:line rule — what`, and exits 1 when there is one.
// A plain scan of the sources: every import in this project is a static `import … from "…"`, an
// `export … from "…"` or a dynamic `import("…")` with a literal path.
import fs from "node:fs";
import path from "node:path";

// The project root; a test passes another one (a small tree with known violations).
const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, ".."));
const src = path.join(root, "src");

/** Every .ts/.tsx file under src/, relative to the project root, with / separators. */
function sourceFiles(dir = src) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
      out.push(path.relative(root, full).split(path.sep).join("/"));
  }
  return out;
}

const isTest = (file) => /\.test\.tsx?$/.test(file) || file.startsWith("src/server/test/");
const mayBuildQueries = (file) =>
  isTest(file) ||
  file.endsWith(".repository.ts") ||
  file.startsWith("src/server/db/") ||
  file.startsWith("src/server/seed/");

/** Query building, as Kysely spells it. `import type` from kysely (row types) is fine anywhere. */
const QUERY_PATTERNS = [
  [/\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)\s*\(/, "query builder"],
  [/\bsql(<[^>]*>)?`/, "sql template"],
  [/\bsql\.(raw|ref|id|lit|join|table|val)\s*\(/, "sql helper"],
  [/^\s*import\s+(?!type\b)[^;]*\bfrom\s+"kysely"/, "value import from kysely"],
];

/** Strips the contents of comments so a sentence about `selectFrom(` is not a violation. */
function codeLines(text) {
  let inBlock = false;
  return text.split("\n").map((line) => {
    let out = "";
    let i = 0;
    while (i < line.length) {
      if (inBlock) {
        const end = line.indexOf("*/", i);
        if (end === -1) return out;
        inBlock = false;
        i = end + 2;
        continue;
      }
      if (line.startsWith("/*", i)) {
        inBlock = true;
        i += 2;
        continue;
      }
      if (line.startsWith("//", i)) return out;
      out += line[i];
      i += 1;
    }
    return out;
  });
}

const IMPORT_RE =
  /(?:^|[\s;])(import|export)\s+(type\s+)?(?:[^'"`;]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Imports of one file: the resolved target (when it is a project file), whether type-only, the line. */
function importsOf(file, text) {
  const out = [];
  const lines = text.split("\n");
  let offset = 0;
  const lineAt = [];
  for (let n = 0; n < lines.length; n += 1) {
    lineAt.push(offset);
    offset += lines[n].length + 1;
  }
  const lineOf = (index) => {
    let lo = 0;
    let hi = lineAt.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineAt[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  for (const match of text.matchAll(IMPORT_RE)) {
    const spec = match[3] ?? match[4];
    if (!spec?.startsWith(".")) continue;
    const target = path
      .normalize(path.join(path.dirname(file), spec))
      .split(path.sep)
      .join("/");
    // `import { type A, type B } from` is type-only too.
    const braces = /\{([^}]*)\}/.exec(match[0]);
    const allTypes =
      Boolean(match[2]) ||
      (braces !== null &&
        !/^\s*import\s+\w/.test(match[0].replace(/^[\s;]/, "")) &&
        braces[1]
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
          .every((s) => s.startsWith("type ")));
    out.push({
      target,
      typeOnly: allTypes && !match[4],
      line: lineOf(match.index + (match[0].match(/^[\s;]/) ? 1 : 0)),
    });
  }
  return out;
}

const serverFeature = (file) => /^src\/server\/features\/([^/]+)\//.exec(file)?.[1];
const webFeature = (file) => /^src\/web\/features\/([^/]+)\//.exec(file)?.[1];

const files = sourceFiles();
const known = new Set(files);
const violations = [];
const graph = new Map();

for (const file of files) {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  if (!mayBuildQueries(file)) {
    codeLines(text).forEach((line, index) => {
      for (const [pattern, what] of QUERY_PATTERNS) {
        if (pattern.test(line))
          violations.push(`${file}:${index + 1} sql-outside-repository — ${what}: ${line.trim()}`);
      }
    });
  }
  if (file.startsWith("src/server/") && file !== "src/server/errors.ts" && !isTest(file)) {
    codeLines(text).forEach((line, index) => {
      if (/\bnew AppError\s*\(/.test(line))
        violations.push(`${file}:${index + 1} error-without-reason — use fail() or fieldError()`);
    });
  }
  if (file.endsWith(".routes.ts")) {
    codeLines(text).forEach((line, index) => {
      if (/\.transaction\s*\(/.test(line))
        violations.push(`${file}:${index + 1} transaction-in-route — ${line.trim()}`);
    });
  }
  const edges = [];
  for (const imp of importsOf(file, text)) {
    if (!known.has(imp.target)) continue;
    const from = serverFeature(file);
    const to = serverFeature(imp.target);
    if (from && to && from !== to && imp.target.endsWith(".repository.ts") && !isTest(file)) {
      violations.push(`${file}:${imp.line} foreign-repository — imports ${imp.target}; call the ${to} service instead`);
    }
    const wFrom = webFeature(file);
    const wTo = webFeature(imp.target);
    if (wFrom && wTo && wFrom !== wTo) {
      violations.push(
        `${file}:${imp.line} web-feature-import — imports ${imp.target}; features meet through app/ and shared/`,
      );
    }
    if (!imp.typeOnly) edges.push({ to: imp.target, line: imp.line });
  }
  graph.set(file, edges);
}

// Cycles: Tarjan's strongly connected components over value imports; each component of more than
// one file (or a file importing itself) is reported once, with one cycle through it.
let index = 0;
const stack = [];
const onStack = new Set();
const indices = new Map();
const lowlink = new Map();
const components = [];
function strongConnect(v) {
  indices.set(v, index);
  lowlink.set(v, index);
  index += 1;
  stack.push(v);
  onStack.add(v);
  for (const { to } of graph.get(v) ?? []) {
    if (!indices.has(to)) {
      strongConnect(to);
      lowlink.set(v, Math.min(lowlink.get(v), lowlink.get(to)));
    } else if (onStack.has(to)) {
      lowlink.set(v, Math.min(lowlink.get(v), indices.get(to)));
    }
  }
  if (lowlink.get(v) === indices.get(v)) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    const selfLoop = (graph.get(v) ?? []).some((e) => e.to === v);
    if (component.length > 1 || selfLoop) components.push(component);
  }
}
for (const file of files) if (!indices.has(file)) strongConnect(file);

/** A shortest path back to `start` inside its component, for the message. */
function cycleThrough(start, members) {
  const inside = new Set(members);
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const { to } of graph.get(v) ?? []) {
      if (!inside.has(to)) continue;
      if (to === start) {
        const chain = [];
        for (let at = v; at && at !== start; at = previous.get(at)) chain.unshift(at);
        return [start, ...chain, start];
      }
      if (!previous.has(to)) {
        previous.set(to, v);
        queue.push(to);
      }
    }
  }
  return [start, start];
}
for (const component of components) {
  const start = [...component].sort()[0];
  const cycle = cycleThrough(start, component);
  const first = (graph.get(start) ?? []).find((e) => e.to === cycle[1]);
  violations.push(`${start}:${first?.line ?? 1} import-cycle — ${cycle.join(" → ")}`);
}

if (violations.length) {
  for (const v of violations) console.error(v);
  console.error(`\ncheck-layers: ${violations.length} violation(s) in ${files.length} files`);
  process.exit(1);
}
console.log(`check-layers: ${files.length} files, 0 violations`);
