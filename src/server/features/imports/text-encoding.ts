/**
 * Import files are UTF-8; Excel in Brazil still saves "CSV" in Windows-1252 (Latin-1), so a
 * `charset=` of that family (header, or the CLI's --encoding) is decoded before reading. With no
 * charset ("auto") the bytes decide: valid UTF-8 is read as UTF-8; a file whose first non-ASCII
 * bytes are not UTF-8 is Windows-1252 (what Brazilian ERPs export); a file that mixes valid
 * UTF-8 with bytes that are not is read leniently, and its lines with U+FFFD are rejected by
 * the import — mojibake is never stored.
 */
export type TextEncodingName = "utf-8" | "windows-1252" | "auto";

const LATIN = new Set(["latin1", "latin-1", "iso-8859-1", "iso8859-1", "windows-1252", "cp1252"]);

export function parseEncoding(name: string): TextEncodingName | null {
  const n = name.trim().toLowerCase();
  if (n === "utf-8" || n === "utf8") return "utf-8";
  return LATIN.has(n) ? "windows-1252" : null;
}

/** The charset of a Content-Type header; "auto" (decided by the bytes) when absent or unknown. */
export function textEncodingOf(contentType: string | undefined): TextEncodingName {
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? "")?.[1];
  return (charset && parseEncoding(charset)) || "auto";
}

/** Where the last complete UTF-8 character of `bytes` ends (a sequence cut by the chunk stays for the next). */
function completeUpTo(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back] as number;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

const hasNonAscii = (bytes: Buffer) => bytes.some((b) => b > 0x7f);

/**
 * Whether `bytes` hold at least one well-formed multi-byte UTF-8 character. Latin-1 text almost
 * never does (it would take "Ã" followed by "©"), so bytes that fail as UTF-8 yet hold one are
 * UTF-8 with a stray byte, not a Latin-1 file.
 */
function hasUtf8Character(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0xc2 || b > 0xf4) continue;
    const length = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
    let ok = i + length < bytes.length;
    for (let k = 1; ok && k <= length; k++) ok = ((bytes[i + k] as number) & 0xc0) === 0x80;
    if (ok) return true;
  }
  return false;
}

async function* autoDecode(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let mode: "utf-8" | "windows-1252" | "lenient" = "utf-8";
  let sawUtf8 = false;
  let carry = Buffer.alloc(0);
  const latin = new TextDecoder("windows-1252");
  const lenient = new TextDecoder("utf-8", { ignoreBOM: true });
  for await (const chunk of source) {
    if (typeof chunk === "string") {
      yield chunk;
      continue;
    }
    if (mode === "windows-1252") {
      yield latin.decode(chunk, { stream: true });
      continue;
    }
    if (mode === "lenient") {
      yield lenient.decode(chunk, { stream: true });
      continue;
    }
    const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const end = completeUpTo(bytes);
    const whole = bytes.subarray(0, end);
    try {
      const text = utf8.decode(whole);
      if (!sawUtf8 && hasNonAscii(whole)) sawUtf8 = true;
      carry = Buffer.from(bytes.subarray(end));
      yield text;
    } catch {
      // Not UTF-8. Nothing but ASCII so far and no UTF-8 character here either: the file is
      // Latin-1 from its start. Else it mixes, and its lines with U+FFFD are rejected.
      mode = sawUtf8 || hasUtf8Character(bytes) ? "lenient" : "windows-1252";
      carry = Buffer.alloc(0);
      yield mode === "windows-1252" ? latin.decode(bytes, { stream: true }) : lenient.decode(bytes, { stream: true });
    }
  }
  if (mode === "utf-8" && carry.length) yield lenient.decode(carry);
  else if (mode === "windows-1252") yield latin.decode();
  else if (mode === "lenient") yield lenient.decode();
}

export function decodeFrom(
  source: AsyncIterable<Buffer | string>,
  encoding: TextEncodingName,
): AsyncIterable<Buffer | string> {
  if (encoding === "utf-8") return source;
  if (encoding === "auto") return autoDecode(source);
  return (async function* () {
    const decoder = new TextDecoder(encoding);
    for await (const chunk of source) yield typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    const rest = decoder.decode();
    if (rest) yield rest;
  })();
}
