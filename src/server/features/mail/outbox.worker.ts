import type { AppContext } from "../../context.ts";
import { deliverDue } from "./outbox.delivery.ts";
import { onMailQueued } from "./outbox.service.ts";

export type MailWorker = { wake: () => void; stop: () => Promise<void> };

type Log = { warn: (obj: object, msg: string) => void };

/**
 * The outbox worker of one server process: polls every `intervalMs`, and looks at once when this
 * process queues mail. Every process runs one; the claim in deliverDue keeps them from sending a
 * message twice.
 */
export function startMailWorker(ctx: AppContext, options: { intervalMs?: number; log?: Log } = {}): MailWorker {
  let stopped = false;
  let again = false;
  let running: Promise<void> | null = null;

  const drain = async () => {
    do {
      again = false;
      // Round after round while rounds find work: a large backlog goes out without waiting for polls.
      while (!stopped && (await deliverDue(ctx)).claimed > 0) {}
    } while (again && !stopped);
  };

  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((err: unknown) => options.log?.warn({ err }, "mail worker: delivery round failed"))
      .finally(() => {
        running = null;
      });
  };

  const timer = setInterval(run, options.intervalMs ?? 2000);
  timer.unref();
  const timeouts = new Set<NodeJS.Timeout>();
  const later = (ms: number) => {
    const t = setTimeout(() => {
      timeouts.delete(t);
      run();
    }, ms);
    t.unref();
    timeouts.add(t);
  };
  // enqueueMail runs inside the caller's transaction: look right after it has most likely
  // committed, and once more a little later; the regular poll covers anything slower.
  const unsubscribe = onMailQueued(ctx, () => {
    later(20);
    later(300);
  });
  run();

  return {
    wake: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      for (const t of timeouts) clearTimeout(t);
      unsubscribe();
      await running;
    },
  };
}
