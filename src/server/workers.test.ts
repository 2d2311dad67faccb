import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SmtpPeer, startSmtpPeer } from "./test/smtp-peer.ts";
import { testDialect } from "./test/test-app.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, check: () => T | undefined | false, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`not in time: ${what}`);
    await sleep(50);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

type LogLine = { pid: number; msg: string; worker?: number; jobs?: boolean };

/**
 * `npm start` with VINCULO_WORKERS=2, for real: a cluster primary and two worker processes on one
 * port and one SQLite file, delivering mail to a real SMTP peer. The mail poll is an hour, so mail
 * goes out only because queuing it wakes the one process that runs the jobs (through the bus when
 * another worker queued it).
 */
describe.runIf(testDialect() === "sqlite")("VINCULO_WORKERS=2: one port, several processes, jobs run once", () => {
  let peer: SmtpPeer;
  let server: ChildProcess;
  let dataDir: string;
  let base: string;
  const lines: LogLine[] = [];
  let stderr = "";

  beforeAll(async () => {
    peer = await startSmtpPeer();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vinculo-workers-"));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        PORT: String(port),
        HOST: "127.0.0.1",
        VINCULO_DATA_DIR: dataDir,
        VINCULO_ADMIN_PASSWORD: "admin-dos-workers",
        VINCULO_WORKERS: "2",
        VINCULO_SMTP_URL: peer.url,
        VINCULO_MAIL_POLL_MS: "3600000",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let pending = "";
    server.stdout?.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const parts = pending.split("\n");
      pending = parts.pop() ?? "";
      for (const part of parts) {
        try {
          lines.push(JSON.parse(part) as LogLine);
        } catch {
          // a line that is not JSON (vite building the bundle): not ours to read
        }
      }
    });
    server.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await until("the cluster to be ready", () => lines.some((l) => l.msg.startsWith("Vínculo pronto")), 60_000);
  }, 90_000);

  afterAll(async () => {
    if (server.exitCode === null) {
      server.kill("SIGKILL");
      for (const l of lines) if (alive(l.pid)) process.kill(l.pid, "SIGKILL");
    }
    await peer.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** "Processo N atendendo…": each worker says once, when it serves, whether it runs the jobs. */
  const serving = () => lines.filter((l) => l.worker !== undefined && l.msg.includes(" atendendo"));
  const jobLines = () => serving().filter((l) => l.jobs === true);
  const workerPids = () => [...new Set(serving().map((l) => l.pid))];

  let cookie = "";
  const call = async (method: string, url: string, body?: object) => {
    const res = await fetch(base + url, {
      method,
      headers: {
        cookie,
        "sec-fetch-site": "same-origin",
        ...(body ? { "content-type": "application/json" } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) cookie = setCookie.split(";")[0] ?? "";
    return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> | null };
  };

  it("migrates once in the primary, serves from two processes, and only one runs the background jobs", async () => {
    expect((await call("POST", "/api/auth/login", { username: "admin", password: "admin-dos-workers" })).status).toBe(
      200,
    );
    const primaryPid = server.pid;
    expect(workerPids()).toHaveLength(2);
    expect(workerPids()).not.toContain(primaryPid);
    expect(jobLines()).toHaveLength(1);
    // The first administrator was created once (by the primary), not once per worker.
    expect(lines.filter((l) => l.msg.startsWith("Administrador 'admin' criado")).map((l) => l.pid)).toEqual([
      primaryPid,
    ]);
    // Requests are answered by both workers (the primary hands connections round-robin).
    for (let i = 0; i < 20; i += 1) expect((await call("GET", "/api/me")).status).toBe(200);
    const answering = new Set(lines.filter((l) => l.msg === "request completed").map((l) => l.pid));
    expect(answering.size).toBe(2);
  }, 60_000);

  it("delivers every queued message once, whichever worker queued it", async () => {
    const users = (await call("GET", "/api/users")).json as { items: { id: number; version: number }[] };
    const admin = users.items[0];
    if (!admin) throw new Error("no admin");
    expect(
      (await call("PATCH", `/api/users/${admin.id}`, { email: "admin@empresa.com.br", version: admin.version })).status,
    ).toBe(200);
    // Both workers cached this session with the old address (admin@localhost, refused for a test
    // mail): the edit reached both caches through the primary's relay, or some tests below get 400.
    const queued: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const res = await call("POST", "/api/settings/smtp/test");
      expect(res.status).toBe(202);
      queued.push(res.json?.id as number);
    }
    await until("12 messages at the SMTP peer", () => peer.received.length >= 12, 20_000);
    // Give a second delivery, if there were one, time to arrive.
    await sleep(1500);
    const ids = peer.received.map((m) => m.parsed.messageId);
    expect(peer.received).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    expect(stderr).not.toMatch(/SQLITE_BUSY/);
  }, 60_000);

  it("replaces a worker that dies; the jobs go to the replacement of the worker that had them, and to no other", async () => {
    const [jobsLine] = jobLines();
    if (!jobsLine) throw new Error("no jobs worker");
    process.kill(jobsLine.pid, "SIGKILL");
    await until("a new jobs worker", () => jobLines().find((l) => l.pid !== jobsLine.pid));
    expect(alive(jobsLine.pid)).toBe(false);
    expect(jobLines()).toHaveLength(2);
    const before = peer.received.length;
    const res = await call("POST", "/api/settings/smtp/test");
    expect(res.status).toBe(202);
    await until("the message after the restart", () => peer.received.length > before, 20_000);
    await sleep(1000);
    expect(peer.received).toHaveLength(before + 1);

    // A worker without the jobs dies: its replacement serves but runs no jobs.
    const other = serving().find((l) => l.jobs === false && alive(l.pid));
    if (!other) throw new Error("no second worker");
    process.kill(other.pid, "SIGKILL");
    await until("a replacement worker", () => serving().find((l) => l.jobs === false && l.pid !== other.pid));
    expect(jobLines()).toHaveLength(2);
    expect((await call("GET", "/api/me")).status).toBe(200);
  }, 60_000);

  it("SIGTERM closes every process cleanly", async () => {
    const pids = workerPids().filter(alive);
    expect(pids).toHaveLength(2);
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    await until("the workers to be gone", () => pids.every((pid) => !alive(pid)), 10_000);
    expect(stderr).toBe("");
  }, 60_000);
});
