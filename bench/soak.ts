import fs from "node:fs";
import path from "node:path";
import { BENCH_DIR, config, dialectName } from "./config.ts";
import { ensureToken } from "./figures.ts";
import { fmtInt, fmtMs, load, type Sample, type Unanswered } from "./load.ts";
import type { Target } from "./prepare.ts";
import { describeProbe, describeQueue, type ProbeResult, startProbe } from "./probe.ts";
import { contention, longestStalls, matchSample, readServerLog, type Served } from "./server-log.ts";
import { nodeProcesses, type Proc, startVinculo } from "./servers.ts";
import { add, notes, verdict } from "./table.ts";
import { authHeaders, mix, scheduled, workload } from "./workload.ts";

/**
 * The 200-connection run (issue 13's last goal, issue 12 item 7): a mixed authenticated load
 * for BENCH_SOAK_SECONDS, then the server left idle for BENCH_SOAK_SETTLE_SECONDS. Records
 * every request (kind, path, start, time), the RSS of every process of the server's tree,
 * and the server's own request log, so the slowest requests can be told apart: slow inside
 * the handler (waiting on the database, a lock, the pool) or slow before the handler ran
 * (a stalled event loop, the accept queue).
 */
const GOALS = { p99: 150, max: 1000, rssMb: 250, settle: 0.1 };

/** Reads mostly, as a working day: ~8 % writes (pareceres, new atendimentos). */
const SOAK_MIX = mix([
  ["search", 30],
  ["lookup", 25],
  ["tabs", 10],
  ["tickets", 15],
  ["critical", 4],
  ["badge", 8],
  ["note", 6],
  ["newTicket", 2],
]);

const rssOf = (procs: Proc[]) => new Map(nodeProcesses(procs).map((p) => [p.pid, p.rssMb]));
const mb = (n: number | undefined) => (n === undefined ? "—" : `${Math.round(n)} MB`);

function role(pid: number, tree: Proc[]): string {
  const nodes = nodeProcesses(tree);
  if (nodes.length === 1) return "process";
  return nodes[0]?.pid === pid ? "primary" : `worker ${nodes.findIndex((p) => p.pid === pid)}`;
}

export async function benchSoak(t: Target): Promise<void> {
  const db = dialectName(t.dialect);
  const s = config.soak;
  const logFile = path.join(BENCH_DIR, `soak-${t.name}.log`);
  const server = await startVinculo(t.env, {
    label: `Vínculo (${db}, soak)`,
    workers: config.workers,
    expectedWorkers: config.expectedWorkers,
    logLevel: s.logLevel,
    logFile,
  });
  const label = `${s.connections} conexões × ${s.seconds} s, carga mista — ${db}`;
  const samples: Sample[] = [];
  let result: Awaited<ReturnType<typeof load>>;
  let idle: Map<number, number>;
  let after: Map<number, number>;
  const peak = new Map<number, number>();
  let tree: Proc[];
  let soakStart: number;
  let probe: ProbeResult;
  try {
    await ensureToken(server, t);
    const base = { url: server.url, headers: authHeaders(t), timeoutSeconds: 30 };
    const w = workload(t);
    await load(`(aquecimento) carga mista — ${db}`, {
      ...base,
      connections: 10,
      seconds: Math.max(2, Math.min(config.seconds, 5)),
      next: scheduled(w, SOAK_MIX),
    });
    await new Promise((r) => setTimeout(r, 5000));
    tree = server.tree();
    idle = rssOf(tree);
    const sampler = setInterval(() => {
      for (const [pid, rss] of rssOf(server.tree())) peak.set(pid, Math.max(peak.get(pid) ?? 0, rss));
    }, 1000);
    soakStart = Date.now();
    const prober = await startProbe(server.url);
    try {
      result = await load(label, {
        ...base,
        connections: s.connections,
        seconds: s.seconds,
        next: scheduled(w, SOAK_MIX),
        onSample: (x) => samples.push(x),
      });
    } finally {
      clearInterval(sampler);
      probe = prober.stop();
    }
    for (const [pid, rss] of rssOf(server.tree())) peak.set(pid, Math.max(peak.get(pid) ?? 0, rss));
    console.log(`  aguardando ${s.settleSeconds} s com o servidor ocioso para ler a memória de novo…`);
    await new Promise((r) => setTimeout(r, s.settleSeconds * 1000));
    after = rssOf(server.tree());
  } finally {
    await server.stop();
  }

  // --- the figures
  const problems = result.errors + result.non2xx;
  const stuck = result.unanswered[0];
  const max = Math.max(result.max, stuck?.ageMs ?? 0);
  const c = String(s.connections);
  add({
    db,
    figure: `mixed load ${s.seconds} s: errors`,
    connections: c,
    goal: "0",
    measured: `${result.errors} errors (${result.timeouts} timeouts), ${result.non2xx} non-2xx of ${fmtInt(result.count)} requests (${fmtInt(result.reqPerSec)} req/s)${result.non2xx ? ` ${JSON.stringify(result.statuses)}; first: ${result.firstFailure ?? "?"}` : ""}`,
    holds: verdict(problems === 0),
  });
  add({
    db,
    figure: "mixed load: p99",
    connections: c,
    goal: `≤ ${GOALS.p99} ms`,
    measured: `p99 ${fmtMs(result.p99)} (p50 ${fmtMs(result.p50)}, p95 ${fmtMs(result.p95)})`,
    holds: verdict(result.p99 <= GOALS.p99),
  });
  add({
    db,
    figure: "mixed load: slowest request",
    connections: c,
    goal: `≤ ${GOALS.max / 1000} s`,
    measured: `${stuck && stuck.ageMs >= result.max ? `${stuck.timedOut ? "≥ " : ""}${fmtMs(max)} (${stuck.timedOut ? `${result.timeouts} given up at ${fmtMs(stuck.ageMs)}` : "unanswered at the end"}${stuck.first ? ", first request of a connection" : ""}: ${stuck.path.split("?")[0]})` : fmtMs(max)}`,
    holds: verdict(max <= GOALS.max),
  });
  // The split that explains the outliers: a connection's first request also waits to be
  // accepted, and a saturated Node process accepts new connections slowly.
  const firsts = samples.filter((x) => x.first).map((x) => x.ms);
  const kept = samples.filter((x) => !x.first).map((x) => x.ms);
  const maxOf = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);
  const p99Of = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)] ?? Number.NaN;
  add({
    db,
    figure: "mixed load: requests on established connections",
    connections: c,
    measured: `p99 ${fmtMs(p99Of(kept))}, slowest ${fmtMs(maxOf(kept))}; the ${firsts.length} first requests of new connections: slowest ${fmtMs(maxOf(firsts))}`,
  });
  add({
    db,
    figure: "mixed load: GET /api/health every 0.5 s beside it",
    connections: c,
    measured: describeProbe(probe),
  });
  add({
    db,
    figure: "mixed load: listening socket's accept queue",
    connections: c,
    measured: describeQueue(probe),
  });
  const pids = [...idle.keys()];
  const rssLine = (m: Map<number, number>) => pids.map((p) => `${role(p, tree)} ${mb(m.get(p))}`).join(", ");
  add({
    db,
    figure: "RSS per server process, peak",
    connections: c,
    goal: `≤ ${GOALS.rssMb} MB`,
    measured: rssLine(peak),
    holds: verdict(pids.every((p) => (peak.get(p) ?? 0) <= GOALS.rssMb)),
  });
  const grew = (p: number) => ((after.get(p) ?? Number.NaN) - (idle.get(p) ?? 0)) / (idle.get(p) ?? 1);
  add({
    db,
    figure: `RSS ${s.settleSeconds} s after the load vs idle before`,
    connections: c,
    goal: `≤ +${GOALS.settle * 100} %`,
    measured: pids
      .map(
        (p) =>
          `${role(p, tree)} ${mb(idle.get(p))} → ${mb(after.get(p))} (${grew(p) >= 0 ? "+" : ""}${Math.round(grew(p) * 100)} %)`,
      )
      .join(", "),
    holds: verdict(pids.every((p) => grew(p) <= GOALS.settle)),
  });
  notes.push(
    `${db}: the ${s.connections}-connection run opens all its connections at once, LOG_LEVEL=${s.logLevel} (the server's default, so its own log times each request); mix: 30 % search, 25 % person, 10 % tabs, 15 % tickets, 4 % critical factors page, 8 % badge, 6 % new note, 2 % new ticket.`,
  );
  byKind(samples);
  await slowest(t, samples, result.unanswered, logFile, soakStart);
  if (!s.keepLog) fs.rmSync(logFile, { force: true });
}

function byKind(samples: Sample[]): void {
  const kinds = new Map<string, number[]>();
  for (const x of samples) {
    const list = kinds.get(x.kind);
    if (list) list.push(x.ms);
    else kinds.set(x.kind, [x.ms]);
  }
  console.log("  por tipo de requisição:");
  for (const [kind, times] of kinds) {
    times.sort((a, b) => a - b);
    const p99 = times[Math.floor(times.length * 0.99)] ?? Number.NaN;
    console.log(
      `    ${kind.padEnd(28)} ${String(times.length).padStart(7)}   p99 ${fmtMs(p99).padStart(9)}   máx ${fmtMs(times[times.length - 1] ?? Number.NaN)}`,
    );
  }
}

/** The 10 slowest, each with what the server's log says about it; the slowest with what it waited on. */
async function slowest(
  t: Target,
  samples: Sample[],
  unanswered: Unanswered[],
  logFile: string,
  soakStart: number,
): Promise<void> {
  const db = dialectName(t.dialect);
  const served = (await readServerLog(logFile)).filter((x) => x.inAt >= soakStart - 5);
  const sorted = [...samples].sort((a, b) => b.ms - a.ms);
  const top = sorted.slice(0, 10);
  const report: unknown[] = [];
  const list = (title: string, picked: Sample[]) => {
    console.log(
      `  ${title} (${served.length ? "com o log do servidor" : "sem log do servidor: BENCH_SOAK_LOG_LEVEL=info"}):`,
    );
    console.log(
      "      início       tempo  status  no servidor      antes     depois   proc.  requisição  (antes/depois: fora do handler; 1ª: primeira da conexão)",
    );
    for (const x of picked) {
      const m = served.length ? matchSample(x, served) : undefined;
      const before = m ? `${Math.round(m.inAt - x.startedAt)} ms` : "—";
      const after = m ? `${Math.round(x.startedAt + x.ms - m.outAt)} ms` : "—";
      console.log(
        `    ${`${(x.offsetMs / 1000).toFixed(2)} s`.padStart(8)} ${fmtMs(x.ms).padStart(11)}  ${String(x.status).padStart(6)}  ${(m ? fmtMs(m.responseMs) : "—").padStart(11)} ${before.padStart(10)} ${after.padStart(10)}  ${String(m?.pid ?? "—").padStart(6)}  ${x.first ? "1ª " : ""}${x.method} ${x.path}`,
      );
      report.push({ ...x, server: m ?? null });
    }
  };
  list("as 10 requisições mais lentas", top);
  const established = sorted.filter((x) => !x.first).slice(0, 10);
  if (top.some((x) => x.first)) list("as 10 mais lentas em conexões já abertas", established);
  // The ones merely in flight when the run stopped say nothing: only those that waited long.
  for (const u of unanswered.filter((x) => x.timedOut || x.ageMs > 1000).slice(0, 5))
    console.log(
      `    ${u.timedOut ? "desistiu após" : "sem resposta ao fim, há"} ${fmtMs(u.ageMs)}: ${u.first ? "1ª " : ""}${u.path} (início ${(u.offsetMs / 1000).toFixed(2)} s)`,
    );

  const explainOne = (what: string, x: Sample | undefined) => {
    if (!x) return;
    const line = `${db}, ${what}: ${x.method} ${x.path.split("?")[0]} ${fmtMs(x.ms)} at ${(x.offsetMs / 1000).toFixed(1)} s, ${explain(x, served)}`;
    console.log(`  ${line}`);
    notes.push(line);
  };
  explainOne(`slowest of the ${config.soak.connections}-connection run`, top[0]);
  if (top[0]?.first) explainOne("slowest on an established connection", established[0]);
  const stalls = longestStalls(served.filter((x) => x.outAt <= soakStart + config.soak.seconds * 1000));
  for (const st of stalls.slice(0, 4))
    console.log(
      `  processo ${st.pid}: ${fmtMs(st.ms)} sem concluir nenhuma requisição (a ${((st.at - soakStart) / 1000).toFixed(1)} s do início)`,
    );
  if (stalls[0]) notes.push(`${db}: longest pause without a completed request on one process: ${fmtMs(stalls[0].ms)}.`);
  const file = path.join(BENCH_DIR, `soak-${t.name}-${new Date().toISOString().slice(0, 10)}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify(
      { slowest: report, unanswered: unanswered.slice(0, 20), stalls, over100ms: slowSamples(samples, served) },
      null,
      1,
    ),
  );
  console.log(`  detalhes em ${path.relative(process.cwd(), file)}`);
}

/** Where a slow request's time went, from the server's log of it and of its process meanwhile. */
function explain(x: Sample, served: Served[]): string {
  const m = served.length ? matchSample(x, served) : undefined;
  if (!m) return "not found in the server's log.";
  const busy = contention(m, served, x.startedAt, x.startedAt + x.ms);
  const handler = m.responseMs;
  const outside = x.ms - handler;
  const where =
    x.first && outside > handler
      ? `before the handler (${fmtMs(m.inAt - x.startedAt)} of it): the first request of its connection, waiting with the connection in the listen queue until the busy process accepted it`
      : handler >= outside
        ? `inside the handler (${fmtMs(handler)} of it: waiting on the database, a lock or the pool)`
        : `outside the handler (${fmtMs(outside)} of it: queued behind other requests on the process's event loop)`;
  const others = busy.slow.map((o) => `${o.method} ${o.path} ${fmtMs(o.responseMs)}`).join("; ");
  return `${where}; meanwhile its process (pid ${m.pid}) finished ${fmtInt(busy.finished)} other requests (${fmtInt(busy.writes)} writes; their handler times add up to ${fmtMs(busy.busyMs)}), the slowest ${others || "none"}.`;
}

/** Every request over 100 ms, with its server-side time when found: the raw data for "find the 12 s request". */
function slowSamples(samples: Sample[], served: Served[]) {
  return samples
    .filter((x) => x.ms > 100)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 500)
    .map((x) => {
      const m = served.length ? matchSample(x, served) : undefined;
      return { ...x, serverMs: m?.responseMs ?? null, pid: m?.pid ?? null };
    });
}
