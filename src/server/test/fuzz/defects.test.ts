import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorStatus } from "../../../shared/errors.ts";
import { buildApp } from "../../app.ts";
import type { Api } from "../../types.ts";
import { categoryIds, makePerson } from "../factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../test-app.ts";

/**
 * Issue 12's input-handling defects, one focused reproduction each, asserting what the API must
 * do once fixed (so each fails until its fix lands), plus two the contract fuzzer found. Every
 * refusal must be the one error shape with a code whose status is the answer's.
 */

type ErrorJson = { error: { code: string; message: string; details?: unknown } };

const personCount = async (t: TestApp) =>
  Number(
    (
      await t.ctx.db
        .selectFrom("persons")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The fields a validation refusal names. */
const fieldsOf = (body: ErrorJson) =>
  Array.isArray(body.error.details) ? (body.error.details as { field?: string }[]).map((d) => d.field) : [];

function expectOneErrorShape(status: number, body: unknown) {
  const error = (body as ErrorJson).error;
  expect(error, JSON.stringify(body)).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  expect(Object.keys(body as object)).toEqual(["error"]);
  expect(errorStatus[error.code as keyof typeof errorStatus], `code ${error.code} for status ${status}`).toBe(status);
}

/** A raw request to a listening server: the path goes out exactly as written (no URL normalisation). */
function rawRequest(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer,
): Promise<{ status: number; contentType: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers["content-type"] ?? ""),
          text: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("issue 12 defects", () => {
  let t: TestApp;
  let admin: TestUser;
  let cats: Awaited<ReturnType<typeof categoryIds>>;
  const asAdmin = (options: Parameters<TestApp["as"]>[1]) => t.as(admin, options);

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.user({ isAdmin: true });
    cats = await categoryIds(t.ctx);
  });
  afterAll(() => t.close());

  describe("defect 1: NUL in text (PostgreSQL answered 500, SQLite stored it)", () => {
    it("POST /api/persons with a NUL in the name is a 400 naming the field, on both databases, and stores nothing", async () => {
      const before = await personCount(t);
      const res = await asAdmin({
        method: "POST",
        url: "/api/persons",
        payload: { kind: "individual", name: "x\u0000y", categoryIds: [cats.Cliente] },
      });
      expect(res.statusCode, res.body).toBe(400);
      expectOneErrorShape(400, res.json());
      expect(fieldsOf(res.json())).toContain("name");
      expect(await personCount(t)).toBe(before);
    });

    it("an import with one NUL line rejects that line alone and imports the nine good ones", async () => {
      const lines = Array.from({ length: 10 }, (_, i) => ({
        externalId: `NUL-${i}`,
        kind: "individual",
        name: i === 4 ? "Maria\u0000Souza" : `Pessoa Importada ${i}`,
        categories: ["Cliente"],
      }));
      const res = await asAdmin({
        method: "POST",
        url: "/api/import/persons",
        payload: `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`,
        headers: { "content-type": "application/x-ndjson" },
      });
      expect(res.statusCode, res.body).toBe(200);
      const summary = res.json() as { inserted: number; rejected: { line: number; field: string }[] };
      expect(summary.inserted).toBe(9);
      expect(summary.rejected.map((r) => [r.line, r.field])).toEqual([[5, "name"]]);
    });
  });

  describe("defect 1, seen by the fuzzer beyond persons: NUL reaches PostgreSQL from every text field", () => {
    it("POST /api/auth/login with a NUL in the username is refused (400 or 401), never a 500", async () => {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "ana\u0000", password: "qualquer-senha" },
      });
      expect([400, 401], res.body).toContain(res.statusCode);
      expectOneErrorShape(res.statusCode, res.json());
    });

    it("POST /api/settings/sectors with a NUL in the name is a 400 naming the field", async () => {
      const res = await asAdmin({ method: "POST", url: "/api/settings/sectors", payload: { name: "Suporte\u0000" } });
      expect(res.statusCode, res.body).toBe(400);
      expect(fieldsOf(res.json())).toContain("name");
    });
  });

  describe("defect 2: broken CSV quoting (csv-parse's error answered 500)", () => {
    it("POST /api/import/persons with an opening quote inside a cell is a 400 naming the line, in pt-BR", async () => {
      const res = await asAdmin({
        method: "POST",
        url: "/api/import/persons",
        payload: 'externalId\nab"c"d\n',
        headers: { "content-type": "text/csv" },
      });
      expect(res.statusCode, res.body).toBe(400);
      expectOneErrorShape(400, res.json());
      const body = res.json() as ErrorJson & { error: { details: { line: number | null } } };
      expect(body.error.details.line).toBe(2);
      expect(body.error.message).not.toMatch(/quote|invalid|found/i);
      // The run's stored error speaks pt-BR too, like the others in Administração › Importações.
      const runs = await asAdmin({ method: "GET", url: "/api/import/runs?limit=1" });
      const [run] = (runs.json() as { items: { error: string | null }[] }).items;
      expect(run?.error ?? "").not.toMatch(/quote|invalid|found/i);
    });

    it("a JSON array sent as text/csv to /api/import/receivables is a 400 naming the line", async () => {
      const res = await asAdmin({
        method: "POST",
        url: "/api/import/receivables",
        payload: JSON.stringify([{ externalId: "R-1", personCode: 1, amountCents: 100 }]),
        headers: { "content-type": "text/csv" },
      });
      expect(res.statusCode, res.body).toBe(400);
      expectOneErrorShape(400, res.json());
      expect((res.json() as { error: { details: { line: number | null } } }).error.details.line).toBe(1);
    });
  });

  describe("defect 3: invalid UTF-8 stored silently as U+FFFD", () => {
    const createWithRawName = (nameBytes: Buffer) =>
      asAdmin({
        method: "POST",
        url: "/api/persons",
        payload: Buffer.concat([
          Buffer.from('{"kind":"individual","categoryIds":['),
          Buffer.from(String(cats.Cliente)),
          Buffer.from('],"name":"'),
          nameBytes,
          Buffer.from('"}'),
        ]),
        headers: { "content-type": "application/json" },
      });

    it("JSON bytes \\xff\\xfe in a name are a 400 naming the field, and nothing is stored", async () => {
      const before = await personCount(t);
      const res = await createWithRawName(Buffer.from([0x4a, 0x6f, 0xff, 0xfe, 0x73, 0xe9]));
      expect(res.statusCode, res.body).toBe(400);
      expectOneErrorShape(400, res.json());
      expect(fieldsOf(res.json())).toContain("name");
      expect(await personCount(t)).toBe(before);
    });

    it("a lone surrogate (\\ud800) in a name is a 400 naming the field", async () => {
      const res = await createWithRawName(Buffer.from("Jo\\ud800s"));
      expect(res.statusCode, res.body).toBe(400);
      expectOneErrorShape(400, res.json());
      expect(fieldsOf(res.json())).toContain("name");
    });

    it("the same request in valid UTF-8 is created (the two above fail on the bytes, not the body)", async () => {
      const res = await createWithRawName(Buffer.from("José Válido"));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ name: "José Válido" });
    });

    it("a Latin-1 CSV sent without charset never stores mojibake: it is read as Windows-1252 or its line is rejected", async () => {
      const header = "externalId,kind,name,categories\n";
      const utf8 = await asAdmin({
        method: "POST",
        url: "/api/import/persons",
        payload: Buffer.from(`${header}UTF-1,individual,José Latín,Cliente\n`, "utf8"),
        headers: { "content-type": "text/csv" },
      });
      expect(utf8.json(), "the UTF-8 twin imports as it is").toMatchObject({ inserted: 1, rejectedTotal: 0 });

      const res = await asAdmin({
        method: "POST",
        url: "/api/import/persons",
        payload: Buffer.from(`${header}LAT-1,individual,José Latín,Cliente\n`, "latin1"),
        headers: { "content-type": "text/csv" },
      });
      expect(res.statusCode, res.body).toBeLessThan(500);
      const stored = await t.ctx.db.selectFrom("persons").select("name").where("external_id", "=", "LAT-1").execute();
      if (stored.length) expect(stored.map((r) => r.name)).toEqual(["José Latín"]);
      else expect(res.statusCode === 400 || (res.json() as { rejectedTotal: number }).rejectedTotal === 1).toBe(true);
    });
  });

  describe("defect 4: error bodies outside the one shape (the framework's and the static server's own)", () => {
    let server: Api;
    let port = 0;

    beforeAll(async () => {
      // The production set-up: the web app served beside the API, on a real socket.
      server = await buildApp(t.ctx, { serveWeb: true });
      await server.listen({ port: 0, host: "127.0.0.1" });
      port = (server.server.address() as AddressInfo).port;
    });
    afterAll(() => server.close());

    it("a query string over 16 KB (Node's 431) answers the one error shape", async () => {
      const res = await rawRequest(port, "GET", `/api/persons?q=${"a".repeat(17_000)}`);
      expect(res.status).toBe(431);
      expect(res.contentType).toContain("application/json");
      expectOneErrorShape(res.status, JSON.parse(res.text));
    });

    it("--path-as-is /../../etc/passwd answers the one error shape, its code matching its status, and no file", async () => {
      // The static server is what answers here (403 with code bad_request today): it must be on.
      const home = await rawRequest(port, "GET", "/", { accept: "text/html" });
      expect(home.contentType, "the web app is built and served (npm run build)").toContain("text/html");
      const res = await rawRequest(port, "GET", "/../../etc/passwd");
      expect(res.text).not.toContain("root:");
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.contentType).toContain("application/json");
      expectOneErrorShape(res.status, JSON.parse(res.text));
    });

    it("the static server's other refusals (/%2e%2e/…, /assets/%00, a Range past the end) answer the one error shape", async () => {
      for (const [path, headers] of [
        ["/%2e%2e/%2e%2e/etc/passwd", {}],
        ["/assets/..%2f..%2fpackage.json", {}],
        ["/assets/%00", {}],
        ["/favicon.svg", { range: "bytes=99999999-" }],
      ] as const) {
        const res = await rawRequest(port, "GET", path, headers);
        expect(res.status, `${path}: ${res.text}`).toBeGreaterThanOrEqual(400);
        expect(res.text).not.toContain("root:");
        expect(res.contentType, path).toContain("application/json");
        expectOneErrorShape(res.status, JSON.parse(res.text));
      }
    });

    it("a path Fastify cannot decode (%ff) and a parameter over the router's length limit answer the one error shape", async () => {
      const badUrl = await rawRequest(port, "GET", "/api/persons/%ff", {});
      expectOneErrorShape(badUrl.status, JSON.parse(badUrl.text));
      const long = await rawRequest(port, "GET", `/api/tickets/${"1".repeat(150)}`, {});
      expectOneErrorShape(long.status, JSON.parse(long.text));
    });
  });

  describe("defect 5: integers in paths and queries take decimal digits only", () => {
    beforeAll(async () => {
      while ((await personCount(t)) < 16) await makePerson(t.ctx, { categoryIds: [cats.Cliente] });
    });

    it("GET /api/persons/16 is person 16 (the route works)", async () => {
      const res = await asAdmin({ method: "GET", url: "/api/persons/16" });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ code: 16 });
    });

    for (const code of ["0x10", "1e1", "+16", "16.0", "0b10000", "%2016"]) {
      it(`GET /api/persons/${code} is a 400, not a person`, async () => {
        const res = await asAdmin({ method: "GET", url: `/api/persons/${code}` });
        expect(res.statusCode, res.body).toBe(400);
        expectOneErrorShape(400, res.json());
      });
    }

    it("GET /api/persons?limit=0x10 is a 400 naming limit", async () => {
      const res = await asAdmin({ method: "GET", url: "/api/persons?limit=0x10" });
      expect(res.statusCode, res.body).toBe(400);
      expect(fieldsOf(res.json())).toContain("limit");
    });
  });

  describe("found by the contract fuzzer (not in the issue's list)", () => {
    it("an id past PostgreSQL's integer range (2147483648) is a 404 or a 400, never a 500", async () => {
      for (const url of [
        "/api/tickets/2147483648",
        "/api/appointments/2147483648",
        "/api/receivables/9007199254740991",
      ]) {
        const res = await asAdmin({ method: "GET", url });
        expect([400, 404], `${url}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
        expectOneErrorShape(res.statusCode, res.json());
      }
    });

    it("a refused login (wrong password) leaves the session it was sent with alive", async () => {
      const user = await t.user();
      const res = await t.as(user, {
        method: "POST",
        url: "/api/auth/login",
        payload: { username: user.username, password: "senha-errada" },
      });
      expect(res.statusCode).toBe(401);
      const me = await t.as(user, { method: "GET", url: "/api/me" });
      expect(me.statusCode, "the session survives a refused login").toBe(200);
    });
  });
});
