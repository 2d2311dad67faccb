import type { z } from "zod";
import { type PersonsReason, personsReasons } from "../../../shared/reasons/persons.ts";

/**
 * CSV cells are text; the import schemas want JSON types. Each column is typed once, from the
 * entity's zod schema, by the path its header names:
 * - `amountCents` → a number when the cell is a number, else left as text (the schema then says
 *   "expected number" for that field);
 * - `isActive` → true/false (also 1/0, sim/não);
 * - `closing`, `items` (an object or a list of objects) → the cell is JSON: `{"externalId": …}`;
 * - `categories` (a list of scalars) → JSON (`["Cliente"]`) or values separated by `|`;
 * - dotted columns build the nesting: `closing.externalId`, `items.0.product`, `items.1.rate`.
 * An empty cell is a field left out. A cell that should be JSON and is not rejects the line
 * (field named), it does not stop the file.
 */
type Kind = "number" | "boolean" | "json" | "list" | "text";
type Segment = string | number;
export type CsvColumn = {
  name: string;
  path: Segment[];
  kind: Kind;
  listOf: Kind;
  /** The schema has no such field. */
  unknown: boolean;
};

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
};
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The schema under optional/nullable/default wrappers and pipes: `.transform()` is a pipe whose
 * input is the schema; `z.preprocess()` one whose input is the transform and output the schema.
 */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(s);
    if (def.innerType) s = def.innerType;
    else if (def.type === "pipe" && def.in && def.out) s = defOf(def.in).type === "transform" ? def.out : def.in;
    else break;
  }
  return s;
}

function kindOf(schema: z.ZodType | undefined): Kind {
  if (!schema) return "text";
  const def = defOf(unwrap(schema));
  switch (def.type) {
    case "number":
    case "int":
    case "bigint":
      return "number";
    case "boolean":
      return "boolean";
    case "object":
    case "record":
      return "json";
    case "array":
      return "list";
    case "union": {
      const kinds = new Set((def.options ?? []).map(kindOf));
      if (kinds.has("json")) return "json";
      return kinds.size === 1 ? ([...kinds][0] as Kind) : "text";
    }
    default:
      return "text";
  }
}

/** The schema a path leads to ("items.0.rate" → the rate of an item), or undefined. */
function schemaAt(root: z.ZodType, path: Segment[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = root;
  for (const seg of path) {
    if (!s) return undefined;
    const def = defOf(unwrap(s));
    if (typeof seg === "number") s = def.type === "array" ? def.element : undefined;
    else s = def.type === "object" ? def.shape?.[seg] : undefined;
  }
  return s;
}

export function csvColumns(header: string[], schema: z.ZodType): CsvColumn[] {
  return header.map((name) => {
    const path = name.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const target = schemaAt(schema, path);
    const kind = kindOf(target);
    const element = kind === "list" && target ? defOf(unwrap(target)).element : undefined;
    const elementKind = kindOf(element);
    return {
      name,
      path,
      kind: kind === "list" && elementKind === "json" ? "json" : kind,
      listOf: elementKind,
      unknown: target === undefined,
    };
  });
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const TRUE = new Set(["true", "1", "sim", "s", "yes"]);
const FALSE = new Set(["false", "0", "não", "nao", "n", "no"]);

function scalar(kind: Kind, cell: string): unknown {
  const v = cell.trim();
  if (kind === "number") return NUMBER.test(v) ? Number(v) : cell;
  if (kind === "boolean") {
    const lower = v.toLowerCase();
    return TRUE.has(lower) ? true : FALSE.has(lower) ? false : cell;
  }
  return cell;
}

/** A cell that cannot be read: the line is rejected with this field and reason. */
export class CsvCellError extends Error {
  constructor(
    readonly field: string,
    readonly reason: PersonsReason,
  ) {
    super(personsReasons[reason]);
  }
}

function cellValue(column: CsvColumn, cell: string): unknown {
  if (column.kind === "json") {
    try {
      return JSON.parse(cell);
    } catch {
      throw new CsvCellError(column.name, "import_csv_cell_json");
    }
  }
  if (column.kind === "list") {
    const t = cell.trim();
    if (t.startsWith("[")) {
      try {
        return JSON.parse(t);
      } catch {
        throw new CsvCellError(column.name, "import_csv_cell_list");
      }
    }
    return t.split("|").map((part) => scalar(column.listOf, part.trim()));
  }
  return scalar(column.kind, cell);
}

/** One CSV row as the object the schema validates. Throws CsvCellError for a bad JSON cell. */
export function shapeCsvRow(columns: CsvColumn[], row: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    const cell = row[column.name];
    if (cell === undefined || cell === "") continue;
    const value = cellValue(column, cell);
    let target: Record<string | number, unknown> = out;
    for (let i = 0; i < column.path.length - 1; i++) {
      const seg = column.path[i] as Segment;
      const nextIsIndex = typeof column.path[i + 1] === "number";
      target[seg] ??= nextIsIndex ? [] : {};
      target = target[seg] as Record<string | number, unknown>;
    }
    target[column.path.at(-1) as Segment] = value;
  }
  // `items.0.x` and `items.2.x` without `items.1`: drop the holes so the list validates.
  return compactLists(out) as Record<string, unknown>;
}

function compactLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compactLists);
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) (value as Record<string, unknown>)[k] = compactLists(v);
  }
  return value;
}
