import cluster, { type Worker } from "node:cluster";
import type { BusLog } from "./bus.ts";
import { isRelayMessage, type RelayMessage } from "./local-bus.ts";

const ACK_TIMEOUT_MS = 2000;

type Pending = { origin: Worker; waitingFor: Set<number>; timer: NodeJS.Timeout };

/**
 * The cluster primary's half of the local bus: every message a worker sends is handed to every
 * worker (the sender too). For an acknowledged message the sender is told "done" once each worker
 * that was alive ran its handlers, or when a worker that has not answered exits, or after 2 s.
 */
export function startClusterRelay(log: BusLog): () => void {
  const pending = new Map<string, Pending>();

  const settle = (messageId: string) => {
    const p = pending.get(messageId);
    if (!p || p.waitingFor.size > 0) return;
    clearTimeout(p.timer);
    pending.delete(messageId);
    if (p.origin.isConnected()) p.origin.send({ vinculoBusDone: messageId } satisfies RelayMessage);
  };

  const onMessage = (worker: Worker, message: unknown) => {
    if (!isRelayMessage(message) || !("vinculoBus" in message)) return;
    const env = message.vinculoBus;
    if (env.k === "a") {
      const p = pending.get(env.i);
      if (p) {
        p.waitingFor.delete(worker.id);
        settle(env.i);
      }
      return;
    }
    if (env.k !== "m") return;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w?.isConnected()));
    if (env.w) {
      const timer = setTimeout(() => {
        const p = pending.get(env.i);
        if (!p) return;
        log.warn({ workers: [...p.waitingFor] }, "change bus: workers did not acknowledge in time");
        p.waitingFor.clear();
        settle(env.i);
      }, ACK_TIMEOUT_MS);
      timer.unref();
      pending.set(env.i, { origin: worker, waitingFor: new Set(workers.map((w) => w.id)), timer });
    }
    for (const w of workers) w.send(message);
  };

  const onExit = (worker: Worker) => {
    for (const [messageId, p] of pending) {
      if (p.waitingFor.delete(worker.id)) settle(messageId);
    }
  };

  cluster.on("message", onMessage);
  cluster.on("exit", onExit);
  return () => {
    cluster.off("message", onMessage);
    cluster.off("exit", onExit);
    for (const p of pending.values()) clearTimeout(p.timer);
    pending.clear();
  };
}
