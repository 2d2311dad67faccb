import { NAME_MAX } from "../../../shared/attachments.schemas.ts";

/**
 * File names. A name is kept as the uploader's computer gave it (shown as given, as text), and
 * cleaned for every place where it could do harm: the Content-Disposition of a download, a mail
 * attachment, a file saved from the browser. Cleaning takes the last path segment (no `../`), and
 * removes control characters and the bidi controls that make "fatura‮fdp.exe" read as
 * "fatura.pdf" (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C).
 */

/** UTF-16 halves without their other half: no database column or header takes them. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = (s: string) => s.replace(LONE_SURROGATE, "");

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Characters no file system of our users takes in a name. */
const RESERVED = /[<>:"|?*]/g;

/** The name as given, minus what a database column cannot hold (NUL, unpaired surrogates), bounded. */
export function givenName(raw: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what it removes.
  const text = wellFormed(raw.replace(/\u0000/g, ""));
  return [...text].slice(0, NAME_MAX).join("") || "arquivo";
}

/** The name for headers and for disk: no path, no control or bidi characters, at most NAME_MAX. */
export function safeName(raw: string): string {
  const last = raw.split(/[/\\]/).at(-1) ?? "";
  let name = wellFormed(last).replace(CONTROL, "").replace(BIDI, "").replace(RESERVED, "_").replace(/\s+/g, " ");
  // A name of dots alone ("..") is a path, not a name; leading dots hide files on Unix.
  name = name
    .trim()
    .replace(/^\.+/, "")
    .replace(/[. ]+$/, "");
  if (!name) return "arquivo";
  const chars = [...name];
  if (chars.length <= NAME_MAX) return name;
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 && name.length - dot <= 11 ? name.slice(dot) : "";
  return chars.slice(0, NAME_MAX - ext.length).join("") + ext;
}

/**
 * `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266): old clients read the ASCII
 * fallback, every browser the UTF-8 name.
 */
export function contentDisposition(disposition: "attachment" | "inline", name: string): string {
  const clean = safeName(name);
  const ascii =
    clean
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\%]/g, "_") || "arquivo";
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** "25 MB", "1,5 MB", "300 KB": sizes as the messages say them (pt-BR decimals). */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 || value >= 10 ? Math.round(value).toString() : value.toFixed(1).replace(".", ",");
  return `${shown.replace(/,0$/, "")} ${units[unit]}`;
}
