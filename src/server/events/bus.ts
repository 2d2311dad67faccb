/**
 * The change bus: how one server tells every server (itself included) that something changed,
 * so caches drop what went stale and live screens refetch. In-process on SQLite (relayed through
 * the cluster primary when several worker processes share the database file), LISTEN/NOTIFY on
 * PostgreSQL. Messages carry ids only (NOTIFY payloads are limited to 8 000 bytes); the database
 * stays the source of truth.
 */

/** Plain JSON: what a message may carry. */
export type BusData = string | number | boolean | null | BusData[] | { [key: string]: BusData };

export type BusMeta = {
  /** The id of the server (bus instance) that published it. */
  origin: string;
  /** Whether this server published it. */
  local: boolean;
};

export type BusHandler = (data: BusData, meta: BusMeta) => void | Promise<void>;

export type PublishOptions = {
  /**
   * Resolve only once every live server has run its handlers (or the ack timeout passed). For
   * changes that must hold everywhere before the request answers: a revoked token, a logout.
   */
  acknowledged?: boolean;
};

export type ChangeBus = {
  /** This server's id on the bus. */
  readonly id: string;
  /**
   * False while messages may be missed (PostgreSQL listener disconnected): caches must not serve
   * then, because an invalidation could be lost.
   */
  readonly healthy: boolean;
  publish(topic: string, data: BusData, options?: PublishOptions): Promise<void>;
  subscribe(topic: string, handler: BusHandler): () => void;
  /** Called whenever messages may have been missed (a disconnection, a reconnection): drop every cache. */
  onGap(handler: () => void): () => void;
  close(): Promise<void>;
};

/** The envelope on the wire (NOTIFY payload, cluster IPC message). */
export type Envelope =
  | { k: "m"; i: string; o: string; t: string; d: BusData; w?: 1 }
  | { k: "a"; i: string; o: string; to: string }
  | { k: "h"; o: string; r?: 1 }
  | { k: "b"; o: string };

/** Topic handlers of one bus, with errors contained: one failing handler never stops the others. */
export class Handlers {
  private readonly byTopic = new Map<string, Set<BusHandler>>();
  private readonly gapHandlers = new Set<() => void>();

  constructor(private readonly onError: (error: unknown, topic: string) => void) {}

  subscribe(topic: string, handler: BusHandler): () => void {
    let set = this.byTopic.get(topic);
    if (!set) {
      set = new Set();
      this.byTopic.set(topic, set);
    }
    set.add(handler);
    return () => {
      set.delete(handler);
    };
  }

  onGap(handler: () => void): () => void {
    this.gapHandlers.add(handler);
    return () => {
      this.gapHandlers.delete(handler);
    };
  }

  async deliver(topic: string, data: BusData, meta: BusMeta): Promise<void> {
    const set = this.byTopic.get(topic);
    if (!set) return;
    for (const handler of [...set]) {
      try {
        await handler(data, meta);
      } catch (error) {
        this.onError(error, topic);
      }
    }
  }

  gap(): void {
    for (const handler of [...this.gapHandlers]) {
      try {
        handler();
      } catch (error) {
        this.onError(error, "gap");
      }
    }
  }
}

export type BusLog = { warn: (obj: object, msg: string) => void };

export const silentLog: BusLog = { warn: () => {} };
