import fastJson from "fast-json-stringify";
import type { FastifySerializerCompiler } from "fastify";
import { serializerCompiler as zodSerializerCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import { $ZodType } from "zod/v4/core";

/**
 * Responses written by fast-json-stringify from the JSON schema of each route's zod response
 * schema, instead of fastify-type-provider-zod's compiler, which parses every response with zod
 * before JSON.stringify (issue 13: per-response validation on the hot routes). The compiled
 * serializer writes only the properties the schema names, as zod's parse strips the others, so
 * a column a handler forgets to map never leaks; the shapes themselves are
 * checked by tests (serializer.test.ts), not on every response. A schema JSON Schema cannot
 * express (a transform, a date) keeps zod's serializer.
 *
 * Compiled on a route's first response and kept by schema, so building an app (every test
 * file does) costs nothing, and apps of one process share the work.
 */

type Serialize = (data: unknown) => string;

type JsonSchema = { [key: string]: unknown };

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const PRIMITIVES = new Set(["string", "number", "integer", "boolean"]);

/**
 * zod writes `nullable()` as `anyOf: [X, {type: "null"}]`; fast-json-stringify runs an Ajv
 * validation per value to pick an anyOf branch. `type: [X, "null"]` (primitives) and
 * `nullable: true` (objects, arrays) say the same and serialize without validating.
 */
function collapseNull(schema: JsonSchema): JsonSchema {
  const options = schema.anyOf;
  if (!Array.isArray(options) || options.length !== 2) return schema;
  const nullAt = options.findIndex((o) => isObject(o) && o.type === "null" && Object.keys(o).length === 1);
  if (nullAt < 0) return schema;
  const other = options[1 - nullAt];
  if (!isObject(other) || other.$ref || other.anyOf || other.oneOf || other.allOf) return schema;
  if (typeof other.type !== "string" || other.nullable) return schema;
  const { anyOf: _, ...siblings } = schema;
  if (PRIMITIVES.has(other.type) && other.enum === undefined && other.const === undefined) {
    return { ...siblings, ...other, type: [other.type, "null"] };
  }
  return { ...siblings, ...other, nullable: true };
}

const SCHEMA_MAPS = ["properties", "definitions", "$defs"];
const SCHEMA_LISTS = ["anyOf", "oneOf", "allOf"];
const SCHEMA_ONE = ["items", "additionalProperties", "not"];

/** The JSON schema fast-json-stringify gets: zod's draft-7 output schema, nullables collapsed. */
export function serializationSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { target: "draft-7", io: "output" }) as JsonSchema;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    const out: JsonSchema = { ...node };
    // fast-json-stringify writes only the named properties anyway; without `false` here, Ajv
    // picks a union's branch as zod does (unknown keys stripped, not refused).
    if (out.additionalProperties === false) delete out.additionalProperties;
    for (const key of SCHEMA_MAPS) {
      const map = out[key];
      if (isObject(map)) out[key] = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, walk(v)]));
    }
    for (const key of SCHEMA_LISTS) if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map(walk);
    for (const key of SCHEMA_ONE) if (isObject(out[key])) out[key] = walk(out[key]);
    return collapseNull(out);
  };
  return walk(json) as JsonSchema;
}

const compiled = new WeakMap<object, Serialize | null>();

/** The compiled serializer of a zod schema; null when JSON Schema cannot express it. */
export function fastSerializer(schema: z.ZodType): Serialize | null {
  let serialize = compiled.get(schema);
  if (serialize === undefined) {
    try {
      serialize = fastJson(serializationSchema(schema)) as Serialize;
    } catch {
      serialize = null;
    }
    compiled.set(schema, serialize);
  }
  return serialize;
}

type RouteSchema = $ZodType | { properties: $ZodType };

export const responseSerializerCompiler: FastifySerializerCompiler<RouteSchema> = (route) => {
  let serialize: Serialize | undefined;
  return (data: unknown) => {
    if (!serialize) {
      const fast = route.schema instanceof $ZodType ? fastSerializer(route.schema as z.ZodType) : null;
      serialize = fast ?? (zodSerializerCompiler(route) as Serialize);
    }
    return serialize(data);
  };
};
