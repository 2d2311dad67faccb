import type { BusLog, ChangeBus } from "./bus.ts";
import { createLocalBus } from "./local-bus.ts";
import { createPostgresBus } from "./postgres-bus.ts";

/**
 * One local bus per SQLite file in this process: two app contexts on the same file (a test's
 * second server, the CLI inside a running process) must hear each other. Reference-counted so
 * the last close ends it.
 */
const localBuses = new Map<string, { bus: ChangeBus; users: number }>();

export type BusTarget =
  | { dialect: "sqlite"; file: string }
  | { dialect: "postgres"; url: string; schema: string | undefined };

/** The NOTIFY channel of a PostgreSQL schema (the default schema: "public"). */
export const channelOf = (schema: string | undefined) => `vinculo_bus_${schema ?? "public"}`.slice(0, 63);

export async function createBus(target: BusTarget, log?: BusLog): Promise<ChangeBus> {
  if (target.dialect === "postgres") {
    const bus = createPostgresBus({ url: target.url, channel: channelOf(target.schema), ...(log ? { log } : {}) });
    // Start with a listening bus, so no change is missed between start-up and the first request.
    await Promise.race([bus.ready, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    return bus;
  }
  const shared = localBuses.get(target.file);
  if (shared) {
    shared.users += 1;
    return sharedHandle(target.file, shared.bus);
  }
  const bus = createLocalBus(log ? { log } : {});
  localBuses.set(target.file, { bus, users: 1 });
  return sharedHandle(target.file, bus);
}

function sharedHandle(file: string, bus: ChangeBus): ChangeBus {
  let closed = false;
  // What this handle subscribed, so closing it leaves the other users' handlers alone.
  const mine = new Set<() => void>();
  const track = (unsubscribe: () => void) => {
    mine.add(unsubscribe);
    return () => {
      mine.delete(unsubscribe);
      unsubscribe();
    };
  };
  return {
    get id() {
      return bus.id;
    },
    get healthy() {
      return !closed && bus.healthy;
    },
    publish: (topic, data, options) => (closed ? Promise.resolve() : bus.publish(topic, data, options)),
    subscribe: (topic, handler) => track(bus.subscribe(topic, handler)),
    onGap: (handler) => track(bus.onGap(handler)),
    async close() {
      if (closed) return;
      closed = true;
      for (const unsubscribe of mine) unsubscribe();
      mine.clear();
      const entry = localBuses.get(file);
      if (!entry) return;
      entry.users -= 1;
      if (entry.users === 0) {
        localBuses.delete(file);
        await bus.close();
      }
    },
  };
}
