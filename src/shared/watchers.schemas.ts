import { z } from "zod";

/** Spy System (monitoramento): users who follow a person and are e-mailed on every ticket event. */
export const watcher = z.object({
  user: z.object({ id: z.number().int(), name: z.string() }),
  /** The logged-in user. */
  me: z.boolean(),
  since: z.string(),
});
export type Watcher = z.infer<typeof watcher>;

export const personWatchers = z.object({
  items: z.array(watcher),
  /** Whether the logged-in user watches this person. */
  watching: z.boolean(),
  count: z.number().int(),
});
export type PersonWatchers = z.infer<typeof personWatchers>;

export const WATCH_DELIVERIES = ["immediate", "digest"] as const;
export type WatchDelivery = (typeof WATCH_DELIVERIES)[number];

/** Immediate: one e-mail per event; digest: one e-mail a day with the day's events. */
export const watchPreferences = z.object({ delivery: z.enum(WATCH_DELIVERIES) });
export type WatchPreferences = z.infer<typeof watchPreferences>;

export const updateWatchPreferencesBody = z.object({
  delivery: z.enum(WATCH_DELIVERIES, { message: "escolha immediate (na hora) ou digest (resumo diário)" }),
});
