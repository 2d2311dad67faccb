import http from "node:http";
import path from "node:path";
import { one, openBenchDb } from "./bench-db.ts";
import { config, dialectName } from "./config.ts";
import { ensureToken } from "./figures.ts";
import { fmtInt, request } from "./load.ts";
import { prepareTarget, type Target } from "./prepare.ts";
import { startVinculo } from "./servers.ts";
import { add, notes, printTable, verdict } from "./table.ts";
import { authHeaders } from "./workload.ts";

/**
 * The crash loop (issue 12: "crash and outage tests stay"): writers add pareceres through the
 * API; after a random moment the whole server tree gets kill -9 (primary and workers at once,
 * as a power cut or the OOM killer would), it is started again, and so on. At the end every
 * parecer the API acknowledged (201) must be in the database: 0 lost. `npm run soak` runs it
 * alone (SOAK_ROUNDS, 5); `npm run bench` runs BENCH_CRASH_ROUNDS (3). kill -9 leaves the OS
 * page cache intact: this proves the process may die at any instant, not a power loss.
 */
export type CrashResult = { rounds: number; acknowledged: number; lost: number; unacknowledgedStored: number };

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function crashLoop(t: Target, rounds: number, writers = config.crash.writers): Promise<CrashResult> {
  const db = dialectName(t.dialect);
  if (!t.openTickets.length) throw new Error(`${t.name}: nenhum atendimento aberto para receber pareceres`);
  const runId = `crash-soak ${Date.now().toString(36)}`;
  const acknowledged = new Set<string>();
  let refused = 0;
  for (let round = 1; round <= rounds; round++) {
    const server = await startVinculo(t.env, {
      label: `Vínculo (${db}, rodada ${round})`,
      workers: config.workers,
      expectedWorkers: config.expectedWorkers,
    });
    if (round === 1) {
      try {
        await ensureToken(server, t);
      } catch (error) {
        // The server must not outlive a failed round: it would hold its port and database.
        await server.stop();
        throw error;
      }
    }
    const agent = new http.Agent({ keepAlive: true, maxSockets: writers });
    const headers = authHeaders(t);
    let dead = false;
    const before = acknowledged.size;
    const writer = async (k: number) => {
      for (let seq = 0; !dead; seq++) {
        const text = `${runId} r${round} w${k} #${seq}`;
        const id = t.openTickets[(k * 7919 + seq) % t.openTickets.length];
        try {
          const res = await request(agent, server.url, `/api/tickets/${id}/notes`, headers, "POST", { text });
          // A 201 that arrives after the kill was decided is still an acknowledgement.
          if (res.status === 201) acknowledged.add(text);
          else if (!dead) {
            refused++;
            if (refused <= 3) console.error(`  parecer recusado: ${res.status} ${res.body.toString().slice(0, 200)}`);
          }
        } catch {
          if (!dead) await pause(10); // the server is going down, or the socket was reset
        }
      }
    };
    const running = Array.from({ length: writers }, (_, k) => writer(k));
    // Kill at a random moment once writes flow, so it lands in every phase of a commit.
    // …and give up when none is acknowledged: every write refused would otherwise loop forever.
    const deadline = Date.now() + 30_000;
    while (acknowledged.size === before && server.child.exitCode === null && Date.now() < deadline) await pause(5);
    const flowing = acknowledged.size > before;
    if (flowing) await pause(200 + Math.floor(Math.random() * 1800));
    dead = true;
    await server.kill9();
    await Promise.all(running);
    agent.destroy();
    if (!flowing) throw new Error(`${t.name}: nenhum parecer confirmado em 30 s (${refused} recusados)`);
    console.log(
      `  rodada ${round}/${rounds}: ${acknowledged.size - before} pareceres confirmados antes do kill -9 (${server.serving} processo(s))`,
    );
  }

  // Start once more: the recovery path (WAL replay, PostgreSQL crash recovery) is part of the proof.
  const server = await startVinculo(t.env, {
    label: `Vínculo (${db}, após os kills)`,
    workers: config.workers,
    expectedWorkers: config.expectedWorkers,
  });
  await server.stop();
  const bench = await openBenchDb(t.location);
  let stored: Set<string>;
  let integrity = "ok";
  try {
    const rows = await bench.all<{ text: string }>("select text from ticket_notes where text like ?", [`${runId} %`]);
    stored = new Set(rows.map((r) => r.text));
    if (t.dialect === "sqlite")
      integrity = (await one<{ integrity_check: string }>(bench, "pragma integrity_check"))?.integrity_check ?? "?";
  } finally {
    await bench.close();
  }
  const lost = [...acknowledged].filter((x) => !stored.has(x));
  const result = {
    rounds,
    acknowledged: acknowledged.size,
    lost: lost.length,
    unacknowledgedStored: [...stored].filter((x) => !acknowledged.has(x)).length,
  };
  for (const x of lost.slice(0, 5)) console.error(`  PERDIDO: "${x}"`);
  add({
    db,
    figure: `kill -9 × ${rounds} during acknowledged writes`,
    connections: String(writers),
    goal: "0 lost",
    measured: `${fmtInt(result.acknowledged)} acknowledged, ${result.lost} lost; ${result.unacknowledgedStored} in flight at a kill were stored${refused ? `; ${refused} refused` : ""}${integrity === "ok" ? "" : `; integrity_check: ${integrity}`}`,
    holds: verdict(result.lost === 0 && integrity === "ok", refused),
  });
  return result;
}

/** `npm run soak`: the crash loop alone, on small databases of its own (SOAK_PERSONS persons and tickets). */
async function main(): Promise<void> {
  const rounds = Number(process.env.SOAK_ROUNDS ?? 5);
  for (const dialect of config.dialects) {
    const t = await prepareTarget(dialect, config.crash.persons, config.crash.persons);
    if (!t) {
      notes.push(`${dialectName(dialect)}: not reachable at ${config.pgUrl}, skipped.`);
      continue;
    }
    console.log(`${dialectName(dialect)}: ${rounds} × kill -9 com ${config.crash.writers} escritores`);
    const result = await crashLoop(t, rounds);
    if (result.lost) process.exitCode = 1;
  }
  printTable("Vínculo crash loop (kill -9 during acknowledged writes)");
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) await main();
