import type { FastifyRequest } from "fastify";

/**
 * API.md lets a PATCH carry the record's version in the body or in `If-Match`
 * (`If-Match: 3` or `"3"`): copy the header into the body so one schema checks both.
 */
export function versionFromIfMatch(request: FastifyRequest): void {
  if (request.method !== "PATCH") return;
  const header = request.headers["if-match"];
  if (typeof header !== "string") return;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  const body = request.body;
  if (!match || typeof body !== "object" || body === null || Array.isArray(body)) return;
  if (!("version" in body)) (body as Record<string, unknown>).version = Number(match[1]);
}
