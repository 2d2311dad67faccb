import { z } from "zod";
import { decimalInt } from "./common.schemas.ts";
import type { EventArea, EventRefs, EventType } from "./journal.ts";

/**
 * The live screens' stream (issue 14): `GET /api/events`, Server-Sent Events. Each `change`
 * carries ids only; the client refetches what it shows. `reset` says "too much was missed:
 * refetch everything"; `ready` opens the stream with the id it starts after.
 */
export const liveQuery = z.object({
  /** Resume after this event id (what the `Last-Event-ID` header says; the header wins). */
  lastEventId: decimalInt({ min: 0, max: Number.MAX_SAFE_INTEGER }).optional(),
});

export type LiveChange = {
  id: number;
  type: EventType;
  at: string;
  personCode: number | null;
  area: EventArea;
  refs: EventRefs;
};

export const LIVE_EVENT_NAMES = { change: "change", reset: "reset", ready: "ready" } as const;
