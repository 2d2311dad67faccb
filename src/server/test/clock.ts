/** A clock that tests move by hand: pass `clock.now` to buildTestApp({ now }). */
export type TestClock = { now: () => Date; advance: (ms: number) => void; set: (iso: string) => void };

export function testClock(startIso = "2026-03-02T12:00:00.000Z"): TestClock {
  let current = Date.parse(startIso);
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (iso) => {
      current = Date.parse(iso);
    },
  };
}

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
