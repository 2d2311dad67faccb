import { pathToFileURL } from "node:url";
import { normalizeSearchText } from "../src/shared/search-text.ts";
import { type BenchDb, one, openBenchDb } from "./bench-db.ts";
import { config, type Dialect, dialectName } from "./config.ts";
import { fmtMs, percentile } from "./load.ts";
import { prepareTarget, type Target, vinculo } from "./prepare.ts";
import { type Kind, type Labelled, labelledSet } from "./search-queries.ts";
import { startServer } from "./servers.ts";
import { QUERIES } from "./workload.ts";

/**
 * Quality and speed of the quick search's typo tolerance (issue 21) over the scale seed: a labelled
 * set of queries made from the seeded names (one typo, two typos, swapped letters, Brazilian
 * spelling variants, two-word names with one word misspelled) and queries that must find nobody
 * else (CPFs and codes with one digit wrong). Prints recall@5 per kind, the false matches of
 * documents and codes, and the p95 of the typo queries and of the bench's typical queries, asked
 * one at a time (1 connection) by a user who sees the Cliente and Fornecedor categories.
 *
 * `node --import tsx bench/search-quality.ts` uses the bench databases (bench/prepare.ts, built
 * when missing); SEARCH_QUALITY_SQLITE_DIR and SEARCH_QUALITY_PG_URL point it at other ones.
 * BENCH_DIALECTS picks the databases.
 */

const GOALS: Partial<Record<Kind, number>> = {
  "one typo": 0.95,
  "swapped letters": 0.95,
  "two typos": 0.85,
  "spelling variant": 0.95,
  "two words, one misspelled": 0.95,
};

type Hit = {
  code: number;
  name: string;
  shortName: string | null;
  document: string | null;
  mainPhone: string | null;
  corrections?: unknown[];
};

export type QualityRow = { kind: Kind; queries: number; recall?: number; falseMatches?: number; p95: number };
export type QualityFigures = { dialect: Dialect; rows: QualityRow[]; typoP95: number; typicalP95: number };

const relevant = (hit: Hit, intended: string[]) => {
  const words = normalizeSearchText(`${hit.name} ${hit.shortName ?? ""}`).split(/[\s-]+/);
  return intended.every((i) => words.some((w) => w.startsWith(i)));
};

/** A document or code result that does not hold the digits typed came from something else than them. */
const holdsDigits = (hit: Hit, digits: string) =>
  !hit.corrections &&
  [
    String(hit.code),
    String(hit.code).padStart(6, "0"),
    hit.document ?? "",
    (hit.mainPhone ?? "").replace(/\D/g, ""),
  ].some((s) => s.includes(digits) || (digits.length <= 10 && Number(digits) === hit.code));

async function timedGet(url: string, token: string, q: string): Promise<{ ms: number; items: Hit[] }> {
  const t0 = performance.now();
  const res = await fetch(`${url}/api/persons?q=${encodeURIComponent(q)}&limit=10`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { items: Hit[] };
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`busca "${q}": ${res.status} ${JSON.stringify(body)}`);
  return { ms, items: body.items };
}

type SearchTarget = Pick<Target, "dialect" | "name" | "env" | "token">;

export async function searchQuality(target: SearchTarget): Promise<QualityFigures> {
  const location = {
    dialect: target.dialect,
    dataDir: target.env.VINCULO_DATA_DIR as string,
    databaseUrl: target.env.DATABASE_URL || undefined,
  };
  const db = await openBenchDb(location);
  let set: Labelled[];
  try {
    set = await buildSet(db);
  } finally {
    await db.close();
  }
  const server = await startServer({
    script: "src/server/main.ts",
    env: { ...target.env, LOG_LEVEL: "warn", VINCULO_WORKERS: "1" },
    healthPath: "/api/health",
    expectedWorkers: 1,
    label: `${target.name} (qualidade da busca)`,
  });
  try {
    // Warm-up: the first requests load modules, caches and pages.
    for (const l of set.slice(0, 30)) await timedGet(server.url, target.token, l.q);
    for (const q of QUERIES) await timedGet(server.url, target.token, q);
    const byKind = new Map<Kind, { n: number; hits: number; falseMatches: number; ms: number[] }>();
    for (const l of set) {
      const { ms, items } = await timedGet(server.url, target.token, l.q);
      const k = byKind.get(l.kind) ?? { n: 0, hits: 0, falseMatches: 0, ms: [] };
      k.n++;
      k.ms.push(ms);
      if (l.intended && items.slice(0, 5).some((h) => relevant(h, l.intended as string[]))) k.hits++;
      if (l.digits) k.falseMatches += items.filter((h) => !holdsDigits(h, l.digits as string)).length;
      byKind.set(l.kind, k);
    }
    const typical: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const q of QUERIES) typical.push((await timedGet(server.url, target.token, q)).ms);
    }
    const rows: QualityRow[] = [...byKind].map(([kind, k]) => ({
      kind,
      queries: k.n,
      ...(k.n && set.some((l) => l.kind === kind && l.intended) ? { recall: k.hits / k.n } : {}),
      ...(kind === "document" || kind === "code" ? { falseMatches: k.falseMatches } : {}),
      p95: percentile(
        [...k.ms].sort((a, b) => a - b),
        95,
      ),
    }));
    const typoMs = [...byKind]
      .filter(([kind]) => kind !== "document" && kind !== "code")
      .flatMap(([, k]) => k.ms)
      .sort((a, b) => a - b);
    return {
      dialect: target.dialect,
      rows,
      typoP95: percentile(typoMs, 95),
      typicalP95: percentile(
        typical.sort((a, b) => a - b),
        95,
      ),
    };
  } finally {
    await server.stop();
  }
}

async function buildSet(db: BenchDb): Promise<Labelled[]> {
  const maxCode = Number((await one<{ n: number }>(db, "select max(code) as n from persons"))?.n ?? 0);
  const step = Math.max(1, Math.floor(maxCode / 2000));
  const persons = await db.all<{ code: number; name: string; short_name: string | null; document: string | null }>(
    `select p.code, p.name, p.short_name, p.document from persons p
     where p.code % ? = 0 and p.is_active = 1 and p.id in (select pc.person_id from person_categories pc
       join categories c on c.id = pc.category_id where c.name in ('Cliente', 'Fornecedor'))
     order by p.code limit 2000`,
    [step],
  );
  const vocabulary = new Set((await db.all<{ word: string }>("select word from search_words")).map((r) => r.word));
  return labelledSet(
    persons.map((p) => ({ ...p, code: Number(p.code) })),
    vocabulary,
  );
}

export function printQuality(f: QualityFigures): void {
  console.log(`\nBusca com erros de digitação — ${dialectName(f.dialect)} (1 conexão, limit=10)`);
  console.log("| kind | queries | recall@5 (goal) | false matches (goal 0) | p95 |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const r of f.rows) {
    const goal = GOALS[r.kind];
    const recall =
      r.recall === undefined
        ? "—"
        : `${(r.recall * 100).toFixed(1)} %${goal ? ` (≥ ${goal * 100} %${r.recall >= goal ? ", holds" : ", MISSED"})` : ""}`;
    console.log(`| ${r.kind} | ${r.queries} | ${recall} | ${r.falseMatches ?? "—"} | ${fmtMs(r.p95)} |`);
  }
  const goal = f.dialect === "sqlite" ? 10 : 15;
  console.log(
    `typo queries p95 ${fmtMs(f.typoP95)} (goal ≤ ${goal} ms${f.typoP95 <= goal ? ", holds" : ", MISSED"}); ` +
      `typical queries (bench/workload.ts) p95 ${fmtMs(f.typicalP95)}`,
  );
}

/** A database given by hand: its own users (an administrator to make them, "bench-busca" to search). */
async function ownTarget(dialect: Dialect, where: string): Promise<SearchTarget> {
  const env =
    dialect === "sqlite"
      ? { VINCULO_DATA_DIR: where, DATABASE_URL: "" }
      : { VINCULO_DATA_DIR: ".bench", DATABASE_URL: where };
  await vinculo(["migrate"], env);
  const db = await openBenchDb({ dialect, dataDir: env.VINCULO_DATA_DIR, databaseUrl: env.DATABASE_URL || undefined });
  const exists = async (u: string) => Boolean(await one(db, "select id from users where username = ?", [u]));
  try {
    const password = "bench-password-1";
    if (!(await exists("bench-busca-admin")))
      await vinculo(["user", "create", "bench-busca-admin", "--admin"], { ...env, VINCULO_USER_PASSWORD: password });
    if (!(await exists("bench-busca"))) {
      const adminToken = await vinculo(["token", "create", "--user", "bench-busca-admin"], env);
      const categories = await db.all<{ id: number }>(
        "select id from categories where name in ('Cliente', 'Fornecedor')",
      );
      const server = await startServer({
        script: "src/server/main.ts",
        env: { ...env, LOG_LEVEL: "warn", VINCULO_WORKERS: "1" },
        healthPath: "/api/health",
        expectedWorkers: 1,
        label: "qualidade da busca (preparo)",
      });
      try {
        const post = async (p: string, body: unknown) => {
          const res = await fetch(server.url + p, {
            method: "POST",
            headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
            body: JSON.stringify(body),
          });
          if (res.status !== 201) throw new Error(`POST ${p}: ${res.status} ${await res.text()}`);
          return (await res.json()) as { id: number };
        };
        const profile = await post("/api/access-profiles", {
          name: `bench-busca-${Date.now()}`,
          grants: categories.map((c) => ({ categoryId: Number(c.id), tab: "addresses", level: "read" })),
        });
        await post("/api/users", {
          username: "bench-busca",
          name: "Atendente da busca",
          email: "bench-busca@exemplo.com.br",
          password,
          accessProfileIds: [profile.id],
        });
      } finally {
        await server.stop();
      }
    }
  } finally {
    await db.close();
  }
  const token = await vinculo(["token", "create", "--user", "bench-busca"], env);
  return { dialect, name: `${dialect} (${where})`, env, token };
}

async function main(): Promise<void> {
  for (const dialect of config.dialects) {
    const own = dialect === "sqlite" ? process.env.SEARCH_QUALITY_SQLITE_DIR : process.env.SEARCH_QUALITY_PG_URL;
    const target = own ? await ownTarget(dialect, own) : await prepareTarget(dialect, config.persons, 0);
    if (!target) {
      console.log(`${dialectName(dialect)}: indisponível, ignorado`);
      continue;
    }
    printQuality(await searchQuality(target));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
