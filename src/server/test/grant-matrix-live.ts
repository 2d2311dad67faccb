import type { MatrixEndpoint } from "./grant-matrix.ts";

/**
 * The live screens' stream (see grant-matrix.ts): open to any logged-in user, 401 anonymous.
 * What each user is then told is decided per event (features/live/live.test.ts proves it).
 * `stream`: the runner reads the answer's head and first message, then leaves.
 */
export const LIVE_ROWS: MatrixEndpoint[] = [
  { method: "GET", path: "/api/events", need: { kind: "settings-read" }, url: () => "/api/events", stream: true },
];
