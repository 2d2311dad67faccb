import type { MatrixEndpoint } from "./grant-matrix.ts";

/**
 * Rows of the grant matrix for the imports (see grant-matrix.ts): administrators only. The matrix
 * sends JSON, so the import row uses the JSON-array body (the same pipeline as JSON lines); one
 * receivable of the shared person, idempotent, so every administrator case answers 200.
 */
export const IMPORT_ROWS: MatrixEndpoint[] = [
  {
    method: "POST",
    path: "/api/import/{entity}",
    need: { kind: "admin" },
    url: () => "/api/import/receivables",
    body: (r) => [
      {
        externalId: "MATRIZ-IMPORT-1",
        personCode: r.person.code,
        documentNumber: "NF MATRIZ",
        installment: "1/1",
        issueDate: "2026-01-02",
        dueDate: "2026-02-02",
        amountCents: 12345,
      },
    ],
  },
  { method: "GET", path: "/api/import/runs", need: { kind: "admin" }, url: () => "/api/import/runs" },
];
