import { config, dialectName } from "./config.ts";
import { benchCriticalFactors } from "./critical-factors.ts";
import { fmtInt, fmtMs, type LoadResult, load, loadScreens, type Stats } from "./load.ts";
import { newBenchToken, type Target } from "./prepare.ts";
import { type Server, startServer, startVinculo } from "./servers.ts";
import { add, notes, verdict } from "./table.ts";
import { authHeaders, mix, scheduled, screenPaths, workload } from "./workload.ts";

/**
 * The figures of issue 13 for one database, at each connection count: the bare route right
 * before person-by-code (same process count, same run), quick search, the person screen and
 * the company's critical factors; then quick search again on a server with VINCULO_WORKERS=1,
 * the baseline the multi-process search is compared with.
 */
const GOALS = {
  lookupShare: { sqlite: 0.6, postgres: 0.35 },
  searchP95: { sqlite: 10, postgres: 15 },
  searchScale: 1.8,
  screenP95: 20,
  criticalP95: 50,
};

const problems = (s: Stats) => s.errors + s.non2xx;
const errorsNote = (s: Stats) =>
  problems(s)
    ? `; ${s.non2xx} non-2xx (${JSON.stringify(s.statuses)}), ${s.errors} errors${s.firstFailure ? `; first: ${s.firstFailure}` : ""}`
    : "";

/** A server's bench token still accepted (a rebuilt database leaves a stale token file behind). */
export async function ensureToken(server: Server, t: Target): Promise<void> {
  const res = await fetch(`${server.url}/api/me`, { headers: authHeaders(t) });
  if (res.status === 401) t.token = await newBenchToken(t);
  else if (!res.ok) throw new Error(`${t.name}: GET /api/me ${res.status} ${(await res.text()).slice(0, 300)}`);
}

async function warmUp(server: Server, t: Target, label: string): Promise<void> {
  const w = workload(t);
  const reads = mix([
    ["search", 3],
    ["lookup", 3],
    ["tabs", 1],
    ["tickets", 1],
    ["critical", 1],
    ["badge", 1],
  ]);
  await load(`(aquecimento) ${label}`, {
    url: server.url,
    headers: authHeaders(t),
    connections: Math.max(...config.connections),
    seconds: Math.max(2, Math.min(config.seconds, 5)),
    next: scheduled(w, reads),
  });
}

/** The yardstick at `connections`, as many processes as Vínculo serves with. */
async function bare(workers: number, connections: number): Promise<LoadResult> {
  const server = await startServer({
    script: "bench/bare-server.ts",
    env: { BARE_WORKERS: String(workers) },
    healthPath: "/bare",
    expectedWorkers: workers,
    label: "rota Fastify pura",
  });
  try {
    const next = () => ({ kind: "pura", path: "/bare" });
    const warm = Math.max(1, Math.min(2, config.seconds));
    await load("(aquecimento) rota Fastify pura", { url: server.url, connections, seconds: warm, next, quiet: true });
    return await load(`rota Fastify pura, ${workers} processo(s), ${connections} con.`, {
      url: server.url,
      connections,
      seconds: config.seconds,
      next,
    });
  } finally {
    await server.stop();
  }
}

/** The connection count the search scaling goal is read at: 10 when measured, else the largest above 1. */
export const scalingConnections = () =>
  config.connections.includes(10) ? 10 : Math.max(0, ...config.connections.filter((c) => c > 1)) || undefined;

export async function benchFigures(t: Target): Promise<void> {
  const db = dialectName(t.dialect);
  const label = db;
  const server = await startVinculo(t.env, {
    label: `Vínculo (${db})`,
    workers: config.workers,
    expectedWorkers: config.expectedWorkers,
  });
  const scaleC = scalingConnections();
  let searchAtScale: Stats | undefined;
  notes.push(
    `${db}: ${fmtInt(t.persons)} persons, ${fmtInt(t.tickets)} tickets; Vínculo served by ${server.serving} process(es)` +
      ` (VINCULO_WORKERS=${config.workers ?? "unset"}), the bare route by as many.`,
  );
  try {
    await ensureToken(server, t);
    const headers = authHeaders(t);
    const w = workload(t);
    await warmUp(server, t, label);
    for (const c of config.connections) {
      const base = { url: server.url, headers, connections: c, seconds: config.seconds };
      const yardstick = await bare(server.serving, c);
      add({
        db,
        figure: `bare Fastify route (yardstick, ${server.serving} process${server.serving > 1 ? "es" : ""})`,
        connections: String(c),
        measured: `${fmtInt(yardstick.reqPerSec)} req/s`,
      });
      const lookup = await load(`pessoa por código, ${c} con. — ${label}`, { ...base, next: w.lookup });
      const share = lookup.reqPerSec / yardstick.reqPerSec;
      const goal = GOALS.lookupShare[t.dialect];
      add({
        db,
        figure: "person by code, real token",
        connections: String(c),
        goal: `≥ ${goal * 100} % of bare req/s`,
        measured: `${fmtInt(lookup.reqPerSec)} req/s = ${Math.round(share * 100)} % (p95 ${fmtMs(lookup.p95)})${errorsNote(lookup)}`,
        holds: verdict(share >= goal, problems(lookup)),
      });

      const search = await load(`busca rápida, ${c} con. — ${label}`, { ...base, next: w.search });
      if (c === 1) {
        const limit = GOALS.searchP95[t.dialect];
        add({
          db,
          figure: "quick search p95",
          connections: "1",
          goal: `≤ ${limit} ms`,
          measured: `p95 ${fmtMs(search.p95)} (p50 ${fmtMs(search.p50)}, ${fmtInt(search.reqPerSec)} req/s)${errorsNote(search)}`,
          holds: verdict(search.p95 <= limit, problems(search)),
        });
      } else if (c === scaleC) {
        searchAtScale = search;
      } else {
        add({
          db,
          figure: "quick search",
          connections: String(c),
          measured: `${fmtInt(search.reqPerSec)} req/s, p95 ${fmtMs(search.p95)}${errorsNote(search)}`,
        });
      }

      if (!t.tickets) continue;
      const screen = await loadScreens(`tela da pessoa, ${c} con. — ${label}`, base, (i) =>
        screenPaths(t.codes[i % t.codes.length] as number),
      );
      add({
        db,
        figure: "person screen (header + tabs + open tickets)",
        connections: String(c),
        goal: `p95 ≤ ${GOALS.screenP95} ms`,
        measured: `p95 ${fmtMs(screen.p95)} (p50 ${fmtMs(screen.p50)}, ${fmtInt(screen.reqPerSec)} screens/s)${errorsNote(screen)}`,
        holds: verdict(screen.p95 <= GOALS.screenP95, problems(screen)),
      });
      const last = c === Math.max(...config.connections);
      const critical = await benchCriticalFactors({ ...base, label, codes: t.codes, secondary: last });
      add({
        db,
        figure: "critical factors, company page",
        connections: String(c),
        goal: `p95 ≤ ${GOALS.criticalP95} ms`,
        measured: `p95 ${fmtMs(critical.company.p95)} (${fmtInt(critical.company.reqPerSec)} req/s)${errorsNote(critical.company)}`,
        holds: verdict(critical.company.p95 <= GOALS.criticalP95, problems(critical.company)),
      });
      if (last) notes.push(`${db}: critical factors page shows ${critical.visible} to the bench user.`);
      for (const s of critical.secondary) {
        add({
          db,
          figure: s.figure,
          connections: String(c),
          measured: `p95 ${fmtMs(s.p95)} (${fmtInt(s.reqPerSec)} req/s)${errorsNote(s)}`,
        });
      }
    }
    if (!t.tickets) notes.push(`${db}: no tickets in the database, so no person screen nor critical factors.`);
  } finally {
    await server.stop();
  }
  if (searchAtScale && scaleC) await searchScaling(t, label, scaleC, searchAtScale);
}

/** Quick search on one process, same database, same run: what the workers are compared with. */
async function searchScaling(t: Target, label: string, c: number, many: Stats): Promise<void> {
  const db = dialectName(t.dialect);
  const server = await startVinculo(t.env, { label: `Vínculo (${db}, 1 worker)`, workers: "1", expectedWorkers: 1 });
  let one: LoadResult;
  try {
    await warmUp(server, t, `${label}, VINCULO_WORKERS=1`);
    one = await load(`busca rápida, ${c} con., VINCULO_WORKERS=1 — ${label}`, {
      url: server.url,
      headers: authHeaders(t),
      connections: c,
      seconds: config.seconds,
      next: workload(t).search,
    });
  } finally {
    await server.stop();
  }
  const ratio = many.reqPerSec / one.reqPerSec;
  add({
    db,
    figure: "quick search req/s vs VINCULO_WORKERS=1",
    connections: String(c),
    goal: `≥ ${GOALS.searchScale} ×`,
    measured: `${fmtInt(many.reqPerSec)} vs ${fmtInt(one.reqPerSec)} req/s = ${ratio.toFixed(2)} × (p95 ${fmtMs(many.p95)})${errorsNote(many)}${errorsNote(one)}`,
    holds: verdict(ratio >= GOALS.searchScale, problems(many) + problems(one)),
  });
}
