import { EVENTS_TOPIC } from "../../../shared/journal.ts";
import type { AppContext } from "../../context.ts";
import { dispatchEvents, sendDue, WEBHOOK_LIMITS, type WebhookLimits } from "./webhooks.dispatch.service.ts";

export type WebhookWorker = { wake: () => void; stop: () => Promise<void> };

type Log = { warn: (obj: object, msg: string) => void };

/**
 * The webhooks' worker of the process that runs the background jobs: woken by the bus after any
 * server commits events, and polling every `intervalMs` (for writers without a bus, a hole in the
 * ids to wait out, and receivers to try again). A round dispatches new events into deliveries and
 * sends what is due, round after round while there is work.
 */
export function startWebhookWorker(
  ctx: AppContext,
  options: { intervalMs?: number; log?: Log; limits?: WebhookLimits } = {},
): WebhookWorker {
  const limits = options.limits ?? WEBHOOK_LIMITS;
  let stopped = false;
  let again = false;
  let running: Promise<void> | null = null;

  const drain = async () => {
    do {
      again = false;
      while (!stopped) {
        const made = await dispatchEvents(ctx, limits);
        const sent = await sendDue(ctx, limits);
        if (made === 0 && sent === 0) break;
      }
    } while (again && !stopped);
  };

  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((err: unknown) => options.log?.warn({ err }, "webhooks: round failed"))
      .finally(() => {
        running = null;
      });
  };

  const timer = setInterval(run, options.intervalMs ?? 2000);
  timer.unref();
  const unsubscribe = ctx.bus.subscribe(EVENTS_TOPIC, run);
  run();

  return {
    wake: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      await running;
    },
  };
}
