import { lazy, Suspense } from "react";

// The badge, the eye and their strings load after the person screen: nothing of them in its chunk.
const PersonWatchControls = lazy(() =>
  import("./components/person-watch-controls.tsx").then((m) => ({ default: m.PersonWatchControls })),
);

/** What person-header.tsx renders in its person-actions slot: critical factors and Spy System. */
export function WatchControlsSlot(props: { code: number; name: string }) {
  return (
    <Suspense fallback={null}>
      <PersonWatchControls {...props} />
    </Suspense>
  );
}
