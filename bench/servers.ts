import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { ROOT } from "./config.ts";

/**
 * Servers under measure, each started from this process as users start it
 * (`node --import tsx src/server/main.ts`, README), and the /proc readings of their whole
 * process tree: with VINCULO_WORKERS the port is served by cluster workers under a primary,
 * and each of them must be counted, measured for memory and killed.
 */
export type Proc = { pid: number; ppid: number; comm: string; rssMb: number };

export type Server = {
  url: string;
  port: number;
  child: ChildProcess;
  /** Processes answering requests: the workers under a cluster primary, else the one process. */
  serving: number;
  tree: () => Proc[];
  stop: () => Promise<void>;
  /** kill -9 of every process in the tree at once, as a power cut or the OOM killer would. */
  kill9: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function readProc(pid: number): Proc | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // comm is in parentheses and may hold spaces: the fields after the last ")" are fixed.
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const ppid = Number(stat.slice(close + 2).split(" ")[1]);
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { pid, ppid, comm, rssMb: rssKb / 1024 };
  } catch {
    return null; // gone between the listing and the read
  }
}

/** The process and all its descendants, from /proc (Linux). */
export function processTree(root: number): Proc[] {
  const all: Proc[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const p = readProc(Number(entry));
    if (p) all.push(p);
  }
  const tree: Proc[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift() as number;
    const p = all.find((x) => x.pid === pid);
    if (!p) continue;
    tree.push(p);
    for (const c of all) if (c.ppid === pid) queue.push(c.pid);
  }
  return tree;
}

/** Node processes of the tree: esbuild's service (started by tsx) serves no request. */
export const nodeProcesses = (tree: Proc[]) => tree.filter((p) => p.comm.startsWith("node"));

export function servingCount(tree: Proc[]): number {
  const nodes = nodeProcesses(tree);
  return nodes.length > 1 ? nodes.length - 1 : 1;
}

export const alive = (pid: number) => fs.existsSync(`/proc/${pid}`);

async function waitHealthy(url: string, child: ChildProcess, what: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} saiu com status ${child.exitCode} ao iniciar`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} não respondeu em ${url}`);
}

/**
 * Waits until the count of node processes stops changing: the primary answers /api/health
 * through its first worker before the others have forked and listened.
 */
async function settledTree(root: number, expected: number): Promise<number> {
  const deadline = Date.now() + 30_000;
  let last = -1;
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    const n = servingCount(processTree(root));
    if (n !== last) {
      last = n;
      stableSince = Date.now();
    }
    const stableMs = Date.now() - stableSince;
    if ((n >= expected && stableMs >= 300) || stableMs >= 1500) return n;
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}

export type StartOptions = {
  script: string;
  env: Record<string, string | undefined>;
  /** Path answered with 2xx once the server is up. */
  healthPath: string;
  /** Workers we expect (to stop waiting early); the count reported is the one seen in /proc. */
  expectedWorkers: number;
  /** Where the server's stdout (its request log) goes; default: discarded. */
  logFile?: string;
  label: string;
};

/**
 * Roots of the server trees still running. A part that throws stops its server in a finally,
 * but an uncaught error or Ctrl-C ends the bench without it: then these are killed on exit,
 * so no server is left holding a port, a database or memory the next run measures.
 */
const live = new Set<number>();
process.once("exit", () => {
  for (const root of live) killTree(root);
});
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    for (const root of live) killTree(root);
    process.exit(130);
  });

export async function startServer(o: StartOptions): Promise<Server> {
  const port = await freePort();
  const out = o.logFile ? fs.openSync(o.logFile, "w") : "ignore";
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...o.env, PORT: String(port), HOST: "127.0.0.1" }))
    if (v !== undefined) env[k] = v;
  const child = spawn(process.execPath, ["--import", "tsx", o.script], {
    cwd: ROOT,
    env,
    // stderr stays visible: a crash or a warning from the server is part of the run.
    stdio: ["ignore", out, "inherit"],
  });
  if (typeof out === "number") fs.closeSync(out);
  const root = child.pid as number;
  live.add(root);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url + o.healthPath, child, o.label);
  } catch (error) {
    killTree(root);
    live.delete(root);
    throw error;
  }
  const serving = await settledTree(root, o.expectedWorkers);
  const exited = new Promise<void>((r) => (child.exitCode !== null ? r() : child.once("exit", () => r())));
  const waitGone = async (pids: number[], ms: number) => {
    const deadline = Date.now() + ms;
    while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return !pids.some(alive);
  };
  return {
    url,
    port,
    child,
    serving,
    tree: () => processTree(root),
    stop: async () => {
      const pids = processTree(root).map((p) => p.pid);
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      // A worker or esbuild left behind would hold the port or memory for the next measure.
      if (!(await waitGone(pids, 5000))) for (const pid of pids) kill(pid, "SIGKILL");
      await waitGone(pids, 5000);
      live.delete(root);
    },
    kill9: async () => {
      const pids = processTree(root).map((p) => p.pid);
      for (const pid of pids) kill(pid, "SIGKILL");
      await exited;
      await waitGone(pids, 10_000);
      live.delete(root);
    },
  };
}

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

function killTree(root: number): void {
  for (const p of processTree(root)) kill(p.pid, "SIGKILL");
}

/** Vínculo as `npm start` runs it, pointed at a bench database. */
export function startVinculo(
  env: Record<string, string>,
  o: { label: string; workers?: string | undefined; logLevel?: string; logFile?: string; expectedWorkers: number },
): Promise<Server> {
  return startServer({
    script: "src/server/main.ts",
    env: { ...env, LOG_LEVEL: o.logLevel ?? "warn", VINCULO_WORKERS: o.workers },
    healthPath: "/api/health",
    expectedWorkers: o.workers ? Number(o.workers) : o.expectedWorkers,
    label: o.label,
    ...(o.logFile ? { logFile: o.logFile } : {}),
  });
}
