import type { EventEmitter } from "node:events";
import autocannon from "autocannon";

/**
 * Critical factors under load (called by bench/run.ts for each target with tickets): the company
 * page as the browser asks for it (counts per sector + the first 50 tickets by sector, person and
 * due), the same filtered by sector and by responsible user, and a person's badge. The goal is the
 * company page at ≤ 50 ms p95 with 10 M tickets.
 */

type Options = {
  url: string;
  headers: Record<string, string>;
  label: string;
  seconds: number;
  connections: number;
  /** Codes of persons the bench user may see. */
  codes: number[];
};

const percentile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number) : Number.NaN;

async function run(o: Options, label: string, nextPath: () => string): Promise<{ p95: number }> {
  const times: number[] = [];
  const instance = autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.seconds,
    headers: o.headers,
    requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: nextPath() }) }],
  });
  (instance as unknown as EventEmitter).on(
    "response",
    (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime),
  );
  const result = await instance;
  times.sort((a, b) => a - b);
  const [p50, p95, p99] = [percentile(times, 50), percentile(times, 95), percentile(times, 99)];
  const problems = result.non2xx || result.errors ? `   (non-2xx ${result.non2xx}, errors ${result.errors})` : "";
  console.log(
    `${label.padEnd(38)} ${String(Math.round(result.requests.average)).padStart(7)} req/s   p50 ${p50.toFixed(2)} ms   p95 ${p95.toFixed(2)} ms   p99 ${p99.toFixed(2)} ms${problems}`,
  );
  return { p95 };
}

async function firstJson(o: Options, path: string): Promise<Record<string, unknown>> {
  const res = await fetch(o.url + path, { headers: o.headers });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

export async function benchCriticalFactors(o: Options): Promise<void> {
  // What the page shows first, to pick realistic filters.
  const page = (await firstJson(o, "/api/critical-factors?limit=50")) as {
    bySector: { sector: { id: number }; critical: number; attention: number }[];
    counts: { critical: number; attention: number };
    items: { responsible: { id: number } | null }[];
    nextCursor: string | null;
  };
  console.log(
    `  fatores críticos visíveis ao usuário do bench: ${page.counts.critical.toLocaleString("pt-BR")} críticos, ${page.counts.attention.toLocaleString("pt-BR")} em atenção, ${page.bySector.length} setores`,
  );
  const sectors = page.bySector.map((s) => s.sector.id);
  const responsible = page.items.find((i) => i.responsible)?.responsible?.id;
  let i = 0;
  await run(o, `(aquecimento) fatores críticos — ${o.label}`, () => "/api/critical-factors?limit=50");
  const company = await run(o, `fatores críticos (empresa) — ${o.label}`, () => "/api/critical-factors?limit=50");
  console.log(
    `  meta: p95 ≤ 50 ms → ${company.p95 <= 50 ? "atingida" : "NÃO atingida"} (${company.p95.toFixed(1)} ms)`,
  );
  if (sectors.length) {
    await run(
      o,
      `fatores críticos por setor — ${o.label}`,
      () => `/api/critical-factors?limit=50&sectorId=${sectors[i++ % sectors.length]}`,
    );
  }
  if (page.nextCursor) {
    const cursor = page.nextCursor;
    await run(o, `fatores críticos, 2ª página — ${o.label}`, () => `/api/critical-factors?limit=50&cursor=${cursor}`);
  }
  if (responsible !== undefined) {
    await run(
      o,
      `fatores críticos por responsável — ${o.label}`,
      () => `/api/critical-factors?limit=50&responsibleUserId=${responsible}`,
    );
  }
  await run(
    o,
    `fatores críticos da pessoa — ${o.label}`,
    () => `/api/persons/${o.codes[i++ % o.codes.length]}/critical-factors`,
  );
}
