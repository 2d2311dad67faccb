import fs from "node:fs";
import readline from "node:readline";
import type { Sample } from "./load.ts";

/**
 * The server's own request log (pino at LOG_LEVEL=info: "incoming request" and "request
 * completed" with responseTime, per process id and request id), read back after a run so a
 * slow request seen by the client can be split into time inside the server's handler and
 * time before or after it (queued on a busy event loop, in the socket backlog, or connecting).
 */
export type Served = {
  pid: number;
  reqId: string;
  method: string;
  path: string;
  /** Epoch ms of the log lines; pino's clock is the same wall clock the client reads. */
  inAt: number;
  outAt: number;
  responseMs: number;
  status: number;
};

type Line = {
  pid?: number;
  reqId?: string;
  time?: number;
  msg?: string;
  req?: { method?: string; path?: string };
  res?: { statusCode?: number };
  responseTime?: number;
};

export async function readServerLog(file: string): Promise<Served[]> {
  if (!fs.existsSync(file)) return [];
  const open = new Map<string, Served>();
  const done: Served[] = [];
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const text of lines) {
    if (!text.startsWith("{")) continue;
    let line: Line;
    try {
      line = JSON.parse(text) as Line;
    } catch {
      continue;
    }
    if (!line.reqId || line.pid === undefined || line.time === undefined) continue;
    const key = `${line.pid}/${line.reqId}`;
    if (line.msg === "incoming request") {
      open.set(key, {
        pid: line.pid,
        reqId: line.reqId,
        method: line.req?.method ?? "",
        path: line.req?.path ?? "",
        inAt: line.time,
        outAt: Number.NaN,
        responseMs: Number.NaN,
        status: 0,
      });
    } else if (line.msg === "request completed") {
      const s = open.get(key);
      if (!s) continue;
      open.delete(key);
      s.outAt = line.time;
      s.responseMs = line.responseTime ?? Number.NaN;
      s.status = line.res?.statusCode ?? 0;
      done.push(s);
    }
  }
  return done.sort((a, b) => a.outAt - b.outAt);
}

/**
 * The logged request a client sample was: same method and path, arrived inside the client's
 * window, finishing closest to when the client got its answer. The "request completed" line is
 * written on the response's finish event, which a busy event loop may run well after the
 * client already read the answer: so a match may finish up to LATE_MS after the client's end.
 * pino's time has ms resolution: 2 ms slack on the other edges.
 */
const LATE_MS = 1000;

export function matchSample(s: Sample, served: Served[]): Served | undefined {
  const path = s.path.split("?")[0];
  const end = s.startedAt + s.ms;
  // served is sorted by outAt, and a request is logged as completed after the client sent it.
  let lo = 0;
  let hi = served.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((served[mid] as Served).outAt < s.startedAt - 2) lo = mid + 1;
    else hi = mid;
  }
  let best: Served | undefined;
  for (let i = lo; i < served.length; i++) {
    const x = served[i] as Served;
    if (x.outAt > end + LATE_MS) break;
    if (x.method !== s.method || x.path !== path || x.inAt < s.startedAt - 2 || x.inAt > end + 2) continue;
    if (!best || Math.abs(end - x.outAt) < Math.abs(end - best.outAt)) best = x;
  }
  return best;
}

/**
 * What the process that served `x` did while the client waited for it (from the client's
 * send to its answer): the requests it finished meanwhile, its writes, and the slowest of them.
 */
export function contention(x: Served, served: Served[], from: number, to: number) {
  const same = served.filter((o) => o.pid === x.pid && o !== x && o.outAt >= from && o.outAt <= to);
  const writes = same.filter((o) => o.method !== "GET");
  const slow = [...same].sort((a, b) => b.responseMs - a.responseMs).slice(0, 3);
  const busyMs = same.reduce((sum, o) => sum + (Number.isNaN(o.responseMs) ? 0 : o.responseMs), 0);
  return { finished: same.length, writes: writes.length, slow, busyMs };
}

/** Per process, the longest time with no request completed while requests were open: a stalled event loop. */
export function longestStalls(served: Served[]): { pid: number; ms: number; at: number }[] {
  const byPid = new Map<number, Served[]>();
  for (const s of served) {
    const list = byPid.get(s.pid);
    if (list) list.push(s);
    else byPid.set(s.pid, [s]);
  }
  const out: { pid: number; ms: number; at: number }[] = [];
  for (const [pid, list] of byPid) {
    let worst = { pid, ms: 0, at: Number.NaN };
    for (let i = 1; i < list.length; i++) {
      const gap = (list[i] as Served).outAt - (list[i - 1] as Served).outAt;
      if (gap > worst.ms) worst = { pid, ms: gap, at: (list[i - 1] as Served).outAt };
    }
    out.push(worst);
  }
  return out.sort((a, b) => b.ms - a.ms);
}
