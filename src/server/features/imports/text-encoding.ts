/**
 * Import files are UTF-8; Excel in Brazil still saves "CSV" in Windows-1252 (Latin-1), so a
 * `charset=` of that family (header, or the CLI's --encoding) is decoded before reading.
 */
export type TextEncodingName = "utf-8" | "windows-1252";

const LATIN = new Set(["latin1", "latin-1", "iso-8859-1", "iso8859-1", "windows-1252", "cp1252"]);

export function parseEncoding(name: string): TextEncodingName | null {
  const n = name.trim().toLowerCase();
  if (n === "utf-8" || n === "utf8") return "utf-8";
  return LATIN.has(n) ? "windows-1252" : null;
}

/** The charset of a Content-Type header; UTF-8 when absent or unknown. */
export function textEncodingOf(contentType: string | undefined): TextEncodingName {
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? "")?.[1];
  return (charset && parseEncoding(charset)) || "utf-8";
}

export function decodeFrom(
  source: AsyncIterable<Buffer | string>,
  encoding: TextEncodingName,
): AsyncIterable<Buffer | string> {
  if (encoding === "utf-8") return source;
  return (async function* () {
    const decoder = new TextDecoder(encoding);
    for await (const chunk of source) yield typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    const rest = decoder.decode();
    if (rest) yield rest;
  })();
}
