import { randomUUID } from "node:crypto";
import pg from "pg";
import {
  type BusData,
  type BusLog,
  type ChangeBus,
  type Envelope,
  Handlers,
  type PublishOptions,
  silentLog,
} from "./bus.ts";

export type PostgresBusOptions = {
  url: string;
  /** The NOTIFY channel: one per database schema, so test schemas (or two installations) never hear each other. */
  channel: string;
  log?: BusLog;
  /** How often a server says it is alive; peers silent for three of these are not waited for. */
  helloMs?: number;
  ackTimeoutMs?: number;
};

/** NOTIFY refuses payloads of 8 000 bytes or more. */
const MAX_PAYLOAD = 7900;

/**
 * The bus across servers that share one PostgreSQL: LISTEN on a dedicated connection, NOTIFY
 * through a small pool of its own (so publishing works while the listener reconnects). Servers
 * say hello every few seconds, so a publisher knows whom to wait for when a change must hold on
 * every server before the request answers (acknowledged messages). When the listener connection
 * drops, the bus is unhealthy (caches stop serving) and reports a gap; it reconnects with
 * backoff and reports a gap again, since anything sent meanwhile was missed.
 */
export function createPostgresBus(options: PostgresBusOptions): ChangeBus & { ready: Promise<void> } {
  const log = options.log ?? silentLog;
  const helloMs = options.helloMs ?? 5000;
  const ackTimeoutMs = options.ackTimeoutMs ?? 2000;
  const id = randomUUID();
  const handlers = new Handlers((err, topic) => log.warn({ err, topic }, "change bus handler failed"));
  const publisher = new pg.Pool({ connectionString: options.url, max: 2 });
  publisher.on("error", (err) => log.warn({ err }, "change bus publisher connection failed"));
  const peers = new Map<string, number>();
  const waiting = new Map<string, { pending: Set<string>; resolve: () => void }>();
  let listener: pg.Client | null = null;
  let healthy = false;
  let closed = false;
  let retryMs = 100;
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  const notify = async (env: Envelope) => {
    const payload = JSON.stringify(env);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD)
      throw new Error(`change bus message too large (${payload.length} bytes)`);
    await publisher.query("select pg_notify($1, $2)", [options.channel, payload]);
  };

  const alivePeers = () => {
    const since = Date.now() - 3 * helloMs;
    for (const [peer, seen] of peers) if (seen < since) peers.delete(peer);
    return new Set(peers.keys());
  };

  const acknowledged = (messageId: string, peer: string) => {
    const w = waiting.get(messageId);
    if (!w) return;
    w.pending.delete(peer);
    if (w.pending.size === 0) {
      waiting.delete(messageId);
      w.resolve();
    }
  };

  const onNotification = (message: pg.Notification) => {
    if (message.channel !== options.channel || !message.payload) return;
    let env: Envelope;
    try {
      env = JSON.parse(message.payload) as Envelope;
    } catch {
      return;
    }
    if (env.o !== id) peers.set(env.o, Date.now());
    switch (env.k) {
      case "h":
        // A server that just started asks who is there, so it knows whom to wait for at once.
        if (env.r && env.o !== id && healthy) notify({ k: "h", o: id }).catch(() => {});
        return;
      case "b":
        peers.delete(env.o);
        for (const messageId of [...waiting.keys()]) acknowledged(messageId, env.o);
        return;
      case "a":
        if (env.to === id) acknowledged(env.i, env.o);
        return;
      case "m":
        // Our own message is back: every notification committed before it has been read by now, so
        // a server whose hello came in since was listening before our message: wait for it too.
        if (env.o === id) {
          const w = waiting.get(env.i);
          if (w) for (const peer of alivePeers()) w.pending.add(peer);
        }
        void handlers.deliver(env.t, env.d, { origin: env.o, local: env.o === id }).then(async () => {
          if (env.o === id) acknowledged(env.i, id);
          else if (env.w && !closed) {
            await notify({ k: "a", i: env.i, o: id, to: env.o }).catch((err: unknown) =>
              log.warn({ err }, "change bus acknowledgement failed"),
            );
          }
        });
    }
  };

  const lost = (err?: unknown) => {
    if (!healthy && listener === null) return;
    if (err) log.warn({ err }, "change bus listener lost; caches off until it reconnects");
    healthy = false;
    const old = listener;
    listener = null;
    old?.removeAllListeners();
    old?.end().catch(() => {});
    handlers.gap();
    if (!closed) setTimeout(connect, retryMs).unref();
    retryMs = Math.min(retryMs * 2, 5000);
  };

  async function connect(): Promise<void> {
    if (closed) return;
    const client = new pg.Client({ connectionString: options.url });
    client.on("error", (err) => lost(err));
    client.on("end", () => lost());
    client.on("notification", onNotification);
    try {
      await client.connect();
      await client.query(`listen ${client.escapeIdentifier(options.channel)}`);
    } catch (err) {
      client.removeAllListeners();
      client.end().catch(() => {});
      log.warn({ err }, "change bus could not listen; retrying");
      if (!closed) setTimeout(connect, retryMs).unref();
      retryMs = Math.min(retryMs * 2, 5000);
      return;
    }
    if (closed) {
      await client.end().catch(() => {});
      return;
    }
    listener = client;
    healthy = true;
    retryMs = 100;
    // Anything sent while we were not listening is lost: whoever caches must start over.
    handlers.gap();
    // Ready once our hello is out: a server that publishes after reading it waits for us.
    await notify({ k: "h", o: id, r: 1 }).catch(() => {});
    resolveReady();
  }

  const hello = setInterval(() => {
    if (healthy) notify({ k: "h", o: id }).catch(() => {});
  }, helloMs);
  hello.unref();
  void connect();

  return {
    id,
    ready,
    get healthy() {
      return healthy;
    },
    async publish(topic: string, data: BusData, publishOptions: PublishOptions = {}) {
      if (closed) return;
      const messageId = randomUUID();
      const env: Envelope = {
        k: "m",
        i: messageId,
        o: id,
        t: topic,
        d: data,
        ...(publishOptions.acknowledged ? { w: 1 as const } : {}),
      };
      if (!publishOptions.acknowledged) {
        await notify(env);
        return;
      }
      // Wait for our own delivery (our handlers ran) and for every peer alive now.
      const pending = alivePeers();
      if (healthy) pending.add(id);
      if (pending.size === 0) {
        await notify(env);
        return;
      }
      const done = new Promise<void>((resolve) => {
        waiting.set(messageId, { pending, resolve });
      });
      const timer = setTimeout(() => {
        const w = waiting.get(messageId);
        if (!w) return;
        log.warn({ peers: [...w.pending] }, "change bus: servers did not acknowledge in time");
        for (const peer of w.pending) peers.delete(peer);
        waiting.delete(messageId);
        w.resolve();
      }, ackTimeoutMs);
      timer.unref();
      try {
        await notify(env);
        await done;
      } finally {
        clearTimeout(timer);
      }
    },
    subscribe: (topic, handler) => handlers.subscribe(topic, handler),
    onGap: (handler) => handlers.onGap(handler),
    async close() {
      if (closed) return;
      await notify({ k: "b", o: id }).catch(() => {});
      closed = true;
      healthy = false;
      clearInterval(hello);
      for (const w of waiting.values()) w.resolve();
      waiting.clear();
      const client = listener;
      listener = null;
      client?.removeAllListeners();
      await client?.end().catch(() => {});
      await publisher.end().catch(() => {});
    },
  };
}
