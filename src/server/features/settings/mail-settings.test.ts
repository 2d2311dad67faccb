import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { getCompanySettings } from "./company.service.ts";
import { mailRoute } from "./smtp.service.ts";

/** Configurador › Empresa and › E-mail (SMTP). */
describe("settings: company and SMTP", () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await buildTestApp({ config: { smtpUrl: "smtp://relay.example:2525" } });
    admin = await t.user({ isAdmin: true });
  });
  afterAll(() => t.close());

  const get = (url: string) => t.as(admin, { method: "GET", url });
  const patch = (url: string, payload: object) => t.as(admin, { method: "PATCH", url, payload });
  const fields = (res: { json: () => { error: { details: { field: string }[] } } }) =>
    res.json().error.details.map((d) => d.field);

  it("company: defaults, a valid change, the canonical time zone, 412 on a stale version", async () => {
    const initial = await get("/api/settings/company");
    expect(initial.json()).toMatchObject({
      name: "Vínculo",
      timeZone: "America/Sao_Paulo",
      mailFrom: "vinculo@localhost",
    });
    const changed = await patch("/api/settings/company", {
      name: "Comércio São João Ltda",
      timeZone: "america/manaus",
      mailFrom: "atendimento@saojoao.example",
      version: initial.json().version,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ timeZone: "America/Manaus", version: initial.json().version + 1 });
    expect(await getCompanySettings(t.ctx.db)).toEqual({
      name: "Comércio São João Ltda",
      timeZone: "America/Manaus",
      mailFrom: "atendimento@saojoao.example",
    });
    const stale = await patch("/api/settings/company", { name: "Outra", version: initial.json().version });
    expect(stale.statusCode).toBe(412);
  });

  it("company: bad time zone, bad sender or empty name → 400 naming the field, nothing changed", async () => {
    const current = (await get("/api/settings/company")).json();
    for (const [payload, field] of [
      [{ timeZone: "America/Nowhere" }, "timeZone"],
      [{ timeZone: "-03:00" }, "timeZone"],
      [{ mailFrom: "sem-arroba" }, "mailFrom"],
      [{ name: "  " }, "name"],
    ] as const) {
      const res = await patch("/api/settings/company", { ...payload, version: current.version });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fields(res)).toEqual([field]);
    }
    expect((await get("/api/settings/company")).json()).toEqual(current);
  });

  it("smtp: the password is write-only; env is the fallback until the settings are enabled", async () => {
    const initial = await get("/api/settings/smtp");
    expect(initial.json()).toMatchObject({ host: null, enabled: false, hasPassword: false, delivery: "env" });
    expect(await mailRoute(t.ctx)).toEqual({ kind: "env", url: "smtp://relay.example:2525" });

    const set = await patch("/api/settings/smtp", {
      host: "smtp.saojoao.example",
      port: 465,
      secure: true,
      username: "crm",
      password: "s3nh@-smtp",
      enabled: true,
      version: initial.json().version,
    });
    expect(set.statusCode).toBe(200);
    expect(set.body).not.toContain("s3nh@-smtp");
    expect(set.json()).toMatchObject({ host: "smtp.saojoao.example", hasPassword: true, delivery: "settings" });
    expect(await mailRoute(t.ctx)).toEqual({
      kind: "settings",
      host: "smtp.saojoao.example",
      port: 465,
      secure: true,
      auth: { user: "crm", pass: "s3nh@-smtp" },
    });
    const read = await get("/api/settings/smtp");
    expect(read.body).not.toContain("s3nh@-smtp");
    expect(read.json()).not.toHaveProperty("password");

    // Leaving the password out keeps it; null clears it.
    const kept = await patch("/api/settings/smtp", { port: 587, secure: false, version: read.json().version });
    expect(kept.json()).toMatchObject({ port: 587, hasPassword: true });
    const cleared = await patch("/api/settings/smtp", { password: null, version: kept.json().version });
    expect(cleared.json().hasPassword).toBe(false);

    const off = await patch("/api/settings/smtp", { enabled: false, version: cleared.json().version });
    expect(off.json().delivery).toBe("env");
    expect((await patch("/api/settings/smtp", { enabled: true, version: 1 })).statusCode).toBe(412);
  });

  it("smtp: bad port or host → 400 naming the field; enabling without a host → 400 host", async () => {
    const current = (await get("/api/settings/smtp")).json();
    for (const [payload, field] of [
      [{ port: 70000 }, "port"],
      [{ port: 0 }, "port"],
      [{ port: "25" }, "port"],
      [{ port: 25.5 }, "port"],
      [{ host: "smtp empresa" }, "host"],
      [{ host: null, enabled: true }, "host"],
    ] as const) {
      const res = await patch("/api/settings/smtp", { ...payload, version: current.version });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fields(res)).toEqual([field]);
    }
    expect((await get("/api/settings/smtp")).json()).toEqual(current);
  });

  it("smtp test: queued to the administrator's own e-mail; refused when that e-mail is not usable", async () => {
    const res = await t.as(admin, { method: "POST", url: "/api/settings/smtp/test" });
    expect(res.statusCode).toBe(202);
    const row = await t.ctx.db
      .selectFrom("mail_outbox")
      .selectAll()
      .where("id", "=", res.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: "test",
      status: "queued",
      to_addresses: JSON.stringify([`${admin.username}@example.com`]),
    });

    await t.ctx.db.updateTable("users").set({ email: "" }).where("id", "=", admin.id).execute();
    const refused = await t.as(admin, { method: "POST", url: "/api/settings/smtp/test" });
    expect(refused.statusCode).toBe(400);
    expect(fields(refused)).toEqual(["email"]);
  });
});
