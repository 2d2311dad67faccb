import type { workspaceReasons } from "../../../shared/reasons/workspace.ts";

/** English for the workspace area's reasons (same keys and `{{params}}` as shared/reasons/workspace.ts). */
export const workspaceReasonsEn = {
  opened_period_reversed: "the end of the opening period is before its start",
  ticket_view_not_found: "View not found.",
  ticket_view_changed: "Someone else changed this view; reload to see the changes.",
  view_profile_not_yours: "you can only share with one of your own access profiles",
  bulk_refused:
    "Nothing was changed: {{refused}} of {{total}} tickets were refused. See the list and try again without them.",
  unknown_timeline_kind: "unknown event kind: {{kind}}",
} satisfies Record<keyof typeof workspaceReasons, string>;
