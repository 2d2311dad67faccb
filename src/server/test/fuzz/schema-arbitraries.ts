import fc from "fast-check";
import type { JsonSchema, Operation } from "./openapi.ts";
import type { World } from "./world.ts";

/**
 * Values that satisfy a JSON schema of the document, biased towards what reaches the handlers:
 * ids and codes that exist (from the world's pools), plausible Brazilian data for the fields
 * whose rules zod checks past the JSON schema (CPF/CNPJ, CEP, time zones, dates), and otherwise
 * fast-check's own edge-biased strings and numbers.
 */

export type GenContext = { op: Operation; world: World; name: string | undefined; depth: number };

const DAY = 24 * 3600_000;
const NOW = Date.now();

/** Property name → the pool of existing ids it refers to. */
function poolOfField(name: string, op: Operation): string | undefined {
  const base = name.replace(/Ids?$/, "");
  if (name === "relatedCode" || name === "personCode") return "persons";
  if (name === "category" || base === "category") return "categories";
  if (base === "characteristic") return "characteristics";
  if (base === "sector") return "sectors";
  if (base === "product") return "products";
  if (base === "address") return "addresses";
  if (base === "accessProfile") return "access-profiles";
  if (base === "ticket") return "tickets";
  if (base === "contract") return "contracts";
  if (base === "closing") return "closings";
  if (/^(responsibleUser|internalContactUser|assignedUser|user)$/.test(base)) return "users-any";
  if (base === "type" || name === "includeTypeIds" || name === "excludeTypeIds") {
    if (op.path.includes("related")) return "relationship-types";
    if (op.path.includes("appointment")) return "appointment-types";
    return "ticket-types";
  }
  return undefined;
}

const iso = (offsetDays: number, hour: number) => {
  const d = new Date(NOW + offsetDays * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

const texts = fc.constantFrom(
  "João da Silva",
  "Ferragens Paulista Ltda",
  "Cliente relata erro na emissão da NF-e",
  "Ação ✓ çãõ",
  "a",
  "  espaços  ",
);

/** Plausible values for fields whose real rules live past the JSON schema. */
function hintFor(name: string, g: GenContext): fc.Arbitrary<unknown> | undefined {
  const w = g.world;
  if (g.op.path === "/api/auth/login") {
    if (name === "username")
      return fc.constantFrom(w.loginTarget.username, "ninguem", w.loginTarget.username.toUpperCase());
    if (name === "password") return fc.constantFrom(w.loginTarget.password, "senha-errada");
  }
  switch (name) {
    case "document":
      return fc.constantFrom(...w.documents);
    case "zip":
      return fc.constantFrom("01310-100", "01310100", "69005-010");
    case "state":
      return fc.constantFrom("SP", "RJ", "AM", "sp");
    case "ibgeCode":
      return fc.constant("3550308");
    case "country":
      return fc.constant("Brasil");
    case "timeZone":
      return fc.constantFrom("America/Sao_Paulo", "America/Manaus", "UTC");
    case "host":
      // Never a name off this machine, even if a mail worker starts one day.
      return fc.constantFrom("127.0.0.1", "localhost", null);
    case "port":
      return fc.constantFrom(1, 2525);
    case "startsAt":
    case "endsAt":
    case "dueAt":
    case "internalContactAt":
      return fc
        .tuple(fc.integer({ min: -10, max: 40 }), fc.integer({ min: 8, max: 18 }))
        .map(([days, hour]) => iso(days + (name === "endsAt" ? 0.05 : 0), hour));
    case "from":
    case "to":
      if (g.op.path === "/api/appointments") {
        return fc.integer({ min: -20, max: 20 }).map((days) => iso(days + (name === "to" ? 14 : 0), 0).slice(0, 10));
      }
      // `to` of a message: its recipients.
      return name === "to" ? fc.constantFrom("ana@example.com", "fuzz0@example.com") : undefined;
    case "period":
      return fc.constantFrom("2026-01", "2026-03");
    case "number":
      // Both an address number and a phone number: this one is valid as either.
      return fc.constantFrom("(11) 98765-4321", "(21) 3456-7890");
    case "kind":
      return fc.constantFrom("fixed", "variable");
    case "status":
      return fc.constantFrom("charged", "donated", "suspended", "paralyzed", "pending");
    case "email":
    case "mailFrom":
    case "address":
      return fc.constantFrom("ana@example.com", "joao.silva@empresa.com.br");
    case "cc":
      return fc.constantFrom("ana@example.com", "fuzz0@example.com");
    case "cursor": {
      const seen = w.cursors.get(g.op.key) ?? [];
      return seen.length ? fc.constantFrom(...seen) : undefined;
    }
    case "name":
    case "subject":
    case "text":
    case "note":
    case "body":
    case "description":
    case "reason":
    case "result":
    case "shortName":
    case "contactName":
    case "street":
    case "district":
    case "city":
      return texts;
    default:
      return undefined;
  }
}

function fromPool(name: string, g: GenContext): fc.Arbitrary<unknown> | undefined {
  const pool = poolOfField(name, g.op);
  if (!pool) return undefined;
  const values =
    pool === "users-any"
      ? [...(g.world.pools.get("users") ?? []), g.world.admin.userId, g.world.noGrants.userId]
      : g.world.pool(pool);
  return values.length ? fc.constantFrom(...values) : undefined;
}

const typesOf = (schema: JsonSchema): string[] =>
  Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];

export function valueArb(schema: JsonSchema, g: GenContext): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valueArb(s, g)));
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => valueArb({ ...schema, type }, g)));
  const type = types[0] ?? (schema.properties ? "object" : undefined);
  const name = g.name;
  const hinted = name ? (hintFor(name, g) ?? fromPool(name, g)) : undefined;
  const generic = genericArb(type, schema, g);
  if (!hinted || type === "array" || type === "object" || type === "null") return generic;
  return fc.oneof({ arbitrary: hinted, weight: 5 }, { arbitrary: generic, weight: 1 });
}

function genericArb(type: string | undefined, schema: JsonSchema, g: GenContext): fc.Arbitrary<unknown> {
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer": {
      const min =
        schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : Math.max(schema.minimum ?? -1e6, -1e6);
      const max =
        schema.exclusiveMaximum !== undefined
          ? schema.exclusiveMaximum - 1
          : Math.min(schema.maximum ?? 1e6, 2_147_483_647);
      return fc.integer({ min, max: Math.max(min, max) });
    }
    case "number": {
      const min = schema.exclusiveMinimum ?? schema.minimum ?? -1e6;
      const max = schema.exclusiveMaximum ?? schema.maximum ?? 1e6;
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case "string":
      return stringArb(schema);
    case "array": {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 3, 3));
      const item = schema.items ?? {};
      // Array items inherit the field's name: `categoryIds` items come from the categories pool.
      return fc.array(valueArb(item, { ...g, name: g.name }), { minLength, maxLength });
    }
    case "object":
      return objectArb(schema, g);
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
  }
}

function stringArb(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
  const fits = (s: string) => s.length >= minLength && s.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
  if (schema.format === "date-time") {
    return fc.integer({ min: -400, max: 400 }).map((days) => iso(days, 12));
  }
  if (schema.pattern) {
    return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  }
  return fc.oneof(
    fc.string({ minLength, maxLength, unit: "grapheme-ascii" }),
    // U+FFFD never comes from the generator: in an answer it means bytes were mangled on the way in.
    fc.string({ minLength, maxLength, unit: "grapheme" }).map((s) => s.replaceAll("\uFFFD", "?")),
  );
}

function objectArb(schema: JsonSchema, g: GenContext): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  if (g.depth > 6) return fc.constant({});
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, sub] of Object.entries(properties)) {
    model[key] = valueArb(sub, { ...g, name: key, depth: g.depth + 1 });
  }
  const requiredKeys = (schema.required ?? []).filter((k) => k in properties);
  return fc.record(model, { requiredKeys });
}
