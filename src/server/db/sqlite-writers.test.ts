import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { testDialect } from "../test/test-app.ts";
import { createDb } from "./create-db.ts";

const FIXTURE = path.join(import.meta.dirname, "sqlite-writers.fixture.ts");
const TRANSACTIONS = 300;

type Outcome = { errors: Record<string, number>; counter: number };

/** Two processes, started together, each running `transactions` read-then-write transactions. */
async function race(dataDir: string, mode: "immediate" | "deferred", transactions: number): Promise<Outcome> {
  const setup = createDb({ databaseUrl: undefined, dataDir });
  await sql`create table if not exists counter (id integer primary key, n integer not null)`.execute(setup.db);
  await sql`insert or replace into counter (id, n) values (1, 0)`.execute(setup.db);
  await setup.close();
  const children: ChildProcess[] = [0, 1].map(() =>
    spawn(process.execPath, ["--import", "tsx", FIXTURE, dataDir, String(transactions), mode], {
      stdio: ["pipe", "pipe", "inherit"],
    }),
  );
  const outputs = children.map(
    (child) =>
      new Promise<string[]>((resolve) => {
        let out = "";
        child.stdout?.on("data", (chunk: Buffer) => {
          out += chunk.toString();
        });
        child.once("exit", () => resolve(out.trim().split("\n")));
      }),
  );
  const ready = children.map(
    (child) =>
      new Promise<void>((resolve) => {
        child.stdout?.once("data", () => resolve());
      }),
  );
  await Promise.all(ready);
  for (const child of children) child.stdin?.end("go\n");
  const lines = await Promise.all(outputs);
  const errors: Record<string, number> = {};
  for (const out of lines) {
    for (const [code, n] of Object.entries(JSON.parse(out.at(-1) ?? "{}") as Record<string, number>))
      errors[code] = (errors[code] ?? 0) + n;
  }
  const check = createDb({ databaseUrl: undefined, dataDir });
  const { rows } = await sql<{ n: number }>`select n from counter where id = 1`.execute(check.db);
  await check.close();
  return { errors, counter: rows[0]?.n ?? -1 };
}

/**
 * VINCULO_WORKERS on SQLite: several processes write one file. Writes wait for each other (busy
 * timeout) and none reaches the user as SQLITE_BUSY, because transactions begin IMMEDIATE.
 */
describe.runIf(testDialect() === "sqlite")("SQLite with several writing processes", () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), "vinculo-writers-"));
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it("two processes in many read-then-write transactions: no SQLITE_BUSY, no lost update", async () => {
    const outcome = await race(dir(), "immediate", TRANSACTIONS);
    expect(outcome).toEqual({ errors: {}, counter: 2 * TRANSACTIONS });
  }, 120_000);

  it("(the reason) with Kysely's DEFERRED begin, the same work fails with SQLITE_BUSY", async () => {
    // More of them, so the two surely overlap however the machine schedules them.
    const outcome = await race(dir(), "deferred", 3 * TRANSACTIONS);
    expect(Object.keys(outcome.errors).filter((code) => code.startsWith("SQLITE_BUSY")).length).toBeGreaterThan(0);
  }, 120_000);
});
