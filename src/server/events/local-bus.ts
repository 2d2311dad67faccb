import cluster from "node:cluster";
import { randomUUID } from "node:crypto";
import {
  type BusData,
  type BusLog,
  type ChangeBus,
  type Envelope,
  Handlers,
  type PublishOptions,
  silentLog,
} from "./bus.ts";

/** The IPC message between a cluster worker and the primary's relay (cluster-relay.ts). */
export type RelayMessage = { vinculoBus: Envelope } | { vinculoBusDone: string };

export const isRelayMessage = (value: unknown): value is RelayMessage =>
  typeof value === "object" && value !== null && ("vinculoBus" in value || "vinculoBusDone" in value);

/**
 * The bus of one machine (SQLite). In a single process, publishing runs every handler before it
 * resolves. In a cluster worker (VINCULO_WORKERS > 1), messages go through the primary, which
 * hands them to every worker and, for acknowledged ones, answers once each worker ran its handlers:
 * so a logout holds on every worker before the request that made it answers.
 */
export function createLocalBus(options: { log?: BusLog; relay?: boolean } = {}): ChangeBus {
  const log = options.log ?? silentLog;
  const id = randomUUID();
  const handlers = new Handlers((err, topic) => log.warn({ err, topic }, "change bus handler failed"));
  const relayed = (options.relay ?? cluster.isWorker) && typeof process.send === "function";
  const waiting = new Map<string, () => void>();
  let closed = false;

  const onMessage = (message: unknown) => {
    if (!isRelayMessage(message)) return;
    if ("vinculoBusDone" in message) {
      waiting.get(message.vinculoBusDone)?.();
      waiting.delete(message.vinculoBusDone);
      return;
    }
    const env = message.vinculoBus;
    if (env.k !== "m") return;
    void handlers.deliver(env.t, env.d, { origin: env.o, local: env.o === id }).then(() => {
      if (env.w && !closed)
        process.send?.({ vinculoBus: { k: "a", i: env.i, o: id, to: env.o } } satisfies RelayMessage);
    });
  };
  if (relayed) process.on("message", onMessage);

  return {
    id,
    get healthy() {
      return !closed;
    },
    async publish(topic: string, data: BusData, publishOptions: PublishOptions = {}) {
      if (closed) return;
      if (!relayed) {
        await handlers.deliver(topic, data, { origin: id, local: true });
        return;
      }
      const messageId = randomUUID();
      const done = publishOptions.acknowledged
        ? new Promise<void>((resolve) => {
            waiting.set(messageId, resolve);
            // The primary answers within its own timeout; this one only guards a primary gone away.
            setTimeout(() => {
              if (waiting.delete(messageId)) resolve();
            }, 5000).unref();
          })
        : Promise.resolve();
      const env: Envelope = {
        k: "m",
        i: messageId,
        o: id,
        t: topic,
        d: data,
        ...(publishOptions.acknowledged ? { w: 1 as const } : {}),
      };
      process.send?.({ vinculoBus: env } satisfies RelayMessage);
      await done;
    },
    subscribe: (topic, handler) => handlers.subscribe(topic, handler),
    onGap: (handler) => handlers.onGap(handler),
    async close() {
      closed = true;
      if (relayed) process.off("message", onMessage);
      for (const resolve of waiting.values()) resolve();
      waiting.clear();
    },
  };
}
