import { fileTypeFromBuffer } from "file-type";
import { type FileKind, KIND_EXTENSIONS } from "../../../shared/attachments.schemas.ts";

/**
 * What a file is, decided from its first bytes (never from its name or the browser's claim):
 * `file-type` reads the signatures of binary formats; what has none is looked at as text (plain,
 * CSV, XML, and the HTML and SVG that must never pass for something else). The name's extension
 * may not contradict the bytes: a `.pdf` that is really HTML is refused.
 */

/** How much of the start of a file the decision reads (office files are zip archives: their parts are near the start). */
export const SAMPLE_BYTES = 64 * 1024;

export type Detected = { mime: string; kind: FileKind | null; label: string };

const BY_MIME: Record<string, FileKind> = {
  "image/png": "image",
  "image/jpeg": "image",
  "image/gif": "image",
  "image/webp": "image",
  "image/bmp": "image",
  "image/tiff": "image",
  "image/heic": "image",
  "image/heif": "image",
  "image/avif": "image",
  "image/svg+xml": "svg",
  "application/pdf": "pdf",
  "application/xml": "xml",
  "application/msword": "office",
  "application/x-cfb": "office",
  "application/vnd.ms-excel": "office",
  "application/vnd.ms-powerpoint": "office",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "office",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "office",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "office",
  "application/vnd.oasis.opendocument.text": "office",
  "application/vnd.oasis.opendocument.spreadsheet": "office",
  "application/vnd.oasis.opendocument.presentation": "office",
  "application/rtf": "office",
  "text/plain": "text",
  "text/csv": "text",
  "application/zip": "zip",
};

/** Short names for the messages ("PDF", "HTML"): what the user can recognise. */
const LABELS: Record<string, string> = {
  "image/svg+xml": "SVG",
  "text/html": "HTML",
  "application/xml": "XML",
  "application/pdf": "PDF",
  "text/plain": "texto",
  "text/csv": "CSV",
  "application/zip": "ZIP",
  "application/x-cfb": "Office",
  "application/rtf": "RTF",
};

const labelOf = (mime: string, ext?: string) =>
  LABELS[mime] ?? (mime.startsWith("image/") ? mime.slice(6).toUpperCase() : (ext ?? mime).toUpperCase());

/** Raster images a browser shows on its own, and PDF: the only types ever served inline. */
export const INLINE_TYPES = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/bmp",
  "image/avif",
  "application/pdf",
]);
/** Pictures the thumbnailer reads (sharp's prebuilt formats). */
export const THUMBNAIL_TYPES = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/tiff",
  "image/avif",
]);

/** Markup that a browser would run: refused as text, whatever the name says. */
const HTML_START =
  /^<(!doctype\s+html|html|head|body|script|iframe|frameset|meta|title|style|object|embed|base|link|form|img|a\s|div|p>|table|\?php)/i;
const SVG_IN_XML = /^<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*(<!doctype\s+svg|<svg[\s>])/i;

/** Whether the bytes read as text: no NUL, few control characters, UTF-8 or a single-byte encoding. */
function looksLikeText(sample: Buffer): boolean {
  if (sample.includes(0)) return false;
  let control = 0;
  for (const byte of sample) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) control += 1;
  }
  return control <= sample.length / 100;
}

function sniffText(sample: Buffer): Detected {
  let text = sample.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const start = text.trimStart();
  if (/^<svg[\s>]/i.test(start) || /^<!doctype\s+svg/i.test(start) || SVG_IN_XML.test(start)) {
    return { mime: "image/svg+xml", kind: "svg", label: "SVG" };
  }
  if (HTML_START.test(start)) return { mime: "text/html", kind: null, label: "HTML" };
  if (start.startsWith("<?xml") || /^<[A-Za-z_][\w.:-]*[\s>/]/.test(start)) {
    return { mime: "application/xml", kind: "xml", label: "XML" };
  }
  return { mime: "text/plain", kind: "text", label: "texto" };
}

/** The type of a file from its first bytes (up to SAMPLE_BYTES; the whole file when it is smaller). */
export async function detectType(sample: Buffer): Promise<Detected> {
  const found = await fileTypeFromBuffer(sample);
  if (found && found.mime !== "application/xml") {
    const kind = BY_MIME[found.mime] ?? null;
    return { mime: found.mime, kind, label: labelOf(found.mime, found.ext) };
  }
  if (found || looksLikeText(sample)) return sniffText(sample);
  return { mime: "application/octet-stream", kind: null, label: "desconhecido" };
}

/** The extension of a name, lower case, without the dot ("" when it has none). */
export function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name.trim());
  return match?.[1]?.toLowerCase() ?? "";
}

const kindOfExtension = (ext: string): FileKind | undefined =>
  (Object.keys(KIND_EXTENSIONS) as FileKind[]).find((k) => KIND_EXTENSIONS[k].includes(ext));

/**
 * Whether the name's extension fits the bytes. An unknown or missing extension says nothing; text
 * and XML are one family (an NF-e saved as .txt), office documents are zip archives (a .docx may
 * read as zip), and a CSV is text whatever its separator.
 */
export function extensionFits(name: string, kind: FileKind): boolean {
  const claimed = kindOfExtension(extensionOf(name));
  if (!claimed || claimed === kind) return true;
  const family = (k: FileKind) => (k === "xml" ? "text" : k === "zip" ? "office" : k);
  return family(claimed) === family(kind);
}

/** A text file's type for its CSV name: the same bytes, the label the user expects. */
export function refineText(detected: Detected, name: string): Detected {
  if (detected.mime === "text/plain" && ["csv", "tsv"].includes(extensionOf(name))) {
    return { mime: "text/csv", kind: "text", label: "CSV" };
  }
  return detected;
}
