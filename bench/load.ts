import http from "node:http";
import autocannon from "autocannon";

/**
 * Load generation. autocannon drives single requests (it is the cheapest client in Node, and
 * the client shares the 2 cores with the server); each request's time is taken from its own
 * setupRequest to its onResponse, so every sample keeps its path and start, which is what
 * finding one slow request needs. The person screen (three requests together) has its own
 * loop over node:http keep-alive sockets.
 */
export type RequestSpec = { kind: string; method?: "GET" | "POST"; path: string; body?: unknown };

export type Sample = {
  kind: string;
  method: string;
  path: string;
  /** ms since the run started, and epoch ms (to match the server's log lines). */
  offsetMs: number;
  startedAt: number;
  ms: number;
  status: number;
  /** The first request of its connection: its time includes connecting and waiting to be accepted. */
  first: boolean;
};

export type Stats = {
  label: string;
  connections: number;
  count: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statuses: Record<string, number>;
  /** The first answer that was not 2xx ("500 GET /api/…: {body}"): a figure made of failures says why. */
  firstFailure?: string;
};

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

export const fmtMs = (ms: number) => (Number.isNaN(ms) ? "—" : ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(1)} ms`);
/** "12 345": the README's way of writing counts. */
export const fmtInt = (n: number) => Math.round(n).toLocaleString("en-US").replace(/,/g, " ");

export function summarize(
  label: string,
  connections: number,
  seconds: number,
  times: number[],
  extra: Pick<Stats, "errors" | "timeouts" | "non2xx" | "statuses" | "firstFailure">,
): Stats {
  times.sort((a, b) => a - b);
  return {
    label,
    connections,
    count: times.length,
    reqPerSec: times.length / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.length ? (times[times.length - 1] as number) : Number.NaN,
    ...extra,
  };
}

/** Short enough for a table cell and a console line. */
export const failure = (status: number, method: string, path: string, body: string) =>
  `${status} ${method} ${path.split("?")[0]}: ${body.replace(/\s+/g, " ").slice(0, 160)}`;

export function printStats(s: Stats, unit = "req/s"): void {
  const problems =
    s.non2xx || s.errors
      ? `   (não-2xx ${s.non2xx}${s.errors ? `, erros ${s.errors}${s.timeouts ? `, ${s.timeouts} por tempo` : ""}` : ""})`
      : "";
  console.log(
    `${s.label.padEnd(52)} ${String(Math.round(s.reqPerSec)).padStart(7)} ${unit.padEnd(8)} p50 ${fmtMs(s.p50)}   p95 ${fmtMs(s.p95)}   p99 ${fmtMs(s.p99)}   máx ${fmtMs(s.max)}${problems}`,
  );
  if (s.firstFailure) console.log(`    primeira falha: ${s.firstFailure}`);
}

type Context = { spec?: RequestSpec; started?: number; first?: boolean };

export type LoadOptions = {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  next: () => RequestSpec;
  /** Every answered request, with its path and start (the soak keeps them all). */
  onSample?: (s: Sample) => void;
  /** autocannon gives up on a request after this (default 10 s); the soak waits longer so a slow one is timed, not lost. */
  timeoutSeconds?: number;
  quiet?: boolean;
};

export type Unanswered = {
  kind: string;
  path: string;
  offsetMs: number;
  /** How long it waited: until the run ended, or until autocannon gave up on it. */
  ageMs: number;
  timedOut: boolean;
  first: boolean;
};

export type LoadResult = Stats & {
  /** Requests sent but not answered when the run ended: a stuck one shows here. */
  unanswered: Unanswered[];
};

export async function load(label: string, o: LoadOptions): Promise<LoadResult> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  const inFlight = new Set<Context>();
  const t0 = performance.now();
  // Read now, not from performance.timeOrigin: the monotonic clock drifts from the wall clock
  // the server's log is stamped with over a long bench, and matching needs them within ~2 ms.
  const epoch0 = Date.now();
  let non2xx = 0;
  let firstFailure: string | undefined;
  // autocannon builds each connection's first request when it creates the connection, all
  // before any answer: the first `connections` builds are the connections' first requests.
  let built = 0;
  const instance = autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.seconds,
    timeout: o.timeoutSeconds ?? 10,
    headers: o.headers ?? {},
    requests: [
      {
        setupRequest: (req: autocannon.Request, ctx: object) => {
          const context = ctx as Context;
          const spec = o.next();
          context.spec = spec;
          context.started = performance.now();
          context.first = ++built <= o.connections;
          inFlight.add(context);
          const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
          return {
            ...req,
            method: spec.method ?? "GET",
            path: spec.path,
            ...(body === undefined
              ? {}
              : { body, headers: { ...(req.headers ?? {}), "content-type": "application/json" } }),
          };
        },
        onResponse: (status: number, body: string, ctx: object) => {
          const context = ctx as Context;
          const spec = context.spec;
          const started = context.started;
          inFlight.delete(context);
          if (!spec || started === undefined) return;
          const ms = performance.now() - started;
          times.push(ms);
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status < 200 || status >= 300) {
            non2xx++;
            firstFailure ??= failure(status, spec.method ?? "GET", spec.path, body ?? "");
          }
          o.onSample?.({
            kind: spec.kind,
            method: spec.method ?? "GET",
            path: spec.path,
            offsetMs: started - t0,
            startedAt: epoch0 + (started - t0),
            ms,
            status,
            first: context.first ?? false,
          });
        },
      },
    ],
  });
  const result = await instance;
  const ended = performance.now();
  const seconds = (ended - t0) / 1000;
  const stats = summarize(label, o.connections, Math.max(seconds, 0.001), times, {
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx,
    statuses,
    ...(firstFailure ? { firstFailure } : {}),
  });
  if (!o.quiet) printStats(stats);
  // A timed-out request stays here too (autocannon drops it and sends a new one): it waited the timeout.
  const timeoutMs = (o.timeoutSeconds ?? 10) * 1000;
  const unanswered = [...inFlight]
    .filter((c) => c.spec && c.started !== undefined)
    .map((c): Unanswered => {
      const age = ended - (c.started as number);
      return {
        kind: c.spec?.kind ?? "",
        path: c.spec?.path ?? "",
        offsetMs: (c.started as number) - t0,
        ageMs: Math.min(age, timeoutMs),
        timedOut: age >= timeoutMs,
        first: c.first ?? false,
      };
    })
    .sort((a, b) => b.ageMs - a.ageMs);
  return { ...stats, unanswered };
}

type Answer = { status: number; body: Buffer };

/** One request over a keep-alive agent: less client CPU than fetch, which matters on 2 cores. */
export function request(
  agent: http.Agent,
  url: string,
  path: string,
  headers: Record<string, string>,
  method = "GET",
  body?: unknown,
): Promise<Answer> {
  const target = new URL(path, url);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        hostname: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method,
        headers: payload
          ? { ...headers, "content-type": "application/json", "content-length": payload.length }
          : headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

export async function getJson<T>(url: string, path: string, headers: Record<string, string>): Promise<T> {
  const res = await fetch(url + path, { headers });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * `connections` users, each opening a screen made of `paths(i)` requested together, for
 * `seconds`; one sample is the time until the last of them answered.
 */
export async function loadScreens(
  label: string,
  o: { url: string; connections: number; seconds: number; headers: Record<string, string> },
  paths: (i: number) => string[],
): Promise<Stats> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections * 4 });
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let non2xx = 0;
  let firstFailure: string | undefined;
  let i = 0;
  const t0 = performance.now();
  const deadline = t0 + o.seconds * 1000;
  const user = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      try {
        const screen = paths(i++);
        const answers = await Promise.all(screen.map((p) => request(agent, o.url, p, o.headers)));
        let bad = 0;
        answers.forEach((a, k) => {
          statuses[a.status] = (statuses[a.status] ?? 0) + 1;
          if (a.status >= 200 && a.status < 300) return;
          bad++;
          firstFailure ??= failure(a.status, "GET", screen[k] ?? "", a.body.toString());
        });
        non2xx += bad;
        if (!bad) times.push(performance.now() - started);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: o.connections }, user));
  agent.destroy();
  const stats = summarize(label, o.connections, (performance.now() - t0) / 1000, times, {
    errors,
    timeouts: 0,
    non2xx,
    statuses,
    ...(firstFailure ? { firstFailure } : {}),
  });
  printStats(stats, "telas/s");
  return stats;
}
