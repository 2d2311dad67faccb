/**
 * A request before it is put on the wire: each part kept apart so a mutation can break exactly
 * one of them (one path segment, one query value, one body field, the content type).
 */
export type Draft = {
  /** Path parameter → its raw segment text, already percent-encoded (or deliberately not). */
  pathValues: Record<string, string>;
  /** Raw `key=value` pairs, already percent-encoded. */
  query: [string, string][];
  /** A JSON value to serialize, or raw bytes sent as they are. */
  body: { json: unknown } | { raw: Buffer } | undefined;
  /** undefined: `application/json` when there is a body, none otherwise; "" sends no header. */
  contentType: string | undefined;
  headers: Record<string, string>;
  /** Set by a mutation that makes the request wrong beyond doubt: a 2xx to it is a violation. */
  mustReject?: string;
};

export type Segment = string | number;

/** Encodes a query or path value; a string no URI can carry (a lone surrogate) goes out as its UTF-16 units escaped. */
export function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value]
      .map((c) => {
        try {
          return encodeURIComponent(c);
        } catch {
          return `%${(c.charCodeAt(0) & 0xff).toString(16).padStart(2, "0")}`;
        }
      })
      .join("");
  }
}

export function queryValue(value: unknown): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(queryValue);
  if (value === null) return ["null"];
  if (typeof value === "object") return [encode(JSON.stringify(value))];
  return [encode(String(value))];
}

/** Every position in a JSON value (object keys and array indexes), with what is there. */
export function positions(value: unknown, prefix: Segment[] = []): { at: Segment[]; value: unknown }[] {
  const out: { at: Segment[]; value: unknown }[] = [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push({ at: [...prefix, i], value: v });
      out.push(...positions(v, [...prefix, i]));
    });
  } else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.push({ at: [...prefix, k], value: v });
      out.push(...positions(v, [...prefix, k]));
    }
  }
  return out;
}

/** A copy of `root` with `at` replaced (or removed, with `remove`). */
export function setAt(root: unknown, at: Segment[], replacement: unknown, remove = false): unknown {
  const copy = structuredClone(root);
  let node = copy as Record<Segment, unknown>;
  for (const key of at.slice(0, -1)) node = node[key] as Record<Segment, unknown>;
  const last = at.at(-1);
  if (last === undefined) return replacement;
  if (remove) {
    if (Array.isArray(node) && typeof last === "number") node.splice(last, 1);
    else delete node[last];
  } else node[last] = replacement;
  return copy;
}

export const bodyBytes = (draft: Draft): Buffer | undefined => {
  if (!draft.body) return undefined;
  return "raw" in draft.body ? draft.body.raw : Buffer.from(JSON.stringify(draft.body.json) ?? "null");
};

/** The wire form: path with query, headers (content type settled), body bytes. */
export function render(
  template: string,
  draft: Draft,
): { path: string; headers: Record<string, string>; body: Buffer | undefined } {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => draft.pathValues[name] ?? "");
  const query = draft.query.map(([k, v]) => `${k}=${v}`).join("&");
  const body = bodyBytes(draft);
  const headers = { ...draft.headers };
  const type = draft.contentType ?? (body ? "application/json" : undefined);
  if (type) headers["content-type"] = type;
  return { path: query ? `${path}?${query}` : path, headers, body };
}
