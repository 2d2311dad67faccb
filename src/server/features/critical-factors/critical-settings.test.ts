import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { type TicketRefs, ticketRefs } from "../../test/tickets.ts";

describe("settings: critical factors", () => {
  let t: TestApp;
  let admin: TestUser;
  let clerk: TestUser;
  let refs: TicketRefs;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.user({ isAdmin: true });
    clerk = await userWithGrants(t, []);
    refs = await ticketRefs(t.ctx);
  });
  afterAll(() => t.close());

  const read = async (user: TestUser = admin) => {
    const res = await t.as(user, { method: "GET", url: "/api/settings/critical-factors" });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const patch = (payload: Record<string, unknown>, user: TestUser = admin) =>
    t.as(user, { method: "PATCH", url: "/api/settings/critical-factors", payload });
  const stored = () =>
    t.ctx.db.selectFrom("critical_factor_settings").selectAll().where("id", "=", 1).executeTakeFirstOrThrow();

  it("starts with N = 5 and M = 2, every type counting, in São Paulo time; every user reads it", async () => {
    expect(await read(clerk)).toMatchObject({
      thresholdDays: 5,
      warnDays: 2,
      includeTypeIds: [],
      excludeTypeIds: [],
      timeZone: "America/Sao_Paulo",
      version: 1,
    });
  });

  it("lets an administrator change N, M and the lists, with the version", async () => {
    const { version } = await read();
    const include = [refs.types["Suporte técnico"], refs.types.Reclamação] as number[];
    const exclude = [refs.types.Melhoria] as number[];
    const res = await patch({
      thresholdDays: 10,
      warnDays: 3,
      includeTypeIds: include,
      excludeTypeIds: exclude,
      version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      thresholdDays: 10,
      warnDays: 3,
      includeTypeIds: [...include].sort((a, b) => a - b),
      excludeTypeIds: exclude,
      version: version + 1,
    });
    // A later save of one field keeps the others; the stale version answers 412.
    const again = await patch({ warnDays: 1, version: version + 1 });
    expect(again.json()).toMatchObject({ thresholdDays: 10, warnDays: 1, version: version + 2 });
    const stale = await patch({ warnDays: 4, version });
    expect(stale.statusCode).toBe(412);
    expect((await stored()).warn_days).toBe(1);
    const reset = await patch({
      thresholdDays: 5,
      warnDays: 2,
      includeTypeIds: [],
      excludeTypeIds: [],
      version: version + 2,
    });
    expect(reset.statusCode, reset.body).toBe(200);
  });

  it("is for administrators only", async () => {
    const { version } = await read();
    const res = await patch({ thresholdDays: 9, version }, clerk);
    expect(res.statusCode).toBe(403);
    expect((await stored()).threshold_days).toBe(5);
  });

  it("refuses bad input with a 400 naming the field, and changes nothing", async () => {
    const before = await stored();
    const { version } = await read();
    const support = refs.types["Suporte técnico"] as number;
    const cases: [Record<string, unknown>, string][] = [
      [{ thresholdDays: -1 }, "thresholdDays"],
      [{ thresholdDays: 366 }, "thresholdDays"],
      [{ thresholdDays: 2.5 }, "thresholdDays"],
      [{ thresholdDays: "5" }, "thresholdDays"],
      [{ warnDays: -3 }, "warnDays"],
      [{ warnDays: 100000 }, "warnDays"],
      [{ includeTypeIds: [999999] }, "includeTypeIds"],
      [{ excludeTypeIds: [support, 424242] }, "excludeTypeIds"],
      [{ includeTypeIds: "1" }, "includeTypeIds"],
      [{ includeTypeIds: [support], excludeTypeIds: [support] }, "excludeTypeIds"],
      [{}, "informe ao menos um campo"],
    ];
    for (const [body, field] of cases) {
      const res = await patch({ ...body, version });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.message, JSON.stringify(body)).toContain(field);
    }
    expect(await stored()).toEqual(before);
    // A type already excluded cannot be included (the list changed is the one named).
    expect((await patch({ excludeTypeIds: [support], version })).statusCode).toBe(200);
    const afterExclude = await stored();
    const clash = await patch({ includeTypeIds: [support], version: version + 1 });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().error.details).toEqual([
      {
        field: "includeTypeIds",
        reason: "type_in_both_lists",
        message: expect.stringContaining("duas"),
        params: { ids: String(support) },
      },
    ]);
    expect(await stored()).toEqual(afterExclude);
  });
});
