import { StringDecoder } from "node:string_decoder";
import { CsvError, parse } from "csv-parse";
import type { ImportFormat } from "../../../shared/imports.schemas.ts";
import { decodeFrom, type TextEncodingName } from "./text-encoding.ts";

/**
 * Reads an import file as it streams in, never holding it whole: JSON lines split by hand, CSV
 * through csv-parse. Yields records in small groups (one per chunk of input) so the per-record
 * cost stays a loop iteration, not an await. A structural fault — a line that is not JSON, a
 * CSV quote left open, a row with the wrong number of cells — throws ImportFormatError with its
 * line: the caller stops there.
 */
export type RawRecord = { line: number; value: unknown };

export class ImportFormatError extends Error {
  readonly line: number;
  /** What is wrong with the line, without the line number (the API's answer puts it in its own sentence). */
  readonly problem: string;
  constructor(line: number, problem: string) {
    super(`linha ${line}: ${problem}`);
    this.name = "ImportFormatError";
    this.line = line;
    this.problem = problem;
  }
}

/** The body is larger than the limit: the caller answers 413. */
export class ImportTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`arquivo maior que o limite de ${Math.round(limit / 1024 / 1024)} MiB`);
    this.name = "ImportTooLargeError";
  }
}

export type ReadOptions = {
  /** Called with the bytes read so far, after each chunk (the CLI's progress bar). */
  onBytes?: (bytes: number) => void;
  maxBytes?: number;
  /** Decoded after counting, so the limit and the progress are in bytes of the file. */
  encoding?: TextEncodingName;
};

type Source = AsyncIterable<Buffer | string>;

/** Counts bytes and enforces the limit while handing the chunks on. */
async function* counted(source: Source, options: ReadOptions): AsyncGenerator<Buffer | string> {
  let bytes = 0;
  for await (const chunk of source) {
    bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
    if (options.maxBytes !== undefined && bytes > options.maxBytes) throw new ImportTooLargeError(options.maxBytes);
    options.onBytes?.(bytes);
    yield chunk;
  }
}

export function readRecords(source: Source, format: ImportFormat, options: ReadOptions = {}) {
  const input = decodeFrom(counted(source, options), options.encoding ?? "auto");
  return format === "csv" ? readCsv(input) : readNdjson(input);
}

function parseLine(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportFormatError(line, `não é JSON válido (${reason})`);
  }
}

export async function* readNdjson(source: Source): AsyncGenerator<RawRecord[]> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  let line = 0;
  let first = true;
  const take = (text: string, out: RawRecord[]) => {
    line += 1;
    let t = text.endsWith("\r") ? text.slice(0, -1) : text;
    if (first) {
      first = false;
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
    }
    // Blank lines (a trailing newline, spacing between blocks) carry no record.
    if (t.trim() === "") return;
    out.push({ line, value: parseLine(t, line) });
  };
  for await (const chunk of source) {
    const text = rest + (typeof chunk === "string" ? chunk : decoder.write(chunk));
    const out: RawRecord[] = [];
    let start = 0;
    try {
      for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
        take(text.slice(start, nl), out);
        start = nl + 1;
      }
    } catch (error) {
      // The lines before the bad one go on first, so what the caller commits does not depend
      // on where the chunks happened to be cut.
      if (out.length) yield out;
      throw error;
    }
    rest = text.slice(start);
    if (out.length) yield out;
  }
  const last = rest + decoder.end();
  if (last !== "") {
    const out: RawRecord[] = [];
    take(last, out);
    if (out.length) yield out;
  }
}

/** The delimiter of the header line: comma, or semicolon (what Excel writes in Brazil), or tab. */
export function detectDelimiter(headerLine: string): string {
  let best = ",";
  let bestCount = 0;
  for (const candidate of [",", ";", "\t"]) {
    let count = 0;
    let quoted = false;
    for (const c of headerLine) {
      if (c === '"') quoted = !quoted;
      else if (c === candidate && !quoted) count += 1;
    }
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

const CSV_MESSAGES: Record<string, string> = {
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "número de colunas diferente do cabeçalho",
  CSV_QUOTE_NOT_CLOSED: "aspas abertas e não fechadas",
  CSV_INVALID_CLOSING_QUOTE: "aspas de fechamento seguidas de outro caractere",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "aspas de fechamento seguidas de outro caractere",
  CSV_MAX_RECORD_SIZE: "registro grande demais",
  INVALID_OPENING_QUOTE:
    "aspas no meio de uma célula sem aspas (use aspas em volta da célula inteira e dobre as de dentro)",
  CSV_RECORD_INCONSISTENT_COLUMNS: "número de colunas diferente do cabeçalho",
};

/**
 * CSV: the first row names the fields; each following row becomes `{header: cell}` (values still
 * strings; csv-shape.ts types them by the entity's schema). Yields the header as line 1's record
 * `{__header: [...]}` first, so the caller can check the column names before any row.
 */
export async function* readCsv(source: Source): AsyncGenerator<RawRecord[]> {
  const iterator = source[Symbol.asyncIterator]();
  // Peek at the first chunk for the header line, to pick the delimiter.
  const firstChunk = await iterator.next();
  if (firstChunk.done) return;
  const head = firstChunk.value.toString();
  const delimiter = detectDelimiter(head.split("\n", 1)[0] ?? "");
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_quotes: false,
    max_record_size: 1024 * 1024,
  });
  // Feed the parser from the source (with backpressure) while this generator reads from it.
  const feeding = (async () => {
    try {
      for (let next: IteratorResult<Buffer | string> = firstChunk; !next.done; next = await iterator.next()) {
        if (parser.destroyed) break;
        if (!parser.write(next.value)) {
          // Wait for room, or for the end (an error destroyed the parser: nothing more to feed).
          await new Promise<void>((resolve) => {
            const done = () => {
              parser.off("drain", done);
              parser.off("close", done);
              resolve();
            };
            parser.on("drain", done);
            parser.on("close", done);
          });
        }
      }
      if (parser.destroyed) await iterator.return?.();
      else parser.end();
    } catch (error) {
      parser.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();

  let header: string[] | null = null;
  let previousEnd = 0;
  let previousEmpty = 0;
  let out: RawRecord[] = [];
  try {
    for await (const item of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; empty_lines: number };
    }>) {
      const { record, info } = item;
      // csv-parse reports the line where a record ends; ours starts after the previous one and
      // after any blank lines it skipped since.
      const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
      previousEnd = info.lines;
      previousEmpty = info.empty_lines;
      if (!header) {
        header = record.map((h) => h.trim());
        out.push({ line, value: { __header: header } });
        continue;
      }
      const value: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) value[header[i] as string] = record[i] ?? "";
      out.push({ line, value });
      if (out.length >= 500) {
        yield out;
        out = [];
      }
    }
  } catch (error) {
    if (out.length) yield out;
    if (error instanceof CsvError) {
      // csv-parse's own sentence is English: ours names the fault in pt-BR, whatever its code.
      const lines = Number((error as { lines?: unknown }).lines);
      throw new ImportFormatError(
        Number.isFinite(lines) && lines > 0 ? lines : previousEnd + 1,
        `CSV malformado: ${CSV_MESSAGES[error.code] ?? "estrutura de CSV inválida"}`,
      );
    }
    throw error;
  } finally {
    if (!parser.destroyed) parser.destroy();
    await feeding;
  }
  if (out.length) yield out;
}
