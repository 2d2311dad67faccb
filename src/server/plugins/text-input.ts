import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ReasonParams } from "../../shared/errors.ts";
import type { Reason } from "../../shared/reasons/index.ts";
import { fieldError } from "../errors.ts";

/**
 * Text that no database should store, refused once at the boundary instead of per field:
 * - NUL (U+0000): PostgreSQL refuses it in text (a 500 before), SQLite would store it — the two
 *   databases must agree;
 * - a lone surrogate (`"\ud800"` in JSON): not a character; stored, it becomes U+FFFD;
 * - invalid UTF-8 bytes in a JSON body: decoded leniently they became U+FFFD (mojibake).
 * Each is a 400 naming the field (`name`, `emails.0.address`, the query parameter).
 */

/** The first problem in a string: "nul", "lone_surrogate", or null when it is clean text. */
export function textProblem(value: string): "nul" | "lone_surrogate" | null {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0) return "nul";
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return "lone_surrogate";
    }
    if (c >= 0xdc00 && c <= 0xdfff) return "lone_surrogate";
  }
  return null;
}

export const TEXT_REASON: Record<TextProblem, Reason> = {
  nul: "text_nul",
  lone_surrogate: "text_lone_surrogate",
  replacement: "text_invalid_encoding",
};

type TextProblem = "nul" | "lone_surrogate" | "replacement";
type Found = { field: string; problem: TextProblem };

/** Walks a parsed value (keys too) and answers the first bad string with its dotted path. */
export function findBadText(value: unknown, path: string, replacementIsBad = false, depth = 0): Found | null {
  if (typeof value === "string") {
    const problem = textProblem(value);
    if (problem) return { field: path, problem };
    if (replacementIsBad && value.includes("\ufffd")) return { field: path, problem: "replacement" };
    return null;
  }
  // Deeper than any body the API takes: not worth walking (the schema refuses it anyway).
  if (value === null || typeof value !== "object" || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadText(value[i], path ? `${path}.${i}` : String(i), replacementIsBad, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    const keyProblem = textProblem(key);
    if (keyProblem) return { field, problem: keyProblem };
    const found = findBadText(item, field, replacementIsBad, depth + 1);
    if (found) return found;
  }
  return null;
}

const refuse = ({ field, problem }: Found, params?: ReasonParams) =>
  fieldError(field || "body", TEXT_REASON[problem], params);

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Deeper than any body the API takes (an import record with its items is 4 or 5). */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether JSON text nests arrays and objects deeper than `max`, read without parsing it.
 * JSON.parse takes any depth, but what walks the value afterwards recursively (JSON.stringify of
 * an import's records, a schema) overflows the stack on `[[[[…]]]]` 200 000 deep: a 500.
 */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export function registerTextInput(app: FastifyInstance): void {
  // JSON bodies read as bytes, so invalid UTF-8 is seen before it turns into U+FFFD.
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
    const bytes = body as Buffer;
    let text: string;
    let invalidBytes = false;
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      // Read it leniently only to say which field holds the bad bytes (the one with U+FFFD).
      text = bytes.toString("utf8");
      invalidBytes = true;
    }
    if (jsonTooDeep(text)) {
      done(fieldError("body", "json_too_deep", { max: MAX_JSON_DEPTH }), undefined);
      return;
    }
    parseJson(request, text, (error, value) => {
      if (error) {
        done(error, undefined);
        return;
      }
      // An import body (a JSON array of records) is checked record by record, so one bad line
      // is rejected alone and the others go in (imports/importer.ts).
      if (request.url.startsWith("/api/import/")) {
        done(null, value);
        return;
      }
      const bad = findBadText(value, "", invalidBytes);
      if (bad) done(refuse(bad), undefined);
      else if (invalidBytes) done(fieldError("body", "text_invalid_encoding"), undefined);
      else done(null, value);
    });
  });

  // The query string and the path: percent-decoding invalid UTF-8 gives U+FFFD, which nobody types.
  app.addHook("preValidation", async (request: FastifyRequest) => {
    const bad = findBadText(request.query, "", true) ?? findBadText(request.params, "", true);
    if (bad) throw refuse(bad);
  });
}
