import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectationFor } from "../../test/audit-matrix.ts";
import { categoryIds } from "../../test/factories.ts";
import {
  buildMatrixFixture,
  expectedOutcome,
  MATRIX,
  type MatrixEndpoint,
  type MatrixFixture,
  matrixCaller,
  SITUATIONS,
} from "../../test/grant-matrix.ts";
import { buildTestApp, type TestApp } from "../../test/test-app.ts";

/**
 * Every write endpoint of the grant matrix, through the API as an administrator: exactly the
 * documented audit rows (actor, address, entity, person, the fields changed) and domain events;
 * and the same endpoint refused (no grant, or a read grant) writes neither. Expectations:
 * src/server/test/audit-matrix.ts.
 */
const WRITES = MATRIX.filter((row) => row.method !== "GET");

describe("the journal of every write endpoint", () => {
  let t: TestApp;
  let f: MatrixFixture;
  let call: ReturnType<typeof matrixCaller>;
  beforeAll(async () => {
    t = await buildTestApp();
    f = await buildMatrixFixture(t, await categoryIds(t.ctx));
    call = matrixCaller(f);
  });
  afterAll(() => t.close());

  const lastIds = async () => {
    const a = await t.ctx.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.max("id").as("id"))
      .executeTakeFirst();
    const e = await t.ctx.db
      .selectFrom("domain_events")
      .select((eb) => eb.fn.max("id").as("id"))
      .executeTakeFirst();
    return { audit: Number(a?.id ?? 0), event: Number(e?.id ?? 0) };
  };
  const since = async (from: { audit: number; event: number }) => ({
    audits: await t.ctx.db.selectFrom("audit_log").selectAll().where("id", ">", from.audit).orderBy("id").execute(),
    events: await t.ctx.db.selectFrom("domain_events").selectAll().where("id", ">", from.event).orderBy("id").execute(),
  });

  const name = (row: MatrixEndpoint) => `${row.method} ${row.path}${row.label ? ` [${row.label}]` : ""}`;

  it("has an expectation for every write endpoint of the matrix", () => {
    const missing = [...new Set(WRITES.filter((row) => !expectationFor(row)).map(name))];
    expect(missing, "add what it journals to src/server/test/audit-matrix.ts").toEqual([]);
  });

  for (const row of WRITES) {
    const expected = expectationFor(row);
    if (!expected) continue;

    it(`${name(row)} → ${expected.count ?? 1} × ${expected.entity} ${expected.action}`, async () => {
      const record = row.setup ? await row.setup(f, f.admin) : { person: f.person };
      await expected.prepare?.(f, record);
      const body = (expected.body ?? row.body)?.(record, f);
      const before = await lastIds();
      const res = await t.as(f.admin, {
        method: row.method,
        url: row.url(record, f),
        ...(row.headers ? { headers: row.headers } : {}),
        ...(body === undefined ? {} : { payload: body }),
      });
      const why = `${row.method} ${row.url(record, f)}: ${res.statusCode} ${res.body.slice(0, 300)}`;
      expect(res.statusCode, why).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, why).toBeLessThan(300);

      const { audits, events } = await since(before);
      expect(audits.length, `${why}\n${JSON.stringify(audits)}`).toBe(expected.count ?? 1);
      const audit = audits[0];
      if (!audit) return;
      expect(audit).toMatchObject({
        entity: expected.entity,
        action: expected.action,
        actor_kind: expected.actor ?? "user",
        user_id: f.admin.id,
        token_id: null,
        ip: "127.0.0.1",
        user_agent: "lightMyRequest",
      });
      expect(audit.hash).toMatch(/^[0-9a-f]{64}$/);
      const changes = JSON.parse(audit.changes) as Record<string, [unknown, unknown]>;
      for (const field of expected.fields ?? []) expect(Object.keys(changes), why).toContain(field);
      if (expected.person === "none") expect(audit.person_code).toBeNull();
      if (expected.person === "case") expect(audit.person_code).toBe(record.person.code);
      if (expected.person === "new") expect(audit.person_code).toBe(res.json().code);
      // Nothing secret in the row: not the token, the password or the feed's URL the answer carried.
      const answer = (res.body ? res.json() : {}) as { token?: unknown; url?: unknown; runId?: unknown };
      if (expected.actor === "import") expect(audit.import_run_id).toBe(answer.runId);
      for (const secret of [answer.token, answer.url, (body as { password?: string })?.password]) {
        if (typeof secret === "string") expect(JSON.stringify(audit)).not.toContain(secret);
      }

      expect(
        events.map((e) => e.type),
        why,
      ).toEqual(expected.events);
      for (const e of events) {
        expect(e.actor_user_id).toBe(f.admin.id);
        expect(e.actor_kind).toBe(expected.actor ?? "user");
        expect(Object.values(JSON.parse(e.refs) as Record<string, unknown>).every(Number.isInteger)).toBe(true);
      }
      const first = events[0];
      if (first && expected.person !== "none") {
        expect(first.person_code).toBe(audit.person_code);
        if (row.label) expect(first.area).toBe(row.label === "production" ? "production" : "tickets");
      }
    });

    // A user the endpoint refuses (read-only or no grant; for administration, a user): nothing written.
    const refused = (["rightTabRead", "noGrant", "anonymous"] as const).find(
      (s) => SITUATIONS.includes(s) && expectedOutcome(row.need, s) !== "2xx",
    );
    if (!refused) continue;
    it(`${name(row)} refused (${refused}) journals nothing`, async () => {
      const caller = await call.userFor(refused, row);
      const record = row.setup ? await row.setup(f, caller) : { person: f.person };
      const body = (expected.body ?? row.body)?.(record, f);
      const before = await lastIds();
      const res = await call(refused, row, {
        method: row.method,
        url: row.url(record, f),
        ...(body === undefined ? {} : { payload: body }),
      });
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      const { audits, events } = await since(before);
      expect(audits, res.body).toEqual([]);
      expect(events, res.body).toEqual([]);
    });
  }
});
