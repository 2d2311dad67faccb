import type { MatrixEndpoint } from "./grant-matrix.ts";

/** Rows of the grant matrix for the journal's settings (see grant-matrix.ts): administrators only. */
export const AUDIT_ROWS: MatrixEndpoint[] = [
  { method: "GET", path: "/api/settings/retention", need: { kind: "admin" }, url: () => "/api/settings/retention" },
  {
    method: "PATCH",
    path: "/api/settings/retention",
    need: { kind: "admin" },
    setup: async (f) => {
      const current = await f.adminCall({ method: "GET", url: "/api/settings/retention" });
      return { person: f.person, version: current.version as number };
    },
    url: () => "/api/settings/retention",
    // The defaults again: who may save, without changing what the other rows meet.
    body: (r) => ({ auditLogMonths: 60, accessLogMonths: 6, version: r.version }),
  },
];
