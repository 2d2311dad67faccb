import fc from "fast-check";
import { type Draft, encode, queryValue, render } from "./draft.ts";
import { importDraft } from "./import-bodies.ts";
import { MUTATIONS } from "./mutations.ts";
import type { Operation } from "./openapi.ts";
import { valueArb } from "./schema-arbitraries.ts";
import type { PrincipalName, World } from "./world.ts";

/** One generated request, ready for the wire, with what it is meant to be. */
export type FuzzRequest = {
  op: Operation;
  principal: PrincipalName;
  /** null: valid by the document's schemas; else the mutation that broke it. */
  mutation: string | null;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  /** Why this request must be refused, when a mutation made it wrong beyond doubt. */
  mustReject: string | undefined;
};

const PRINCIPALS = fc.oneof(
  { arbitrary: fc.constant<PrincipalName>("admin-token"), weight: 35 },
  { arbitrary: fc.constant<PrincipalName>("admin-session"), weight: 25 },
  { arbitrary: fc.constant<PrincipalName>("no-grants-session"), weight: 10 },
  { arbitrary: fc.constant<PrincipalName>("no-grants-token"), weight: 10 },
  { arbitrary: fc.constant<PrincipalName>("anonymous"), weight: 10 },
  { arbitrary: fc.constant<PrincipalName>("bad-token"), weight: 4 },
  { arbitrary: fc.constant<PrincipalName>("foreign-origin"), weight: 6 },
);

function pathValueArb(op: Operation, w: World, name: string): fc.Arbitrary<number | string> {
  const param = op.pathParams.find((p) => p.name === name);
  const generic = valueArb(param?.schema ?? { type: "string" }, { op, world: w, name, depth: 0 }) as fc.Arbitrary<
    number | string
  >;
  const pool = w.pool(w.poolOfParam(op.path, name));
  if (!pool.length) return generic;
  return fc.oneof({ arbitrary: fc.constantFrom(...pool), weight: 9 }, { arbitrary: generic, weight: 1 });
}

/** A request that satisfies the document: existing ids in the path, schema-true query and body. */
export function validDraft(op: Operation, w: World): fc.Arbitrary<Draft> {
  const path = fc.record(Object.fromEntries(op.pathParams.map((p) => [p.name, pathValueArb(op, w, p.name)])));
  const queryModel = Object.fromEntries(
    op.queryParams.map((p) => [p.name, valueArb(p.schema, { op, world: w, name: p.name, depth: 0 })]),
  );
  const query = fc.record(queryModel, { requiredKeys: op.queryParams.filter((p) => p.required).map((p) => p.name) });
  const body = op.body ? valueArb(op.body, { op, world: w, name: undefined, depth: 0 }) : fc.constant(undefined);
  return fc.tuple(path, query, body, fc.double({ min: 0, max: 1, noNaN: true })).map(([pathValues, q, b, dice]) => {
    // A PATCH that carries the version last seen gets past 412 to the rules themselves.
    const version = w.versionFor(op.path, pathValues);
    const hasVersion = Boolean(op.body?.properties?.version);
    let json = b;
    if (hasVersion && version !== undefined && dice < 0.85 && typeof b === "object" && b !== null) {
      json = { ...b, version };
    }
    if (typeof json === "object" && json !== null && dice < 0.8) json = coherent(json as Record<string, unknown>);
    // A made-up cursor is only ever "cursor inválido": mostly send the ones the API handed out.
    const seen = w.cursors.get(op.key) ?? [];
    const query = Object.entries(q).filter(([k, v]) => k !== "cursor" || seen.includes(String(v)) || dice > 0.8);
    return {
      pathValues: Object.fromEntries(Object.entries(pathValues).map(([k, v]) => [k, encode(String(v))])),
      query: query.flatMap(([k, v]) => queryValue(v).map((s) => [k, s] as [string, string])),
      body: json === undefined ? undefined : { json },
      contentType: undefined,
      headers: {},
    };
  });
}

/**
 * Rules across fields that a JSON schema cannot say, applied to most valid bodies so they get
 * past validation: one main e-mail, phone and address; an end after the start; all-day
 * appointments as dates.
 */
function coherent(body: Record<string, unknown>): Record<string, unknown> {
  const out = { ...body };
  for (const list of ["emails", "phones", "addresses"]) {
    const items = out[list];
    if (Array.isArray(items)) {
      out[list] = items.map((item, i) =>
        typeof item === "object" && item !== null && "isMain" in item ? { ...item, isMain: i === 0 } : item,
      );
    }
  }
  if (typeof out.startsAt === "string" && Number.isFinite(Date.parse(out.startsAt))) {
    const start = Date.parse(out.startsAt);
    if (out.allDay === true) {
      out.startsAt = new Date(start).toISOString().slice(0, 10);
      if (out.endsAt !== undefined) out.endsAt = new Date(start + 24 * 3600_000).toISOString().slice(0, 10);
    } else if (out.endsAt !== undefined) {
      out.endsAt = new Date(start + 3600_000).toISOString();
    }
  }
  return out;
}

/** Valid or (about half the time) broken by one or two mutations; sent as one of the principals. */
export function requestArb(
  op: Operation,
  w: World,
  fixed: { principal?: PrincipalName; valid?: boolean } = {},
): fc.Arbitrary<FuzzRequest> {
  const isImport = op.path === "/api/import/{entity}";
  const principals = fixed.principal ? fc.constant(fixed.principal) : PRINCIPALS;
  const brokenArb = fixed.valid ? fc.constant(false) : fc.boolean();
  return fc.tuple(validDraft(op, w), principals, brokenArb, fc.boolean()).chain(([draft, principal, broken, twice]) => {
    let drafted: fc.Arbitrary<{ draft: Draft; mutation: string | null }>;
    if (isImport) {
      const entity = decodeURIComponent(draft.pathValues.entity ?? "persons");
      drafted = importDraft(w, entity, draft, broken).map((d) => ({
        draft: d,
        mutation: broken ? "import-broken-file" : null,
      }));
    } else {
      drafted = fc.constant({ draft, mutation: null });
    }
    if (broken) {
      const mutate = (from: fc.Arbitrary<{ draft: Draft; mutation: string | null }>) =>
        from.chain(({ draft: d, mutation }) => {
          const applicable = MUTATIONS.filter((m) => m.applies(op, d));
          return fc.nat({ max: applicable.length - 1 }).chain((i) => {
            const m = applicable[i];
            if (!m) return fc.constant({ draft: d, mutation });
            return m.arb(op, d).map((next) => ({ draft: next, mutation: mutation ? `${mutation}+${m.name}` : m.name }));
          });
        });
      drafted = isImport ? (twice ? mutate(drafted) : drafted) : twice ? mutate(mutate(drafted)) : mutate(drafted);
    }
    return drafted.map(({ draft: d, mutation }) => {
      const wire = render(op.path, d);
      // If-Match stands in for a body without `version` (plugins/if-match.ts): then it is not missing.
      const mustReject =
        d.mustReject === "required field version missing" && d.headers["if-match"] ? undefined : d.mustReject;
      return {
        op,
        principal,
        mutation,
        method: op.method,
        path: wire.path,
        headers: { ...w.headersOf(principal), ...wire.headers },
        body: wire.body,
        mustReject,
      };
    });
  });
}
