import type { LightMyRequestResponse } from "fastify";
import type { TestApp, TestUser } from "../../test/test-app.ts";

/** Helpers of the imports tests: files as the ERP writes them, and the request that sends them. */

export const ndjson = (records: unknown[]) => `${records.map((r) => JSON.stringify(r)).join("\n")}\n`;

/** CSV with a header row; cells with a comma, quote or line break are quoted. */
export function csv(header: string[], rows: (string | number | null)[][], delimiter = ","): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? "" : String(v);
    return /[",;\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `${[header, ...rows].map((r) => r.map(cell).join(delimiter)).join("\r\n")}\r\n`;
}

export type Summary = {
  entity: string;
  records: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: {
    line: number;
    field: string;
    error: string;
    reason?: string;
    params?: Record<string, string | number>;
  }[];
  rejectedTotal: number;
  runId: number | null;
};

export function postImport(
  t: TestApp,
  user: TestUser,
  entity: string,
  body: string | Buffer,
  contentType = "application/x-ndjson",
): Promise<LightMyRequestResponse> {
  return t.as(user, {
    method: "POST",
    url: `/api/import/${entity}`,
    payload: body,
    headers: { "content-type": contentType },
  });
}

/** An import that must answer 200; its summary. */
export async function imported(
  t: TestApp,
  user: TestUser,
  entity: string,
  body: string | Buffer,
  contentType?: string,
): Promise<Summary> {
  const res = await postImport(t, user, entity, body, contentType);
  if (res.statusCode !== 200) throw new Error(`import ${entity}: ${res.statusCode} ${res.body}`);
  return res.json() as Summary;
}
