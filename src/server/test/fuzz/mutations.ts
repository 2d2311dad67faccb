import fc from "fast-check";
import { type Draft, positions, type Segment, setAt } from "./draft.ts";
import type { Operation } from "./openapi.ts";
import { BAD_UTF8, CONTENT_TYPES, INTEGER_TRAPS, NOT_DECIMAL, NOT_JSON, TEXT_TRAPS, WRONG_VALUES } from "./traps.ts";

/**
 * The ways a careless integrator or an attacker breaks a request, each applied to a valid
 * draft so that everything else about the request still reaches the handler.
 */

export type Mutation = {
  name: string;
  applies: (op: Operation, draft: Draft) => boolean;
  arb: (op: Operation, draft: Draft) => fc.Arbitrary<Draft>;
};

const MARKER = "\u0001FUZZ\u0001";

const json = (d: Draft): unknown => (d.body && "json" in d.body ? d.body.json : undefined);
const hasJsonBody = (d: Draft) => json(d) !== undefined;
const stringsIn = (d: Draft) => positions(json(d)).filter((p) => typeof p.value === "string");
const objectsIn = (d: Draft) => [
  { at: [] as Segment[], value: json(d) },
  ...positions(json(d)).filter((p) => typeof p.value === "object" && p.value !== null && !Array.isArray(p.value)),
];
const withJson = (d: Draft, value: unknown): Draft => ({ ...d, body: { json: value } });
const pick = <T>(list: T[]) => fc.nat({ max: Math.max(0, list.length - 1) }).map((i) => list[i] as T);

const replaceString = (d: Draft, value: fc.Arbitrary<string>) =>
  fc.tuple(pick(stringsIn(d)), value).map(([p, v]) => withJson(d, setAt(json(d), p.at, v)));

export const MUTATIONS: Mutation[] = [
  {
    name: "path-integer-trap",
    applies: (op) => op.pathParams.some((p) => p.schema.type === "integer"),
    arb: (op, d) =>
      fc
        .tuple(pick(op.pathParams.filter((p) => p.schema.type === "integer")), fc.constantFrom(...INTEGER_TRAPS))
        .map(([p, v]) => ({
          ...d,
          pathValues: { ...d.pathValues, [p.name]: v },
          // A second trap on the same parameter replaces the first: so does what it makes certain.
          mustReject: NOT_DECIMAL.has(v)
            ? `path integer ${p.name}=${v}`
            : d.mustReject?.startsWith(`path integer ${p.name}=`)
              ? undefined
              : d.mustReject,
        })),
  },
  {
    name: "path-text-trap",
    applies: (op) => op.pathParams.length > 0,
    arb: (op, d) =>
      fc
        .tuple(pick(op.pathParams), fc.constantFrom(...TEXT_TRAPS))
        .map(([p, v]) => ({ ...d, pathValues: { ...d.pathValues, [p.name]: v } })),
  },
  {
    name: "query-bad-value",
    // An empty value only here: an empty path segment is another route (/api/persons/ is the list).
    applies: (op) => op.queryParams.length > 0,
    arb: (op, d) =>
      fc.tuple(pick(op.queryParams), fc.constantFrom(...INTEGER_TRAPS, ...TEXT_TRAPS, "")).map(([p, v]) => ({
        ...d,
        query: [...d.query.filter(([k]) => k !== p.name), [p.name, v] as [string, string]],
        mustReject:
          p.schema.type === "integer" && NOT_DECIMAL.has(v)
            ? `query integer ${p.name}=${v}`
            : d.mustReject?.startsWith(`query integer ${p.name}=`)
              ? undefined
              : d.mustReject,
      })),
  },
  {
    name: "query-repeated",
    applies: (op) => op.queryParams.length > 0,
    arb: (op, d) =>
      pick(op.queryParams).map((p) => ({
        ...d,
        query: [...d.query, [p.name, "1"] as [string, string], [p.name, "2"] as [string, string]],
      })),
  },
  {
    name: "query-unknown-field",
    applies: () => true,
    arb: (_op, d) =>
      fc.constantFrom("zzz=1", "__proto__[isAdmin]=true", "constructor=1", "a[b]=c", "=", "&&").map((pair) => ({
        ...d,
        query: [...d.query, (pair.includes("=") ? pair.split("=") : [pair, ""]) as [string, string]],
      })),
  },
  {
    name: "query-huge",
    applies: () => true,
    // Past Node's 16 KiB header limit: only a real server answers this (431).
    arb: (op, d) =>
      fc.constantFrom(3000, 17_000).map((n) => ({
        ...d,
        query: [...d.query, [op.queryParams[0]?.name ?? "q", "A".repeat(n)] as [string, string]],
      })),
  },
  {
    name: "body-drop-field",
    applies: (_op, d) => positions(json(d)).length > 0,
    arb: (op, d) => {
      const required = (op.body?.required ?? []).filter((k) => k in (json(d) as object));
      const all = positions(json(d));
      if (required.length) {
        return pick(required).map((k) => ({
          ...withJson(d, setAt(json(d), [k], undefined, true)),
          mustReject: `required field ${k} missing`,
        }));
      }
      return pick(all).map((p) => withJson(d, setAt(json(d), p.at, undefined, true)));
    },
  },
  {
    name: "body-wrong-type",
    applies: (_op, d) => positions(json(d)).length > 0,
    arb: (_op, d) =>
      fc
        .tuple(pick(positions(json(d))), fc.constantFrom(...WRONG_VALUES))
        .map(([p, v]) => withJson(d, setAt(json(d), p.at, v))),
  },
  {
    name: "body-whole-wrong-type",
    applies: (op) => op.body !== undefined,
    arb: (_op, d) => fc.constantFrom(...WRONG_VALUES).map((v) => withJson(d, v)),
  },
  {
    name: "body-huge-string",
    applies: (_op, d) => stringsIn(d).length > 0,
    arb: (_op, d) =>
      replaceString(
        d,
        fc.constantFrom(5000, 70_000, 300_000).map((n) => "ç".repeat(n)),
      ),
  },
  {
    name: "body-too-large",
    applies: (op) => op.body !== undefined,
    arb: (_op, d) =>
      fc.constant({
        ...d,
        body: { raw: Buffer.from(`{"x":"${"a".repeat(1_200_000)}"}`) },
        mustReject: "body over the 1 MiB limit",
      }),
  },
  {
    name: "body-nul",
    applies: (_op, d) => stringsIn(d).length > 0,
    arb: (_op, d) => replaceString(d, fc.constantFrom("x\u0000y", "\u0000", "nome\u0000")),
  },
  {
    name: "body-lone-surrogate",
    applies: (_op, d) => stringsIn(d).length > 0,
    arb: (_op, d) =>
      replaceString(d, fc.constantFrom("\ud800", "x\udfffy", "\ud83d")).map((next) => ({
        ...next,
        mustReject: "lone surrogate in a string",
      })),
  },
  {
    name: "body-control-chars",
    applies: (_op, d) => stringsIn(d).length > 0,
    arb: (_op, d) =>
      replaceString(
        d,
        fc.string({
          unit: fc.constantFrom("\u0001", "\u001f", "\u007f", "\u2028", "\ufeff", "\u200b", "\r", "\n"),
          minLength: 1,
        }),
      ),
  },
  {
    name: "body-invalid-utf8",
    applies: (_op, d) => stringsIn(d).length > 0,
    arb: (_op, d) =>
      fc.tuple(pick(stringsIn(d)), fc.constantFrom(...BAD_UTF8)).map(([p, bytes]) => {
        const text = JSON.stringify(setAt(json(d), p.at, `Jos${MARKER}`));
        const marker = JSON.stringify(MARKER).slice(1, -1);
        const [before, after] = [text.slice(0, text.indexOf(marker)), text.slice(text.indexOf(marker) + marker.length)];
        return {
          ...d,
          body: { raw: Buffer.concat([Buffer.from(before), bytes, Buffer.from(after)]) },
          mustReject: `invalid UTF-8 (${bytes.toString("hex")}) in ${p.at.join(".")}`,
        };
      }),
  },
  {
    name: "body-unknown-field",
    applies: (_op, d) => typeof json(d) === "object" && json(d) !== null,
    arb: (_op, d) =>
      fc
        .tuple(
          pick(objectsIn(d)),
          fc.constantFrom("zzzExtra", "id", "isAdmin", "createdAt", "version2"),
          fc.constantFrom<unknown>(1, "x", true, null),
        )
        .map(([o, key, v]) => withJson(d, setAt(json(d), [...o.at, key], v))),
  },
  {
    name: "body-huge-array",
    applies: (_op, d) => positions(json(d)).some((p) => Array.isArray(p.value)),
    arb: (_op, d) =>
      pick(positions(json(d)).filter((p) => Array.isArray(p.value))).map((p) => {
        const first = (p.value as unknown[])[0] ?? 1;
        return withJson(
          d,
          setAt(
            json(d),
            p.at,
            Array.from({ length: 5000 }, () => first),
          ),
        );
      }),
  },
  {
    name: "body-not-json",
    applies: () => true,
    arb: (_op, d) =>
      fc
        .oneof(
          fc.constantFrom(...NOT_JSON),
          fc.constantFrom(20_000, 200_000).map((n) => `${"[".repeat(n)}${"]".repeat(n)}`),
        )
        .map((text) => ({ ...d, body: { raw: Buffer.from(text) }, contentType: "application/json" })),
  },
  {
    name: "body-empty-json",
    applies: () => true,
    arb: (_op, d) => fc.constant({ ...d, body: { raw: Buffer.alloc(0) }, contentType: "application/json" }),
  },
  {
    name: "body-wrong-content-type",
    applies: (_op, d) => hasJsonBody(d),
    arb: (_op, d) => fc.constantFrom(...CONTENT_TYPES).map((contentType) => ({ ...d, contentType })),
  },
  {
    name: "body-on-bodiless-route",
    applies: (op) => op.body === undefined && op.path !== "/api/import/{entity}",
    arb: (_op, d) => fc.constantFrom<unknown>({ a: 1 }, [1], "x").map((v) => withJson(d, v)),
  },
  {
    name: "header-if-match",
    applies: (op) => op.method === "PATCH",
    arb: (_op, d) =>
      fc
        .constantFrom('"abc"', "99999999999", 'W/"1"', "*", "1, 2", "\u00e9")
        .map((v) => ({ ...d, headers: { ...d.headers, "if-match": v } })),
  },
];
