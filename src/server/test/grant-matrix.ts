import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { type Grant, type Level, TABS, type Tab } from "../../shared/access.schemas.ts";
import type { Person } from "../../shared/persons.schemas.ts";
import { type DefaultCategory, makePerson, userWithGrants } from "./factories.ts";
import { APPOINTMENT_OUTSIDE_MATRIX, APPOINTMENT_ROWS } from "./grant-matrix-appointments.ts";
import { ATTACHMENT_ROWS } from "./grant-matrix-attachments.ts";
import { AUDIT_ROWS } from "./grant-matrix-audit.ts";
import { FINANCE_ROWS } from "./grant-matrix-finance.ts";
import { IMPORT_ROWS } from "./grant-matrix-imports.ts";
import { LIVE_ROWS } from "./grant-matrix-live.ts";
import { MAIL_ROWS } from "./grant-matrix-mail.ts";
import { QUEUE_ROWS } from "./grant-matrix-queues.ts";
import { TICKET_ROWS } from "./grant-matrix-tickets.ts";
import { WATCHERS_ROWS } from "./grant-matrix-watchers.ts";
import { WEBHOOK_ROWS } from "./grant-matrix-webhooks.ts";
import { TEST_ORIGIN, type TestApp, type TestUser } from "./test-app.ts";
import { type TicketRefs, ticketRefs } from "./tickets.ts";

/**
 * The grant matrix: every endpoint of the person screen (and of administration) against every
 * access situation, with the answer the access rules of DESIGN.md demand. The runner is
 * `features/access/grant-matrix.test.ts`; a new feature (tickets, receivables, …) only adds rows
 * to `MATRIX` below — the expectation is derived from the row's `need`, never written by hand.
 *
 * Rules encoded by `expectedOutcome`:
 * - anonymous → 401, always;
 * - a person the user cannot see (no grant on any of its categories) → 404, and absent from lists;
 * - visible, but no grant for the tab, or a read grant for a write → 403;
 * - a ticket (by id, or in "Meus atendimentos") exists for a user only with a grant on its area's
 *   tab (Atendimentos for service, Produção for production): without one → 404, never 403, so a
 *   production ticket does not leak to someone who only has Atendimentos (the sisterTabWrite
 *   situation proves it); a read grant asking to write → 403;
 * - person header: read = visible; write = a write grant (any tab) on one of its categories;
 * - creating a person: a write grant (any tab) on each chosen category, else 403;
 * - administration → 403 for everyone but administrators; settings lists → any logged-in user;
 * - administrators may do everything.
 */

/** What an endpoint needs, in the terms of the access rules. */
export type Need =
  /** A tab of the person screen, at a level. */
  | { kind: "tab"; tab: Tab; level: Level }
  /** A ticket addressed by id (or listed across persons): the grant of its area's tab, at a level. */
  | { kind: "ticket"; tab: "tickets" | "production"; level: Level }
  /** The person itself: read = the person is visible; write = write on one of its categories. */
  | { kind: "person"; level: Level }
  /** Creating a person in the fixture's category. */
  | { kind: "create-person" }
  /** Administrators only. */
  | { kind: "admin" }
  /** Any logged-in user (settings read by the person screen). */
  | { kind: "settings-read" };

/** Who asks. Grants are on the fixture's category (`categoryId`) unless the name says otherwise. */
export const SITUATIONS = [
  "anonymous",
  /** A user with no grant at all. */
  "noGrant",
  /** Write on every tab, but of another category only. */
  "otherCategory",
  /** Read on the person's category, for a tab other than the one the endpoint needs. */
  "otherTabRead",
  /**
   * Write on the person's category, for the endpoint's sister tab (Atendimentos ↔ Produção;
   * Atendimentos for every other tab): one tab's grant never opens the other.
   */
  "sisterTabWrite",
  /** Read on the person's category, for the endpoint's tab. */
  "rightTabRead",
  /** Write on the person's category, for the endpoint's tab. */
  "rightTabWrite",
  "admin",
] as const;
export type Situation = (typeof SITUATIONS)[number];

/**
 * The class of answer expected: a status class, or for a `listed` endpoint (a search that
 * answers 200 either way) "2xx" = 200 and listed, "404" = 200 and not listed.
 */
export type Outcome = "2xx" | "401" | "403" | "404";

export function expectedOutcome(need: Need, situation: Situation): Outcome {
  if (situation === "anonymous") return "401";
  if (situation === "admin") return "2xx";
  const writesCategory = situation === "rightTabWrite" || situation === "sisterTabWrite";
  switch (need.kind) {
    case "settings-read":
      return "2xx";
    case "admin":
      return "403";
    case "create-person":
      return writesCategory ? "2xx" : "403";
    case "ticket":
      if (situation !== "rightTabRead" && situation !== "rightTabWrite") return "404";
      return need.level === "write" && situation === "rightTabRead" ? "403" : "2xx";
    case "person":
    case "tab": {
      const visible =
        situation === "otherTabRead" ||
        situation === "sisterTabWrite" ||
        situation === "rightTabRead" ||
        situation === "rightTabWrite";
      if (!visible) return "404";
      if (need.kind === "person") return need.level === "read" || writesCategory ? "2xx" : "403";
      if (situation === "otherTabRead" || situation === "sisterTabWrite") return "403";
      if (need.level === "write" && situation === "rightTabRead") return "403";
      return "2xx";
    }
  }
}

/** Shared by every case of a run; built once by `buildMatrixFixture`. */
export type MatrixFixture = {
  t: TestApp;
  admin: TestUser;
  cats: Record<DefaultCategory, number>;
  /** The category of every person under test. */
  categoryId: number;
  /** The category of the "otherCategory" situation; no person under test has it. */
  otherCategoryId: number;
  /** A person in `categoryId`, for the cases that do not change it; its name is unique (see `sharedName`). */
  person: Person;
  sharedName: string;
  /** A new person in `categoryId`. */
  newPerson: (name?: string) => Promise<Person>;
  /** A request as the administrator that must succeed; answers the JSON body. For preparing cases. */
  adminCall: (options: InjectOptions) => Promise<Record<string, unknown>>;
  /** A short string unique in the run, for names that must not collide. */
  unique: () => string;
  /** Default ticket types, sectors and products. */
  ticketRefs: TicketRefs;
};

/**
 * What one case works on: the person, and the record under test when the URL names one (by id,
 * or by `key` for a file, or a draft the body attaches).
 */
export type CaseRecord = { person: Person; id?: number; version?: number; other?: Person; key?: string };

export type MatrixEndpoint = {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** The route as OpenAPI spells it ("/api/persons/{code}/addresses"): the test name and the coverage key. */
  path: string;
  /** Tells apart rows of one route (e.g. the ticket area), in the test name. */
  label?: string;
  need: Need;
  /**
   * Creates what one case needs; default: the shared person. An endpoint that changes or removes a
   * record creates a fresh one here, so each case meets the state it expects. `caller` is the
   * user of the situation (null when anonymous), for records that must belong to them.
   */
  setup?: (f: MatrixFixture, caller: TestUser | null) => Promise<CaseRecord>;
  url: (r: CaseRecord, f: MatrixFixture) => string;
  /** A valid body: the answer then depends on access only. */
  body?: (r: CaseRecord, f: MatrixFixture) => object;
  /** Headers the body needs (a multipart upload's content type and boundary). */
  headers?: Record<string, string>;
  /** For a listing that answers 200 either way: whether the case's person is in the answer. */
  listed?: (res: LightMyRequestResponse, r: CaseRecord) => boolean;
  /** An answer that never ends (Server-Sent Events): the runner keeps its head and first message only. */
  stream?: boolean;
};

// ——— rows ———

const address = (over: Record<string, unknown> = {}) => ({
  type: "delivery",
  zip: "20040-020",
  street: "Av. Rio Branco",
  number: "156",
  district: "Centro",
  city: "Rio de Janeiro",
  state: "RJ",
  ...over,
});

/** A fresh address of the shared person, made by the administrator. */
async function freshAddress(f: MatrixFixture): Promise<CaseRecord> {
  const created = await f.adminCall({
    method: "POST",
    url: `/api/persons/${f.person.code}/addresses`,
    payload: address(),
  });
  return { person: f.person, id: created.id as number, version: created.version as number };
}

async function relationshipTypeId(f: MatrixFixture, name = "Contato"): Promise<number> {
  const row = await f.t.ctx.db
    .selectFrom("relationship_types")
    .select("id")
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
  return row.id;
}

const items = (res: LightMyRequestResponse): { code: number }[] => res.json().items ?? [];

export const PERSON_ROWS: MatrixEndpoint[] = [
  {
    method: "GET",
    path: "/api/persons",
    need: { kind: "person", level: "read" },
    url: (_r, f) => `/api/persons?q=${encodeURIComponent(f.sharedName)}`,
    listed: (res, r) => items(res).some((i) => i.code === r.person.code),
  },
  {
    method: "POST",
    path: "/api/persons",
    need: { kind: "create-person" },
    url: () => "/api/persons",
    body: (_r, f) => ({ kind: "individual", name: `Nova Pessoa ${f.unique()}`, categoryIds: [f.categoryId] }),
  },
  {
    method: "GET",
    path: "/api/persons/{code}",
    need: { kind: "person", level: "read" },
    url: (r) => `/api/persons/${r.person.code}`,
  },
  {
    method: "PATCH",
    path: "/api/persons/{code}",
    need: { kind: "person", level: "write" },
    setup: async (f) => ({ person: await f.newPerson() }),
    url: (r) => `/api/persons/${r.person.code}`,
    body: (r) => ({ shortName: "Apelido", version: r.person.version }),
  },
  {
    method: "GET",
    path: "/api/persons/{code}/tabs",
    need: { kind: "person", level: "read" },
    url: (r, f) => `/api/persons/${r.person.code}/tabs?category=${f.categoryId}`,
  },
];

export const ADDRESS_ROWS: MatrixEndpoint[] = [
  {
    method: "GET",
    path: "/api/persons/{code}/addresses",
    need: { kind: "tab", tab: "addresses", level: "read" },
    url: (r) => `/api/persons/${r.person.code}/addresses`,
  },
  {
    method: "POST",
    path: "/api/persons/{code}/addresses",
    need: { kind: "tab", tab: "addresses", level: "write" },
    url: (r) => `/api/persons/${r.person.code}/addresses`,
    body: () => address({ type: "other" }),
  },
  {
    method: "PATCH",
    path: "/api/addresses/{id}",
    need: { kind: "tab", tab: "addresses", level: "write" },
    setup: freshAddress,
    url: (r) => `/api/addresses/${r.id}`,
    body: (r) => ({ number: "S/N", version: r.version }),
  },
  {
    method: "DELETE",
    path: "/api/addresses/{id}",
    need: { kind: "tab", tab: "addresses", level: "write" },
    setup: freshAddress,
    url: (r) => `/api/addresses/${r.id}`,
  },
];

export const RELATED_ROWS: MatrixEndpoint[] = [
  {
    method: "GET",
    path: "/api/persons/{code}/related",
    need: { kind: "tab", tab: "related", level: "read" },
    url: (r) => `/api/persons/${r.person.code}/related`,
  },
  {
    method: "POST",
    path: "/api/persons/{code}/related",
    need: { kind: "tab", tab: "related", level: "write" },
    // The other person is in the same category: the user who may write sees it too.
    setup: async (f) => ({ person: f.person, other: await f.newPerson(), id: await relationshipTypeId(f) }),
    url: (r) => `/api/persons/${r.person.code}/related`,
    body: (r) => ({ relatedCode: r.other?.code, typeId: r.id }),
  },
  {
    method: "DELETE",
    path: "/api/persons/{code}/related/{linkId}",
    need: { kind: "tab", tab: "related", level: "write" },
    setup: async (f) => {
      const other = await f.newPerson();
      const link = await f.adminCall({
        method: "POST",
        url: `/api/persons/${f.person.code}/related`,
        payload: { relatedCode: other.code, typeId: await relationshipTypeId(f) },
      });
      return { person: f.person, other, id: link.id as number };
    },
    url: (r) => `/api/persons/${r.person.code}/related/${r.id}`,
  },
];

const admin: Need = { kind: "admin" };

/** A fresh record made through an administrator's POST, for a case that changes or removes it. */
const created =
  (url: string, payload: (f: MatrixFixture) => object) =>
  async (f: MatrixFixture): Promise<CaseRecord> => {
    const body = await f.adminCall({ method: "POST", url, payload: payload(f) });
    return { person: f.person, id: body.id as number, version: (body.version as number | undefined) ?? 1 };
  };

const newUserBody = (f: MatrixFixture) => {
  const u = f.unique();
  return { username: `matriz${u}`, name: `Matriz ${u}`, email: `matriz${u}@example.com`, password: "senha-da-matriz" };
};

export const ADMIN_ROWS: MatrixEndpoint[] = [
  { method: "GET", path: "/api/users", need: admin, url: () => "/api/users" },
  { method: "POST", path: "/api/users", need: admin, url: () => "/api/users", body: (_r, f) => newUserBody(f) },
  {
    method: "PATCH",
    path: "/api/users/{id}",
    need: admin,
    setup: created("/api/users", newUserBody),
    url: (r) => `/api/users/${r.id}`,
    body: (r) => ({ name: "Nome Trocado", version: r.version }),
  },
  {
    method: "POST",
    path: "/api/users/{id}/password",
    need: admin,
    setup: created("/api/users", newUserBody),
    url: (r) => `/api/users/${r.id}/password`,
    body: () => ({ password: "outra-senha-boa" }),
  },
  { method: "GET", path: "/api/tokens", need: admin, url: () => "/api/tokens" },
  {
    method: "POST",
    path: "/api/tokens",
    need: admin,
    url: () => "/api/tokens",
    body: (_r, f) => ({ userId: f.admin.id, name: `token ${f.unique()}` }),
  },
  {
    method: "DELETE",
    path: "/api/tokens/{id}",
    need: admin,
    setup: created("/api/tokens", (f) => ({ userId: f.admin.id, name: `token ${f.unique()}` })),
    url: (r) => `/api/tokens/${r.id}`,
  },
  { method: "GET", path: "/api/access-profiles", need: admin, url: () => "/api/access-profiles" },
  {
    method: "POST",
    path: "/api/access-profiles",
    need: admin,
    url: () => "/api/access-profiles",
    body: (_r, f) => ({
      name: `Perfil ${f.unique()}`,
      grants: [{ categoryId: f.categoryId, tab: "tickets", level: "read" }],
    }),
  },
  {
    method: "PATCH",
    path: "/api/access-profiles/{id}",
    need: admin,
    setup: created("/api/access-profiles", (f) => ({ name: `Perfil ${f.unique()}` })),
    url: (r) => `/api/access-profiles/${r.id}`,
    body: (r, f) => ({ grants: [{ categoryId: f.categoryId, tab: "contracts", level: "write" }], version: r.version }),
  },
  {
    method: "DELETE",
    path: "/api/access-profiles/{id}",
    need: admin,
    setup: created("/api/access-profiles", (f) => ({ name: `Perfil ${f.unique()}` })),
    url: (r) => `/api/access-profiles/${r.id}`,
  },
];

/** GET (any user), POST and PATCH (administrators) of one settings list. */
function settingsRows(path: string, body: (f: MatrixFixture) => Record<string, unknown>): MatrixEndpoint[] {
  return [
    {
      method: "GET",
      path: `/api/settings/${path}`,
      need: { kind: "settings-read" },
      url: () => `/api/settings/${path}`,
    },
    {
      method: "POST",
      path: `/api/settings/${path}`,
      need: admin,
      url: () => `/api/settings/${path}`,
      body: (_r, f) => body(f),
    },
    {
      method: "PATCH",
      path: `/api/settings/${path}/{id}`,
      need: admin,
      setup: created(`/api/settings/${path}`, body),
      url: (r) => `/api/settings/${path}/${r.id}`,
      body: (r, f) => ({ name: `Renomeado ${f.unique()}`, version: r.version }),
    },
  ];
}

export const SETTINGS_ROWS: MatrixEndpoint[] = [
  ...settingsRows("categories", (f) => ({ name: `Categoria ${f.unique()}`, role: "other" })),
  ...settingsRows("characteristics", (f) => ({ name: `Característica ${f.unique()}`, color: "#336699" })),
  ...settingsRows("relationship-types", (f) => ({ name: `Vínculo ${f.unique()}`, inverseName: "Inverso" })),
];

export const TICKET_SETTINGS_ROWS: MatrixEndpoint[] = [
  ...settingsRows("ticket-types", (f) => ({ name: `Tipo ${f.unique()}`, area: "service", daysToDue: 3 })),
  ...settingsRows("sectors", (f) => ({ name: `Setor ${f.unique()}` })),
  ...settingsRows("products", (f) => ({ name: `Produto ${f.unique()}` })),
];

/** Every row; a new feature appends its own list here. */
export const MATRIX: MatrixEndpoint[] = [
  ...PERSON_ROWS,
  ...ADDRESS_ROWS,
  ...RELATED_ROWS,
  ...ADMIN_ROWS,
  ...SETTINGS_ROWS,
  ...TICKET_SETTINGS_ROWS,
  ...TICKET_ROWS,
  ...APPOINTMENT_ROWS,
  ...MAIL_ROWS,
  ...FINANCE_ROWS,
  ...IMPORT_ROWS,
  ...WATCHERS_ROWS,
  ...AUDIT_ROWS,
  ...QUEUE_ROWS,
  ...ATTACHMENT_ROWS,
  ...LIVE_ROWS,
  ...WEBHOOK_ROWS,
];

/** Documented routes that are outside the matrix on purpose, with the reason. */
export const OUTSIDE_MATRIX: Record<string, string> = {
  "POST /api/auth/login": "open to anyone: it is how one logs in",
  "POST /api/auth/logout": "open to anyone: ends whatever session the cookie names",
  "GET /api/health": "open to anyone: load balancers and monitors probe it",
  "GET /api/me": "any logged-in user, about themselves (users-profiles.test.ts)",
  ...APPOINTMENT_OUTSIDE_MATRIX,
};

// ——— fixture and the users of each situation ———

export async function buildMatrixFixture(t: TestApp, cats: Record<DefaultCategory, number>): Promise<MatrixFixture> {
  let n = 0;
  const unique = () => {
    n += 1;
    return `${Date.now().toString(36)}${n}`;
  };
  const admin = await t.user({ isAdmin: true });
  const categoryId = cats.Cliente;
  const adminCall = async (options: InjectOptions) => {
    const res = await t.as(admin, options);
    if (res.statusCode < 200 || res.statusCode > 299) {
      throw new Error(`matrix setup ${options.method} ${options.url}: ${res.statusCode} ${res.body}`);
    }
    return res.json() as Record<string, unknown>;
  };
  const sharedName = "Quiteria Matricial";
  const person = await makePerson(t.ctx, { categoryIds: [categoryId], name: sharedName });
  return {
    t,
    admin,
    cats,
    categoryId,
    otherCategoryId: cats.Fornecedor,
    person,
    sharedName,
    newPerson: (name) => makePerson(t.ctx, { categoryIds: [categoryId], name: name ?? `Pessoa da Matriz ${unique()}` }),
    adminCall,
    unique,
    ticketRefs: await ticketRefs(t.ctx),
  };
}

/** The tab whose grant a row is about: its own, or any tab (Addresses) for the person and the rest. */
const rowTab = (need: Need): Tab => (need.kind === "tab" || need.kind === "ticket" ? need.tab : "addresses");

/** Atendimentos and Produção are each other's sister; every other tab's sister is Atendimentos. */
export const sisterTab = (tab: Tab): Tab => (tab === "tickets" ? "production" : "tickets");

function grantsFor(f: MatrixFixture, situation: Situation, tab: Tab): Grant[] {
  const other = TABS.find((x) => x !== tab) as Tab;
  switch (situation) {
    case "otherCategory":
      return TABS.map((x) => ({ categoryId: f.otherCategoryId, tab: x, level: "write" as const }));
    case "otherTabRead":
      return [{ categoryId: f.categoryId, tab: other, level: "read" }];
    case "sisterTabWrite":
      return [{ categoryId: f.categoryId, tab: sisterTab(tab), level: "write" }];
    case "rightTabRead":
      return [{ categoryId: f.categoryId, tab, level: "read" }];
    case "rightTabWrite":
      return [{ categoryId: f.categoryId, tab, level: "write" }];
    default:
      return [];
  }
}

/**
 * Makes the requests of one situation, creating (once) the user it needs; `userFor` answers that
 * user (null when anonymous), for a setup that must make a record theirs.
 */
/** The head and the first message of an answer that may never end, as a plain response. */
async function firstOfStream(res: LightMyRequestResponse): Promise<LightMyRequestResponse> {
  const stream = res.stream();
  let body = "";
  for await (const chunk of stream) {
    body += String(chunk);
    if (body.includes("\n\n")) break;
  }
  stream.destroy();
  const plain = { statusCode: res.statusCode, headers: res.headers, body, payload: body, json: () => JSON.parse(body) };
  return plain as unknown as LightMyRequestResponse;
}

export function matrixCaller(f: MatrixFixture) {
  const users = new Map<string, Promise<TestUser>>();
  const userFor = (situation: Situation, need: Need): Promise<TestUser> | null => {
    if (situation === "anonymous") return null;
    if (situation === "admin") return Promise.resolve(f.admin);
    const tab = rowTab(need);
    const key = situation === "noGrant" || situation === "otherCategory" ? situation : `${situation}:${tab}`;
    let user = users.get(key);
    if (!user) {
      user = userWithGrants(f.t, grantsFor(f, situation, tab));
      users.set(key, user);
    }
    return user;
  };
  const send = async (situation: Situation, row: MatrixEndpoint, options: InjectOptions) => {
    const user = userFor(situation, row.need);
    const headers = { ...row.headers, ...options.headers };
    if (!user) return f.t.app.inject({ ...options, headers: { origin: TEST_ORIGIN, ...headers } });
    return f.t.as(await user, { ...options, headers });
  };
  const call = async (situation: Situation, row: MatrixEndpoint, options: InjectOptions) =>
    row.stream
      ? firstOfStream(await send(situation, row, { ...options, payloadAsStream: true }))
      : send(situation, row, options);
  return Object.assign(call, {
    userFor: async (situation: Situation, row: MatrixEndpoint) => (await userFor(situation, row.need)) ?? null,
  });
}
