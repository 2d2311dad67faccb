import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Person } from "../../../shared/persons.schemas.ts";
import { loggerOptions } from "../../app.ts";
import { appointmentBody, appointmentTypeIds, createAppointment } from "../../test/appointments.ts";
import { testClock } from "../../test/clock.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";

type VEvent = Record<string, string>;

/** The VEVENTs of an iCalendar text, each as property (with its parameters) → value; folded lines unfolded. */
function vevents(ics: string): VEvent[] {
  const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
  const events: VEvent[] = [];
  let current: VEvent | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT" && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const at = line.indexOf(":");
      current[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return events;
}

/** The private iCalendar feed by secret URL. */
describe("calendar feed", () => {
  const clock = testClock("2026-03-02T12:00:00.000Z");
  let t: TestApp;
  let clerk: TestUser;
  let colleague: TestUser;
  let person: Person;
  let types: Record<string, number>;
  let timedId: number;
  beforeAll(async () => {
    t = await buildTestApp({ now: clock.now });
    const cats = await categoryIds(t.ctx);
    const grants = [{ categoryId: cats.Cliente, tab: "appointments" as const, level: "write" as const }];
    clerk = await userWithGrants(t, grants);
    colleague = await userWithGrants(t, grants);
    person = await makePerson(t.ctx, { categoryIds: [cats.Cliente], name: "João Carlos da Silva" });
    types = await appointmentTypeIds(t.ctx);
    const make = (startsAt: string, over: Record<string, unknown> = {}) =>
      createAppointment(t, clerk, person.code, appointmentBody(types, startsAt, over));
    timedId = (await make("2026-03-05T14:00:00-03:00", { subject: "Apresentar o módulo fiscal" })).id;
    await make("2026-03-10", { allDay: true, endsAt: "2026-03-11", subject: "Treinamento", typeId: types.Treinamento });
    await make("2026-02-20T13:00:00.000Z", { subject: "Visita passada" });
    await make("2026-06-01T13:00:00.000Z", { subject: "Colega", assignedUserId: colleague.id });
    await make("2025-12-01T13:00:00.000Z", { subject: "Antiga demais" });
    await make("2026-12-01T13:00:00.000Z", { subject: "Longe demais" });
    const gone = await make("2026-03-06T13:00:00.000Z", { subject: "Excluída" });
    await t.as(clerk, { method: "DELETE", url: `/api/appointments/${gone.id}`, payload: { reason: "cancelada" } });
  });
  afterAll(() => t.close());

  const create = async (user: TestUser = clerk) => {
    const res = await t.as(user, { method: "POST", url: "/api/me/calendar-feed" });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().url as string;
  };
  const fetchFeed = (url: string) => t.app.inject({ method: "GET", url: new URL(url).pathname });

  it("answers a secret URL once, stores only its hash, and serves the user's appointments without login", async () => {
    const url = await create();
    expect(url).toMatch(/^http:\/\/localhost(:80)?\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = /calendar\/(.+)\.ics$/.exec(url)?.[1] ?? "";
    const stored = await t.ctx.db.selectFrom("calendar_feeds").selectAll().where("user_id", "=", clerk.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).not.toContain(token);
    const status = await t.as(clerk, { method: "GET", url: "/api/me/calendar-feed" });
    expect(status.json()).toEqual({ active: true, createdAt: clock.now().toISOString(), lastUsedAt: null });

    const res = await fetchFeed(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const events = vevents(res.body);
    // Within −30/+180 days, assigned to the owner, not deleted: the timed one, the all-day one, the past one.
    expect(events).toHaveLength(3);
    const timed = events.find((e) => e.UID === `appointment-${timedId}@vinculo`);
    // 14:00 in São Paulo (the company's zone), as the screen shows it: 17:00 UTC.
    expect(timed).toMatchObject({
      "DTSTART;TZID=America/Sao_Paulo": "20260305T140000",
      "DTEND;TZID=America/Sao_Paulo": "20260305T150000",
      SUMMARY: "Reunião: Apresentar o módulo fiscal — João Carlos da Silva",
      SEQUENCE: "1",
    });
    // RFC 5545 3.8.7.2: DTSTAMP in UTC whatever the calendar's zone.
    const stamp = `${clock.now().toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
    for (const e of events) expect(e.DTSTAMP).toBe(stamp);
    const allDay = events.find((e) => e.SUMMARY?.includes("Treinamento —"));
    expect(allDay).toMatchObject({ "DTSTART;VALUE=DATE": "20260310", "DTEND;VALUE=DATE": "20260312" });
    expect(events.map((e) => e.SUMMARY).join("|")).not.toMatch(/Excluída|Colega|demais/);
    const used = await t.as(clerk, { method: "GET", url: "/api/me/calendar-feed" });
    expect(used.json().lastUsedAt).toBe(clock.now().toISOString());
  });

  it("keeps the UID and raises SEQUENCE when the appointment changes; shows it done", async () => {
    const url = await create();
    await t.as(clerk, {
      method: "PATCH",
      url: `/api/appointments/${timedId}`,
      payload: { subject: "Módulo fiscal", version: 1 },
    });
    await t.as(clerk, { method: "POST", url: `/api/appointments/${timedId}/done`, payload: { result: "Feito" } });
    const event = vevents((await fetchFeed(url)).body).find((e) => e.UID === `appointment-${timedId}@vinculo`);
    expect(event).toMatchObject({ SEQUENCE: "3", SUMMARY: "✓ Reunião: Módulo fiscal — João Carlos da Silva" });
  });

  it("answers 404 for a revoked, replaced or unknown URL", async () => {
    const old = await create();
    const current = await create();
    expect((await fetchFeed(old)).statusCode).toBe(404);
    expect((await fetchFeed(current)).statusCode).toBe(200);
    const revoke = await t.as(clerk, { method: "DELETE", url: "/api/me/calendar-feed" });
    expect(revoke.statusCode).toBe(204);
    const gone = await fetchFeed(current);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe("not_found");
    expect((await t.as(clerk, { method: "GET", url: "/api/me/calendar-feed" })).json().active).toBe(false);
    for (const path of ["/api/calendar/nada.ics", `/api/calendar/${"a".repeat(43)}.ics`, "/api/calendar/x"]) {
      expect((await t.app.inject({ method: "GET", url: path })).statusCode).toBe(404);
    }
  });

  it("stops serving a deactivated user's feed, and keeps each user's feed to their own appointments", async () => {
    const mine = await create(colleague);
    const events = vevents((await fetchFeed(mine)).body);
    expect(events.map((e) => e.SUMMARY)).toEqual(["Reunião: Colega — João Carlos da Silva"]);
    await t.ctx.db.updateTable("users").set({ is_active: 0 }).where("id", "=", colleague.id).execute();
    expect((await fetchFeed(mine)).statusCode).toBe(404);
  });

  it("writes the times in the company's time zone, and follows it when an administrator changes it", async () => {
    const admin = await t.user({ isAdmin: true });
    const url = await create();
    const setZone = async (timeZone: string) => {
      const current = await t.as(admin, { method: "GET", url: "/api/settings/company" });
      const res = await t.as(admin, {
        method: "PATCH",
        url: "/api/settings/company",
        payload: { timeZone, version: current.json().version },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    const feed = async () => {
      const body = (await fetchFeed(url)).body;
      const timed = vevents(body).find((e) => e.UID === `appointment-${timedId}@vinculo`) ?? {};
      const zone = /\r\nBEGIN:VTIMEZONE\r\n([\s\S]*?)\r\nEND:VTIMEZONE\r\n/.exec(body)?.[1] ?? "";
      return { body, timed, zone };
    };

    const saoPaulo = await feed();
    expect(saoPaulo.body).toContain("\r\nX-WR-TIMEZONE:America/Sao_Paulo\r\n");
    expect(saoPaulo.zone).toContain("TZID:America/Sao_Paulo\r\n");
    expect(saoPaulo.zone).toContain("TZOFFSETTO:-0300");

    // The same appointment (17:00 UTC) at 13:00 in Manaus, with Manaus's offset.
    await setZone("America/Manaus");
    const manaus = await feed();
    expect(manaus.body).toContain("\r\nX-WR-TIMEZONE:America/Manaus\r\n");
    expect(manaus.timed).toMatchObject({
      "DTSTART;TZID=America/Manaus": "20260305T130000",
      "DTEND;TZID=America/Manaus": "20260305T140000",
    });
    expect(manaus.zone).toContain("TZID:America/Manaus\r\n");
    expect(manaus.zone).toContain("TZOFFSETTO:-0400");
    expect(manaus.body).not.toContain("America/Sao_Paulo");

    // A zone with summer time: the VTIMEZONE names the day its clocks move (29/03/2026, 01:00 UTC).
    await setZone("Europe/Lisbon");
    const lisbon = await feed();
    expect(lisbon.timed).toMatchObject({ "DTSTART;TZID=Europe/Lisbon": "20260305T170000" });
    expect(lisbon.zone).toContain(
      "BEGIN:DAYLIGHT\r\nDTSTART:20260329T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nEND:DAYLIGHT",
    );
    // All-day appointments stay dates, whatever the zone.
    const allDay = vevents(lisbon.body).find((e) => e.SUMMARY?.includes("Treinamento —"));
    expect(allDay).toMatchObject({ "DTSTART;VALUE=DATE": "20260310", "DTEND;VALUE=DATE": "20260312" });
    await setZone("America/Sao_Paulo");
  });

  it("never logs the secret of a feed URL", () => {
    const options = loggerOptions("info") as { serializers: { req: (r: object) => { path: string } } };
    const logged = options.serializers.req({ method: "GET", url: "/api/calendar/s3gr3d0.ics?x=1", id: "1" });
    expect(logged.path).toBe("/api/calendar/[redacted]");
  });
});
