import { type QueryClient, type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { LiveChange } from "../../shared/live.schemas.ts";
import { personKey } from "./person-keys.ts";
import { meQueryKey } from "./query-client.ts";

/**
 * The live screens (issue 14): one EventSource per logged-in browser tab on `GET /api/events`.
 * Each `change` names ids only; this refetches the queries that show them (debounced, so a burst
 * of events is one refetch per query), and a `reset` refetches everything. EventSource resumes
 * by itself with Last-Event-ID after a dropped connection; the server sends what was missed.
 *
 * The roots below are the features' query keys (a feature is not imported here, so the first
 * screen does not load it); live-events.test.ts checks they are still the features' own.
 */
export const LIVE_ROOTS = {
  ticket: (id: number) => ["tickets", id] as QueryKey,
  myTickets: ["my-tickets"] as QueryKey,
  criticalFactors: ["critical-factors"] as QueryKey,
  appointments: ["appointments"] as QueryKey,
  settings: ["settings"] as QueryKey,
  persons: ["persons"] as QueryKey,
};

const DEBOUNCE_MS = 200;
const REOPEN_MS = 10_000;

/** The query keys (prefixes) an event makes stale. */
export function keysFor(change: LiveChange): QueryKey[] {
  const keys: QueryKey[] = [];
  if (change.personCode !== null) keys.push(personKey(change.personCode));
  else if (change.area !== "settings" && change.area !== "admin") keys.push(LIVE_ROOTS.persons);
  const ticketId = change.refs.ticketId;
  if (typeof ticketId === "number") keys.push(LIVE_ROOTS.ticket(ticketId));
  if (change.type.startsWith("ticket.") || change.type === "note.added") {
    keys.push(LIVE_ROOTS.myTickets, LIVE_ROOTS.criticalFactors);
  }
  if (change.type.startsWith("appointment.")) keys.push(LIVE_ROOTS.appointments);
  if (change.area === "settings") keys.push(LIVE_ROOTS.settings, LIVE_ROOTS.criticalFactors);
  return keys;
}

/** Opens the stream; returns the function that closes it. */
export function startLiveEvents(client: QueryClient, url = "/api/events"): () => void {
  if (typeof EventSource === "undefined") return () => undefined;
  const pending = new Map<string, QueryKey>();
  let everything = false;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let reopenTimer: ReturnType<typeof setTimeout> | undefined;
  let source: EventSource | undefined;
  let stopped = false;

  const flush = () => {
    flushTimer = undefined;
    if (everything) void client.invalidateQueries();
    else for (const key of pending.values()) void client.invalidateQueries({ queryKey: key });
    everything = false;
    pending.clear();
  };
  const schedule = () => {
    flushTimer ??= setTimeout(flush, DEBOUNCE_MS);
  };
  const onChange = (event: MessageEvent<string>) => {
    try {
      for (const key of keysFor(JSON.parse(event.data) as LiveChange)) pending.set(JSON.stringify(key), key);
    } catch {
      return;
    }
    schedule();
  };
  const onReset = () => {
    everything = true;
    schedule();
  };
  const open = () => {
    source = new EventSource(url);
    source.addEventListener("change", onChange);
    source.addEventListener("reset", onReset);
    source.addEventListener("error", () => {
      // A network error reconnects by itself; a refusal (the session ended) closes the source:
      // ask /api/me (its 401 goes to the login page) and try again later.
      if (source?.readyState !== EventSource.CLOSED || stopped) return;
      void client.invalidateQueries({ queryKey: meQueryKey });
      reopenTimer = setTimeout(open, REOPEN_MS);
    });
  };
  open();
  return () => {
    stopped = true;
    source?.close();
    clearTimeout(flushTimer);
    clearTimeout(reopenTimer);
  };
}

/** The stream of this tab while a user is logged in. */
export function useLiveEvents(enabled: boolean): void {
  const client = useQueryClient();
  useEffect(() => (enabled ? startLiveEvents(client) : undefined), [client, enabled]);
}
