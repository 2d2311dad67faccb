import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { testDialect } from "../test/test-app.ts";
import type { BusData, ChangeBus } from "./bus.ts";
import { createBus } from "./create-bus.ts";
import { createLocalBus } from "./local-bus.ts";
import { createPostgresBus } from "./postgres-bus.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await sleep(10);
  }
}

const open: ChangeBus[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()));
});

describe("local bus (SQLite, one process)", () => {
  it("runs every subscriber of the topic, and an acknowledged publish waits for slow handlers", async () => {
    const bus = createLocalBus({ relay: false });
    open.push(bus);
    const seen: BusData[] = [];
    let slowDone = false;
    bus.subscribe("auth", (d) => {
      seen.push(d);
    });
    bus.subscribe("auth", async () => {
      await sleep(50);
      slowDone = true;
    });
    bus.subscribe("other", () => {
      throw new Error("must not run");
    });
    await bus.publish("auth", { userId: 7 }, { acknowledged: true });
    expect(seen).toEqual([{ userId: 7 }]);
    expect(slowDone).toBe(true);
  });

  it("a failing handler does not stop the others", async () => {
    const bus = createLocalBus({ relay: false });
    open.push(bus);
    let ran = false;
    bus.subscribe("t", () => {
      throw new Error("boom");
    });
    bus.subscribe("t", () => {
      ran = true;
    });
    await bus.publish("t", 1);
    expect(ran).toBe(true);
  });

  it("two servers on one SQLite file in this process share a bus; closing one drops only its handlers", async () => {
    const file = path.join(os.tmpdir(), `bus-${randomBytes(4).toString("hex")}.sqlite`);
    const a = await createBus({ dialect: "sqlite", file });
    const b = await createBus({ dialect: "sqlite", file });
    const other = await createBus({ dialect: "sqlite", file: `${file}-other` });
    open.push(a, b, other);
    const heardByB: BusData[] = [];
    const heardByOther: BusData[] = [];
    b.subscribe("auth", (d) => {
      heardByB.push(d);
    });
    other.subscribe("auth", (d) => {
      heardByOther.push(d);
    });
    await a.publish("auth", "logout");
    expect(heardByB).toEqual(["logout"]);
    expect(heardByOther).toEqual([]);
    await b.close();
    await a.publish("auth", "again");
    expect(heardByB).toEqual(["logout"]);
  });
});

describe("cluster relay (SQLite, several worker processes)", () => {
  it("an acknowledged publish in one worker returns after every worker ran its handler", () => {
    const fixture = path.join(import.meta.dirname, "cluster-relay.fixture.ts");
    const run = spawnSync(process.execPath, ["--import", "tsx", fixture], { encoding: "utf8", timeout: 30_000 });
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}") as {
      handledBeforeReturn: number;
      workers: number;
    };
    // Worker 1 published; it returned only once all three workers (itself included) had handled it.
    expect(result).toEqual({ handledBeforeReturn: 3, workers: 3 });
  });
});

const url = process.env.TEST_DATABASE_URL;
describe.runIf(testDialect() === "postgres" && url)("PostgreSQL bus (LISTEN/NOTIFY)", () => {
  const channel = () => `vinculo_bus_test_${randomBytes(4).toString("hex")}`;
  const bus = async (ch: string, helloMs = 5000) => {
    const b = createPostgresBus({ url: url as string, channel: ch, helloMs });
    open.push(b);
    await b.ready;
    return b;
  };

  it("a message published on one server reaches the other; another channel hears nothing", async () => {
    const ch = channel();
    const [a, b, elsewhere] = [await bus(ch), await bus(ch), await bus(channel())];
    const heard: BusData[] = [];
    const heardElsewhere: BusData[] = [];
    b.subscribe("auth", (d, meta) => {
      heard.push(d);
      expect(meta.origin).toBe(a.id);
    });
    elsewhere.subscribe("auth", (d) => {
      heardElsewhere.push(d);
    });
    await a.publish("auth", { userId: 1 });
    await until(() => heard.length === 1);
    expect(heard).toEqual([{ userId: 1 }]);
    await sleep(100);
    expect(heardElsewhere).toEqual([]);
  });

  it("an acknowledged publish returns only after the other server's handler finished", async () => {
    const ch = channel();
    const a = await bus(ch);
    const b = await bus(ch);
    // b's hello (asked for by a's start) makes a know b.
    await sleep(200);
    let bDone = false;
    b.subscribe("auth", async () => {
      await sleep(150);
      bDone = true;
    });
    await a.publish("auth", { token: "revoked" }, { acknowledged: true });
    expect(bDone).toBe(true);
  });

  it("a server that left is not waited for", async () => {
    const ch = channel();
    const a = await bus(ch);
    const b = await bus(ch);
    await sleep(200);
    await b.close();
    await sleep(100);
    const started = Date.now();
    await a.publish("auth", 1, { acknowledged: true });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("a lost listener makes the bus unhealthy and reports a gap; it reconnects and hears again", async () => {
    const ch = channel();
    const a = await bus(ch);
    const b = await bus(ch);
    let gaps = 0;
    const heard: BusData[] = [];
    b.onGap(() => {
      gaps += 1;
    });
    b.subscribe("auth", (d) => {
      heard.push(d);
    });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // Every connection listening on the channel: b's listener (and a's, which recovers too).
      await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where query ilike $1 and pid <> pg_backend_pid()",
        [`listen "${ch}"%`],
      );
    } finally {
      await admin.end();
    }
    await until(() => gaps >= 1);
    await until(() => b.healthy && gaps >= 2, 10_000);
    await until(() => a.healthy, 10_000);
    await a.publish("auth", "after");
    await until(() => heard.includes("after"));
  });
});
