import fs from "node:fs";
import http from "node:http";
import { fmtMs, percentile } from "./load.ts";

/**
 * A probe beside the soak's load: every `everyMs`, GET /api/health once on a new connection
 * and once on a connection kept open. Both wait behind the same busy event loops; only the new
 * one also waits to be accepted (under node:cluster, the primary hands each new connection to
 * a worker and waits for that worker's answer before it hands it the next). So the difference
 * between the two is the accept delay, which is what the slowest first requests of the soak
 * show and what a connection pool behind a proxy would not.
 *
 * It also reads, from /proc/net/tcp, how many connections wait in the listening socket's accept
 * queue: the kernel finished their handshake (the client thinks it is connected) but the server
 * process has not accepted them yet, so their first request has not even been read.
 */
type Kind = "fresh" | "established";

export type ProbeResult = Record<Kind, { times: number[]; pendingMs: number }> & {
  /** Accept-queue length at each tick, with its offset from the start in ms. */
  queue: { atMs: number; waiting: number }[];
};

/** Connections the kernel holds for the listening socket on 127.0.0.1:port (Linux), or null. */
export function acceptQueue(port: number): number | null {
  const local = `0100007F:${port.toString(16).toUpperCase().padStart(4, "0")}`;
  try {
    for (const line of fs.readFileSync("/proc/net/tcp", "utf8").split("\n")) {
      const f = line.trim().split(/\s+/);
      // st 0A = LISTEN; for a listening socket rx_queue is the accept queue's current length.
      if (f[1] === local && f[3] === "0A") return Number.parseInt(f[4]?.split(":")[1] ?? "0", 16);
    }
  } catch {
    // not Linux
  }
  return null;
}

/** Open its kept connection before the load starts (await it), so that one is really established. */
export async function startProbe(url: string, everyMs = 500): Promise<{ stop: () => ProbeResult }> {
  const keep = new http.Agent({ keepAlive: true, maxSockets: 1 });
  await new Promise<void>((resolve, reject) =>
    http
      .get(`${url}/api/health`, { agent: keep }, (res) => {
        res.resume();
        res.on("end", resolve);
      })
      .on("error", reject),
  );
  const port = Number(new URL(url).port);
  const t0 = performance.now();
  const queue: ProbeResult["queue"] = [];
  const times: Record<Kind, number[]> = { fresh: [], established: [] };
  const pending: Record<Kind, number | null> = { fresh: null, established: null };
  const fire = (kind: Kind) => {
    // One at a time per kind: a probe stuck for seconds is one sample, not a pile of them.
    if (pending[kind] !== null) return;
    const started = performance.now();
    pending[kind] = started;
    const done = (ok: boolean) => {
      if (ok) times[kind].push(performance.now() - started);
      pending[kind] = null;
    };
    const req = http.get(
      `${url}/api/health`,
      kind === "fresh" ? { agent: false, headers: { connection: "close" } } : { agent: keep },
      (res) => {
        res.resume();
        res.on("end", () => done(true));
        res.on("error", () => done(false));
      },
    );
    req.on("error", () => done(false));
  };
  const timer = setInterval(() => {
    const waiting = acceptQueue(port);
    if (waiting !== null) queue.push({ atMs: performance.now() - t0, waiting });
    fire("fresh");
    fire("established");
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      keep.destroy();
      const now = performance.now();
      const age = (k: Kind) => (pending[k] === null ? 0 : now - (pending[k] as number));
      return {
        fresh: { times: times.fresh, pendingMs: age("fresh") },
        established: { times: times.established, pendingMs: age("established") },
        queue,
      };
    },
  };
}

export function describeProbe(r: ProbeResult): string {
  const one = (k: Kind) => {
    const sorted = [...r[k].times].sort((a, b) => a - b);
    const max = Math.max(sorted[sorted.length - 1] ?? 0, r[k].pendingMs);
    const stuck = r[k].pendingMs > 0 ? `, one unanswered after ${fmtMs(r[k].pendingMs)}` : "";
    return `${k === "fresh" ? "new connection" : "open connection"} p50 ${fmtMs(percentile(sorted, 50))}, p95 ${fmtMs(percentile(sorted, 95))}, max ${fmtMs(max)} (${sorted.length}${stuck})`;
  };
  return `${one("fresh")}; ${one("established")}`;
}

export function describeQueue(r: ProbeResult): string {
  if (!r.queue.length) return "not readable (no /proc/net/tcp)";
  const worst = r.queue.reduce((a, b) => (b.waiting > a.waiting ? b : a));
  const busy = r.queue.filter((q) => q.waiting > 0).length;
  return `max ${worst.waiting} connections not yet accepted (at ${(worst.atMs / 1000).toFixed(1)} s); non-empty in ${busy} of ${r.queue.length} readings`;
}
