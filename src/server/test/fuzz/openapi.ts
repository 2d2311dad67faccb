/**
 * The parts of the app's OpenAPI 3.1 document the contract fuzzer reads: each operation's
 * parameters, JSON body and declared responses. Schemas are JSON Schema 2020-12 (what
 * fastify-type-provider-zod emits from the shared zod schemas).
 */

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
  [key: string]: unknown;
};

export type Parameter = {
  in: "path" | "query" | "header" | "cookie";
  name: string;
  required?: boolean;
  schema: JsonSchema;
};

type MediaTypes = Record<string, { schema?: JsonSchema }>;

type RawOperation = {
  summary?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: MediaTypes };
  responses?: Record<string, { description?: string; content?: MediaTypes }>;
  security?: unknown[];
};

export type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

const REF = /^#\/components\/schemas\/(.+)$/;

/**
 * The schema with every `$ref` to `#/components/schemas/…` (the shared error body) put in place,
 * so each one compiles on its own; the same component comes back as the same object.
 */
function inlineRefs(value: unknown, doc: OpenApiDocument, seen = new Map<string, unknown>()): unknown {
  if (Array.isArray(value)) return value.map((v) => inlineRefs(v, doc, seen));
  if (typeof value !== "object" || value === null) return value;
  const ref = (value as { $ref?: unknown }).$ref;
  const name = typeof ref === "string" ? REF.exec(ref)?.[1] : undefined;
  if (name !== undefined) {
    if (!seen.has(name)) {
      seen.set(name, {});
      seen.set(name, inlineRefs(doc.components?.schemas?.[name] ?? {}, doc, seen));
    }
    return seen.get(name);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inlineRefs(v, doc, seen)]));
}

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A declared answer: its status (or "default") and its JSON body schema, if it has one. */
export type DeclaredResponse = { status: string; schema: JsonSchema | undefined; hasContent: boolean };

export type Operation = {
  /** `GET /api/persons/{code}`: how findings name the route. */
  key: string;
  method: Method;
  /** The templated path, `/api/persons/{code}`. */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** The JSON body schema; undefined when the route takes none (or one the document does not describe). */
  body: JsonSchema | undefined;
  bodyRequired: boolean;
  responses: Map<string, DeclaredResponse>;
  /** Strict status checking: the document declares at least one 4xx for this route. */
  declaresClientErrors: boolean;
};

const METHODS = new Set(["get", "post", "put", "patch", "delete"]);

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  const seen = new Map<string, unknown>();
  const paths = inlineRefs(doc.paths, doc, seen) as OpenApiDocument["paths"];
  for (const [path, methods] of Object.entries(paths)) {
    for (const [lower, op] of Object.entries(methods)) {
      if (!METHODS.has(lower)) continue;
      const method = lower.toUpperCase() as Method;
      const parameters = op.parameters ?? [];
      const responses = new Map<string, DeclaredResponse>();
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const json = response.content?.["application/json"];
        responses.set(status, { status, schema: json?.schema, hasContent: Boolean(response.content) });
      }
      operations.push({
        key: `${method} ${path}`,
        method,
        path,
        pathParams: parameters.filter((p) => p.in === "path"),
        queryParams: parameters.filter((p) => p.in === "query"),
        body: op.requestBody?.content["application/json"]?.schema,
        bodyRequired: op.requestBody?.required ?? false,
        responses,
        declaresClientErrors: [...responses.keys()].some((s) => /^4(\d\d|XX)$/i.test(s)),
      });
    }
  }
  return operations;
}

/** The declared response for a status: exact, then `4XX`-style ranges, then `default`. */
export function declaredFor(op: Operation, status: number): DeclaredResponse | undefined {
  return op.responses.get(String(status)) ?? op.responses.get(`${String(status)[0]}XX`) ?? op.responses.get("default");
}

/** `/api/persons/{code}/tickets` → the literal segments, for naming id pools. */
export const literalSegments = (path: string): string[] =>
  path.split("/").filter((s) => s && s !== "api" && !s.startsWith("{"));
