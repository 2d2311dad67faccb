import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockRefusal, markDoneRefusal, type RuleAppointment } from "../../../shared/appointments.rules.ts";
import { resolveTimes } from "../../../shared/appointments.time.ts";
import type { Person } from "../../../shared/persons.schemas.ts";
import { appointmentBody, appointmentTypeIds, createAppointment } from "../../test/appointments.ts";
import { DAY, testClock } from "../../test/clock.ts";
import { categoryIds, makePerson, userWithGrants } from "../../test/factories.ts";
import { buildTestApp, type TestApp, type TestUser } from "../../test/test-app.ts";
import { timesRefused } from "./appointments.access.ts";

const SP = "America/Sao_Paulo";

describe("appointment refusals name their reason", () => {
  it("gives every problem resolveTimes can answer a reason whose template is its sentence", () => {
    const inputs: Parameters<typeof resolveTimes>[0][] = [
      { allDay: true, startsAt: "2026-03-10T10:00:00Z", endsAt: null },
      { allDay: true, startsAt: "2026-03-10", endsAt: "2026-03-11T10:00:00Z" },
      { allDay: true, startsAt: "2026-03-10", endsAt: "2026-03-09" },
      { allDay: true, startsAt: "2026-01-01", endsAt: "2027-01-02" },
      { allDay: false, startsAt: "2026-03-10", endsAt: null },
      { allDay: false, startsAt: "2026-03-10T10:00:00Z", endsAt: "2026-03-11" },
      { allDay: false, startsAt: "2026-03-10T14:00:00Z", endsAt: "2026-03-10T13:00:00Z" },
      { allDay: false, startsAt: "2026-01-01T00:00:00Z", endsAt: "2027-06-01T00:00:00Z" },
    ];
    const reasons = inputs.map((input) => {
      const resolved = resolveTimes(input, 60, SP);
      if (!("problem" in resolved)) throw new Error(`no problem for ${JSON.stringify(input)}`);
      const error = timesRefused(resolved.problem);
      expect(error.message).toBe(`${resolved.problem.field}: ${resolved.problem.message}`);
      return error.reason;
    });
    expect(new Set(reasons)).toEqual(
      new Set([
        "all_day_start_format",
        "all_day_end_format",
        "last_day_before_first",
        "span_too_long",
        "date_time_with_zone",
        "end_not_after_start",
      ]),
    );
  });

  it("builds the rules' pt-BR messages from their reason and params", () => {
    const clock = { now: "2026-03-02T12:00:00.000Z", timeZone: SP };
    const locked: RuleAppointment = {
      status: "open",
      deletedAt: null,
      endsAt: "2026-03-03T15:00:00.000Z",
      endDate: null,
      lock: { userId: 2, userName: "Marta Lima", since: "2026-03-01T13:30:00.000Z", reason: "confirmando" },
    };
    expect(lockRefusal(locked, { id: 1, isAdmin: false }, clock)).toMatchObject({
      code: "locked",
      status: 423,
      reason: "appointment_locked_lock",
      params: { name: "Marta Lima", since: "01/03/2026 10:30", lockReason: "confirmando" },
      message: "Agendamento bloqueado por Marta Lima desde 01/03/2026 10:30 (confirmando): aguarde o desbloqueio.",
    });
    expect(markDoneRefusal({ ...locked, lock: null, status: "done" }, { id: 1, isAdmin: false }, clock)).toMatchObject({
      code: "appointment_done",
      reason: "appointment_done_again",
      message: "Agendamento já realizado: não pode ser marcado como realizado de novo.",
    });
  });

  describe("over the API", () => {
    const clock = testClock("2026-03-02T12:00:00.000Z");
    let t: TestApp;
    let ana: TestUser;
    let bruno: TestUser;
    let person: Person;
    let types: Record<string, number>;
    beforeAll(async () => {
      t = await buildTestApp({ now: clock.now });
      const cats = await categoryIds(t.ctx);
      const write = [{ categoryId: cats.Cliente, tab: "appointments" as const, level: "write" as const }];
      ana = await userWithGrants(t, write);
      bruno = await userWithGrants(t, write);
      await t.ctx.db.updateTable("users").set({ name: "Ana Souza" }).where("id", "=", ana.id).execute();
      person = await makePerson(t.ctx, { categoryIds: [cats.Cliente] });
      types = await appointmentTypeIds(t.ctx);
    });
    afterAll(() => t.close());

    const inDays = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();
    const post = (payload: Record<string, unknown>) =>
      t.as(ana, { method: "POST", url: `/api/persons/${person.code}/appointments`, payload });

    it("sends a rule's reason and params in the error body, beside the same pt-BR message", async () => {
      const a = await createAppointment(t, ana, person.code, appointmentBody(types, inDays(2)));
      const lock = await t.as(ana, {
        method: "POST",
        url: `/api/appointments/${a.id}/lock`,
        payload: { reason: "aguardando o cliente" },
      });
      expect(lock.statusCode, lock.body).toBe(200);
      const edit = await t.as(bruno, {
        method: "PATCH",
        url: `/api/appointments/${a.id}`,
        payload: { subject: "x", version: 2 },
      });
      expect(edit.statusCode).toBe(423);
      expect(edit.json().error).toMatchObject({
        code: "locked",
        reason: "appointment_locked_edit",
        params: { name: "Ana Souza", since: "02/03/2026 09:00", lockReason: "aguardando o cliente" },
        message:
          "Agendamento bloqueado por Ana Souza desde 02/03/2026 09:00 (aguardando o cliente): só quem bloqueou pode editá-lo.",
      });
      const moved = await t.as(ana, {
        method: "PATCH",
        url: `/api/appointments/${a.id}`,
        payload: { startsAt: inDays(-3), version: 2 },
      });
      expect(moved.json().error).toMatchObject({ code: "appointment_past", reason: "appointment_move_past" });
    });

    it("names the reason of each refused field: the server's checks and the schema's refinements", async () => {
      const badEnd = await post(appointmentBody(types, inDays(2), { endsAt: inDays(1) }));
      expect(badEnd.statusCode).toBe(400);
      expect(badEnd.json().error.details).toEqual([
        { field: "endsAt", reason: "end_not_after_start", message: "o fim deve ser depois do início" },
      ]);
      const badShape = await post(appointmentBody(types, inDays(2), { startsAt: "amanhã" }));
      expect(badShape.statusCode).toBe(400);
      expect(badShape.json().error.details[0]).toMatchObject({ field: "startsAt", reason: "date_or_date_time" });
      const a = await createAppointment(t, ana, person.code, appointmentBody(types, inDays(3)));
      const empty = await t.as(ana, { method: "PATCH", url: `/api/appointments/${a.id}`, payload: { version: 1 } });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.details[0]).toMatchObject({
        reason: "nothing_to_change",
        message: "informe ao menos um campo para alterar",
      });
      const window = await t.as(ana, { method: "GET", url: "/api/appointments?from=2026-03-01&to=2026-06-01" });
      expect(window.json().error.details).toEqual([
        { field: "to", reason: "window_too_long", message: "a janela tem no máximo 62 dias", params: { days: 62 } },
      ]);
    });

    it("refuses a cursor of another list (each list tags its cursors)", async () => {
      for (const startsAt of [inDays(4), inDays(5), inDays(6)]) {
        await createAppointment(t, ana, person.code, appointmentBody(types, startsAt));
      }
      const open = await t.as(ana, { method: "GET", url: `/api/persons/${person.code}/appointments?limit=1` });
      const cursor = open.json().nextCursor as string;
      expect(cursor).toEqual(expect.any(String));
      const next = await t.as(ana, {
        method: "GET",
        url: `/api/persons/${person.code}/appointments?limit=1&cursor=${cursor}`,
      });
      expect(next.statusCode).toBe(200);
      const done = await t.as(ana, {
        method: "GET",
        url: `/api/persons/${person.code}/appointments?status=done&cursor=${cursor}`,
      });
      expect(done.statusCode).toBe(400);
      expect(done.json().error.details[0]).toMatchObject({ field: "cursor", reason: "invalid_cursor" });
    });
  });
});
