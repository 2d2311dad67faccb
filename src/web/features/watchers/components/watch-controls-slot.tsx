import { Suspense } from "react";
import { lazyNamed } from "../../../app/lazy.ts";

// The badge, the eye and their strings load after the person screen: nothing of them in its chunk.
const PersonWatchControls = lazyNamed(() => import("./person-watch-controls.tsx"), "PersonWatchControls");

/** What person-header.tsx renders in its person-actions slot: critical factors and Spy System. */
export function WatchControlsSlot(props: { code: number; name: string }) {
  return (
    <Suspense fallback={null}>
      <PersonWatchControls {...props} />
    </Suspense>
  );
}
